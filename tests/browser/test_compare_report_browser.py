"""The HTML compare report in a real headless Chromium: it renders, its charts paint, it fetches nothing.

Skipped when Chromium is not installed locally; under CI (CI=true) a missing Chromium is a failure,
since `.ci/run` installs it (Debian package `chromium`).

No-network check: Chromium runs with every request forced through a proxy that is a local socket
this test listens on (``--proxy-server``; ``<-loopback>`` makes even loopback go through it). A
page that fetched anything would connect to it. A control page with one external image proves the
trap works, so "no connection" means something. Chromium itself talks to a few Google service hosts
in the background (component updater, sign-in, network time) whatever the page is, and some of it
cannot be switched off by flags; those exact host names (no wildcards: fonts.googleapis.com, the
likeliest leak, is not among them) are not counted as the page's requests. The report is also
checked statically to contain no URL at all (tests/acceptance/test_compare.py).
"""

from __future__ import annotations

import os
import shutil
import socket
import struct
import subprocess
import threading
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bsa_check.cli import app
from tests.conftest import EXAMPLES

CHROMIUM = next((p for p in (shutil.which(n) for n in ("chromium", "chromium-browser")) if p), None)
if CHROMIUM is None:
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is not installed; .ci/run installs it (apt-get install -y chromium)", pytrace=False)
    pytest.skip("chromium is not installed (apt-get install chromium); CI runs this test", allow_module_level=True)

WIDTH, HEIGHT = 900, 2200
BROWSER_SERVICE_HOSTS = frozenset({"update.googleapis.com", "accounts.google.com", "clients2.google.com",
                                   "clientservices.googleapis.com", "redirector.gvt1.com", "edgedl.me.gvt1.com"})


def _host(request_line: str) -> str:
    """The host of a proxy request line: ``CONNECT host:443 HTTP/1.1`` or ``GET http://host/path HTTP/1.1``."""
    parts = request_line.split()
    if len(parts) < 2:
        return ""
    target = parts[1]
    if "://" in target:
        target = target.split("://", 1)[1]
    return target.split("/", 1)[0].rsplit(":", 1)[0].lower()


class ProxyTrap:
    """A listening socket that counts (and drops) every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.requests: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            conn.settimeout(5)  # a loaded CI machine can be slow to send the request line
            try:
                data = conn.recv(300)
            except OSError:
                data = b"?"  # connected and said nothing for 5 s: counted, to be safe
            conn.close()
            if not data:
                # closed without a byte: a speculative preconnect the browser dropped unused. It asked
                # for nothing, so nothing could have been loaded through it (seen once in CI)
                continue
            first = data.split(b"\r\n", 1)[0].decode("latin-1")
            if _host(first) not in BROWSER_SERVICE_HOSTS:
                self.connections += 1
                self.requests.append(first)

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


def chromium(page: Path, *args: str, proxy_port: int, tmp: Path) -> subprocess.CompletedProcess:
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-default-apps", "--disable-extensions", "--metrics-recording-only", "--no-pings",
           "--disable-domain-reliability", "--disable-client-side-phishing-detection", "--disable-breakpad",
           "--disable-features=NetworkTimeServiceQuerying,OptimizationHints,Translate,MediaRouter,"
           "CertificateTransparencyComponentUpdater,AutofillServerCommunication,InterestFeedContentSuggestions",
           f"--user-data-dir={tmp / 'profile'}", f"--proxy-server=127.0.0.1:{proxy_port}",
           "--proxy-bypass-list=<-loopback>", f"--window-size={WIDTH},{HEIGHT}",
           "--virtual-time-budget=3000", *args, page.as_uri()]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """A tiny PNG decoder (8-bit RGB/RGBA, non-interlaced): width, height, rows of RGB(A) bytes."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
            bpp = 4 if colour == 6 else 3
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif f == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif f == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif f == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = prev[i], prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, bpp, rows


class Dom(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, int] = {}
        self.classes: set[str] = set()
        self.refs: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags[tag] = self.tags.get(tag, 0) + 1
        for name, value in attrs:
            if name == "class" and value:
                self.classes.update(value.split())
            if name in ("src", "href", "xlink:href", "srcset", "action", "poster", "data"):
                self.refs.append((tag, value or ""))


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    result = CliRunner().invoke(app, ["compare", str(EXAMPLES / "students.csv"), "--rules", "ho-current",
                                      "--rules", "ho-proposed-2023", "--as-of", "2026-08-20", "--lang", "en",
                                      "--output", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_trap_sees_a_page_that_fetches(tmp_path):
    page = tmp_path / "control.html"
    page.write_text('<!DOCTYPE html><img src="http://example.invalid/x.png">', encoding="utf-8")
    trap = ProxyTrap()
    try:
        chromium(page, "--dump-dom", proxy_port=trap.port, tmp=tmp_path)
    finally:
        trap.close()
    assert trap.connections > 0, "the proxy trap saw nothing: the no-network check would prove nothing"


def test_report_renders_charts_and_tables_without_network(report, tmp_path):
    trap = ProxyTrap()
    try:
        dom_run = chromium(report, "--dump-dom", proxy_port=trap.port, tmp=tmp_path)
        shot = tmp_path / "shot.png"
        chromium(report, f"--screenshot={shot}", proxy_port=trap.port, tmp=tmp_path)
    finally:
        trap.close()
    assert trap.connections == 0, f"the report made {trap.connections} network connection(s): {trap.requests}"

    dom = Dom()
    dom.feed(dom_run.stdout)
    assert dom.tags.get("svg") == 2, dom.tags
    assert dom.tags.get("rect", 0) >= 15 and dom.tags.get("line", 0) >= 5
    assert {"matrix", "data", "norm", "cards", "rulesets"} <= dom.classes
    assert dom.tags.get("table") == 2 and dom.tags.get("script") is None
    assert dom.refs == []
    assert "Comparison of BSA rule sets" in dom_run.stdout and "PROPOSAL, NOT LAW" in dom_run.stdout

    width, bpp, rows = png_pixels(shot.read_bytes())
    assert width == WIDTH and len(rows) == HEIGHT
    colours: set[tuple[int, int, int]] = set()
    for line in rows[::4]:
        for x in range(0, width * bpp, bpp * 3):
            colours.add((line[x], line[x + 1], line[x + 2]))
    assert len(colours) > 50, "the screenshot is (nearly) blank"

    def painted(hex_colour: str) -> bool:
        want = tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
        return any(all(abs(a - b) <= 3 for a, b in zip(c, want)) for c in colours)

    # the outcome-mix bars (positive green, negative red) and the histogram (same / changed) are painted
    for colour in ("#2f9e44", "#c92a2a", "#a5b8cc", "#f08c00"):
        assert painted(colour), colour
