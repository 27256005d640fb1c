"""Reading what a child process wrote to a pseudo-terminal, for the tests that run the command on
a real terminal (``pty.openpty()``: the child gets the follower end, the test reads the leader)."""
from __future__ import annotations

import os
import select
import subprocess


def drain(leader: int, proc: subprocess.Popen[bytes], timeout: float = 60) -> bytes:
    """Everything the child writes to the terminal until it closes it (or ``timeout`` seconds pass
    without a byte: then the child is killed); the leader end is closed afterwards."""
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], timeout)
        if not ready:
            proc.kill()
            break
        try:
            data = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    return b"".join(chunks)
