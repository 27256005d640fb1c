"""Pieces handed from a worker to the parent in a memory file (bsa_check.pieces), and written to
the output from there (output.GuardedWriter.write_file)."""

from __future__ import annotations

import io
import os
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bsa_check import pieces
from bsa_check.output import GuardedWriter, OutputError

pytestmark = pytest.mark.skipif(not pieces.available(), reason="needs memfd_create and send_fds (Linux)")


@pytest.fixture
def channel():
    assert pieces.open_channel()
    try:
        yield
    finally:
        pieces.close_channel()


def _in_child(act) -> bytes:
    """Everything ``act(fd)`` writes to a pipe's end ``fd`` in a forked child."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.close(read)
            act(write)
        finally:
            os._exit(0)
    os.close(write)
    data = b""
    while chunk := os.read(read, 1 << 16):
        data += chunk
    os.close(read)
    os.waitpid(pid, 0)
    return data


def _from_child(make) -> bytes:
    """What ``make()`` returns in a forked child, pickled as a pool result is."""
    return _in_child(lambda fd: os.write(fd, pickle.dumps(make())))


def _open_fds() -> set[str]:
    return set(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else set()


def test_a_piece_made_in_a_worker_reaches_the_parent_in_a_memory_file(channel):
    data = os.urandom(200_000)
    sent = _from_child(lambda: pieces.out_of_band(data))
    assert len(sent) < 200  # the result holds a token and a size, not the bytes
    piece = pickle.loads(sent)
    assert isinstance(piece, pieces.PieceFile) and len(piece) == len(data) and piece.fd >= 0
    assert piece.read() == data
    piece.close()


def test_pieces_that_arrive_out_of_order_each_get_their_own_file(channel):
    """Two workers send their descriptors before their results, in any order: each result takes its own."""
    first = _from_child(lambda: pieces.out_of_band(b"a" * 70_000))
    second = _from_child(lambda: pieces.out_of_band(b"b" * 80_000))
    two = pickle.loads(second)  # the second result is unpickled first: the first descriptor waits
    one = pickle.loads(first)
    assert one.read() == b"a" * 70_000 and two.read() == b"b" * 80_000


def test_a_small_piece_or_no_channel_keeps_the_bytes():
    assert pieces.out_of_band(b"x" * 100_000) == b"x" * 100_000  # no channel open
    assert pieces.open_channel()
    try:
        assert pieces.out_of_band(b"small") == b"small"
    finally:
        pieces.close_channel()


def test_descriptors_not_taken_are_closed_with_the_channel():
    before = _open_fds()
    assert pieces.open_channel()
    _from_child(lambda: pieces.out_of_band(b"z" * 70_000))  # sent, never unpickled (a run ended early)
    later = _from_child(lambda: pieces.out_of_band(b"w" * 70_000))
    piece = pickle.loads(later)  # receiving it takes the first descriptor off the socket, into the stash
    piece.close()
    assert len(_open_fds()) > len(before)  # the stashed descriptor is open in this process now
    pieces.close_channel()
    assert _open_fds() == before


@settings(max_examples=60, deadline=None)
@given(data=st.binary(min_size=0, max_size=3000), a=st.integers(-4000, 4000), b=st.integers(-4000, 4000),
       c=st.integers(-4000, 4000))
def test_a_piece_slices_like_its_bytes(data, a, b, c):
    fd = os.memfd_create("test")
    os.write(fd, data)
    piece = pieces.PieceFile(b"t", len(data), fd)
    try:
        part = piece[a:b]
        assert len(part) == len(data[a:b]) and part.read() == data[a:b] and bool(part) == bool(data[a:b])
        assert part[c:].read() == data[a:b][c:]  # a part of a part
        part.close()  # a part does not close the piece's descriptor
        assert piece.read() == data
    finally:
        piece.close()
    with pytest.raises(OSError):
        os.fstat(fd)  # closed by the piece


def _piece(data: bytes) -> pieces.PieceFile:
    fd = os.memfd_create("test")
    os.write(fd, data)
    return pieces.PieceFile(b"t", len(data), fd)


@pytest.mark.parametrize("mode", ["w", "a"])  # "a": O_APPEND, which sendfile refuses: copied instead
def test_write_file_puts_the_bytes_after_the_text_in_a_file(tmp_path, mode):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n" if mode == "a" else "")
    data = "ünïcode row\n".encode() * 5000
    with open(target, mode, encoding="utf-8") as stream:
        out = GuardedWriter(stream, str(target))
        out.write("head\n")
        piece = _piece(data)
        out.write_file(piece[7:])
        out.write("tail\n")
        piece.close()
    assert target.read_bytes() == (b"old\n" if mode == "a" else b"") + b"head\n" + data[7:] + b"tail\n"


def test_write_file_to_a_pipe_and_to_a_stream_without_a_descriptor():
    data = b"row\n" * 30_000

    def write_through_the_pipe(fd):
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            GuardedWriter(stream, "<stdout>").write_file(_piece(data))

    got = _in_child(write_through_the_pipe)
    assert got == data
    memory = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    GuardedWriter(memory, "<stdout>").write_file(_piece(data))  # no fileno: read and written
    memory.flush()
    assert memory.buffer.getvalue() == data


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_under_write_file_is_a_located_error():
    with open("/dev/full", "w", encoding="utf-8") as stream:
        with pytest.raises(OutputError) as caught:
            GuardedWriter(stream, "<stdout>").write_file(_piece(b"x" * 100_000))
    assert caught.value.code == "BSA411"


def test_a_descriptor_the_parent_has_no_room_for_is_a_lost_piece_and_bsa411_not_a_hang(channel, tmp_path):
    """Review finding: the kernel drops a passed descriptor when the parent is at its open-file
    limit; unpickling (in the pool's result thread) must not raise, or the run waits forever."""
    import resource

    sent = _from_child(lambda: pieces.out_of_band(b"y" * 100_000))
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    held = []
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (max(64, len(_open_fds()) + 8), hard))
        try:
            while True:
                held.append(os.open(os.devnull, os.O_RDONLY))
        except OSError:
            pass
        piece = pickle.loads(sent)  # no exception here
    finally:
        for fd in held:
            os.close(fd)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert isinstance(piece, pieces.PieceFile) and piece.lost and len(piece) == 100_000
    with open(tmp_path / "out.jsonl", "w", encoding="utf-8") as stream:
        with pytest.raises(OutputError) as caught:
            GuardedWriter(stream, str(tmp_path / "out.jsonl")).write_file(piece)
    assert caught.value.code == "BSA411" and "ulimit" in str(caught.value.hint)


def test_a_late_piece_of_an_earlier_run_is_not_waited_for(tmp_path):
    """Review finding: tokens carry the channel's number; a result of an earlier run unpickled
    while a later run's channel is open is lost at once instead of blocking that run."""
    assert pieces.open_channel()
    try:
        sent = _from_child(lambda: pieces.out_of_band(b"z" * 100_000))
    finally:
        pieces.close_channel()
    assert pieces.open_channel()
    try:
        piece = pickle.loads(sent)  # returns at once: the token names the earlier channel
        assert piece.lost
    finally:
        pieces.close_channel()
