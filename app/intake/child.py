"""One exchange with a reader process: bytes in on its stdin, bytes out of its stdout.

With a time limit and cancelling, and without the trap in ``Popen.communicate``: called
again after a timeout with no input (the documented way to go on waiting), it stops
writing the input it had not finished writing, so a child slower to start than the
first wait, given more than a pipe's worth of input, waits for the rest for ever. Here a
thread writes the input and another reads the output; this thread only waits.
"""

from __future__ import annotations

import atexit
import os
import subprocess
import threading
import time
from collections.abc import Callable

POLL_S = 0.05

# What a reader or OCR process needs from the environment to start and find Python, its
# packages and Tesseract's models; nothing else. The app's own secrets
# (DEMAND_DESK_PASSPHRASE, _PIN, _TEAM_PASSPHRASE) would otherwise be readable in the
# child's /proc/PID/environ while it parses a hostile file.
_KEPT = ("PATH", "HOME", "LANG", "LANGUAGE", "TMPDIR", "TZ", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")
_KEPT_PREFIXES = ("LC_", "TESSDATA", "OMP_", "_PYI", "_MEI", "LD_LIBRARY_PATH")


def child_env(**extra: str) -> dict[str, str]:
    """A minimal environment for a child process, plus ``extra``."""
    kept = {k: v for k, v in os.environ.items() if k in _KEPT or k.startswith(_KEPT_PREFIXES)}
    return {**kept, **extra}


# Added to an OCR worker's niceness: an idle core still goes to OCR, a busy one to the
# window first, so reading a long scan never makes the window stutter.
READER_NICENESS = 10


def lower_priority(pid: int) -> None:
    """Run the child (and the Tesseract it starts) below this process's priority: for the
    long background work of OCR only.

    Set from here, at once, rather than by the child, so its start-up and imports run
    low too."""
    if not hasattr(os, "setpriority"):  # pragma: no cover - Windows
        return
    try:
        os.setpriority(os.PRIO_PROCESS, pid, os.getpriority(os.PRIO_PROCESS, 0) + READER_NICENESS)
    except OSError:  # it has already ended: nothing to lower
        pass


def _start(argv: list[str]) -> subprocess.Popen[bytes]:
    # At the caller's priority: the reviewer waits for these short reads (the probe before
    # page 1, the facts), and a lower one let a busy machine starve them past their time limit.
    return subprocess.Popen(
        argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=child_env()
    )


# Readers started ahead of need, at most one per command: its interpreter and imports
# (most of the wait for a small file) are done before the file comes. Each still reads
# one file only, so a hostile file never shares a process with another.
_ahead: dict[tuple[str, ...], subprocess.Popen[bytes]] = {}
_ahead_lock = threading.Lock()


def start_ahead(argv: list[str]) -> None:
    """Start a reader now for the next ``exchange`` with ``argv``, unless one is waiting."""
    with _ahead_lock:
        waiting = _ahead.get(tuple(argv))
        if waiting is None or waiting.poll() is not None:
            _ahead[tuple(argv)] = _start(argv)


def _take(argv: list[str]) -> subprocess.Popen[bytes]:
    with _ahead_lock:
        waiting = _ahead.pop(tuple(argv), None)
    if waiting is not None and waiting.poll() is None:
        return waiting
    return _start(argv)


@atexit.register
def _stop_ahead() -> None:
    with _ahead_lock:
        for proc in _ahead.values():
            proc.kill()
            proc.wait()
        _ahead.clear()


class ChildTimeoutError(Exception):
    pass


class ChildCancelledError(Exception):
    pass


def exchange(
    argv: list[str],
    data: bytes,
    *,
    timeout: float,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[int, bytes]:
    """Run ``argv``, give it ``data``, and return (exit status, everything it wrote).

    Raises ChildTimeoutError or ChildCancelledError, with the child killed, when it takes
    longer than ``timeout`` seconds or ``cancelled()`` turns true. A reader started ahead
    with the same ``argv`` is used if one is waiting.
    """
    proc = _take(argv)
    assert proc.stdin is not None and proc.stdout is not None  # noqa: S101 - PIPE gives both
    stdin, stdout = proc.stdin, proc.stdout
    output: list[bytes] = []

    def write() -> None:
        try:
            stdin.write(data)
            stdin.close()
        except (OSError, ValueError):  # the child ended (or was killed) before reading it all
            pass

    def read() -> None:
        output.append(stdout.read())

    writer = threading.Thread(target=write, name="child-stdin", daemon=True)
    reader = threading.Thread(target=read, name="child-stdout", daemon=True)
    writer.start()
    reader.start()
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                proc.wait(timeout=POLL_S)
                break
            except subprocess.TimeoutExpired:
                if cancelled is not None and cancelled():
                    raise ChildCancelledError from None
                if time.monotonic() > deadline:
                    raise ChildTimeoutError from None
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        reader.join()
        writer.join()
        stdout.close()
    return proc.returncode, output[0] if output else b""
