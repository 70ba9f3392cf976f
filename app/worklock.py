"""One Demand Desk at a time per data directory: a lock file held with ``flock``.

Every way into the store (``services.set_up``, ``services.unlock``, a passphrase change)
takes the lock on ``<data dir>/demand-desk.lock`` first and the desk keeps it until it is
closed. The kernel drops a ``flock`` when its process ends, however it ends (exit,
crash, ``kill -9``), so a lock is never left behind by a dead process; the file itself
stays and only says who holds it (pid and since when), which is no case data.

Within one process the lock is re-entrant per data directory: the window, a background
import and a test's own desk may each open the same directory, and a second ``flock`` on
a fresh descriptor of the same file would refuse the process itself. A count of holders
releases it when the last one closes.

Read-only commands take it too rather than waiting: opening the store may migrate it,
a PIN check writes the failure counter and ``audit verify`` records its anchor, so no
command is safely read-only, and a clear refusal beats SQLite's "database is locked"
half way through a command.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

LOCK_NAME = "demand-desk.lock"


class WorkstationInUse(Exception):
    """Another process holds this data directory; the message names it."""


@dataclass
class _Held:
    fd: int
    count: int = 0


_held: dict[str, _Held] = {}
_guard = threading.Lock()


@dataclass
class Hold:
    """This process's share of a data directory's lock; ``release`` once when done."""

    key: str
    released: bool = field(default=False)

    def release(self) -> None:
        with _guard:
            if self.released:
                return
            self.released = True
            held = _held.get(self.key)
            if held is None:
                return
            held.count -= 1
            if held.count <= 0:
                del _held[self.key]
                # Closing the descriptor drops the flock. The file stays: removing it while
                # another process waits on its descriptor would let two hold "the" lock.
                os.close(held.fd)


def acquire(root: Path) -> Hold:
    """Take the data directory's lock for this process, or raise WorkstationInUse."""
    path = Path(root) / LOCK_NAME
    key = str(Path(root).resolve())
    with _guard:
        held = _held.get(key)
        if held is None:
            fd = _open(path)
            if fd is None:
                return Hold(key, released=True)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _holder(fd)
                os.close(fd)
                raise WorkstationInUse(
                    f"another Demand Desk is using this workstation ({holder}); nothing was changed. "
                    "Close it or let it finish, then try again."
                ) from None
            except BaseException:
                os.close(fd)
                raise
            _describe(fd)
            held = _held[key] = _Held(fd)
        held.count += 1
    return Hold(key)


def _open(path: Path) -> int | None:
    """The lock file, made if need be; None when the directory is read-only and it is missing.

    On a read-only directory or file system the lock file is opened for reading, which is
    enough for ``flock``. Where it cannot even be made, no other process can make it either,
    and none can write to the store beside it: there is nothing to hold.
    """
    flags = os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | flags, 0o600)
    except OSError as exc:
        if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise
    try:
        return os.open(path, os.O_RDONLY | flags)
    except FileNotFoundError:
        return None


def _describe(fd: int) -> None:
    note = json.dumps({"pid": os.getpid(), "since": datetime.now().astimezone().isoformat()})
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, note.encode("utf-8"), 0)
    except OSError:
        pass  # a full disk: the lock holds all the same, only the note is missing


def _holder(fd: int) -> str:
    """'pid N since HH:MM' from the holder's note, as far as it can be read."""
    try:
        note = json.loads(os.pread(fd, 4096, 0).decode("utf-8"))
        pid = int(note["pid"])
        since = datetime.fromisoformat(str(note["since"])).astimezone()
    except (OSError, ValueError, KeyError, TypeError):
        return "pid unknown"
    day = "" if since.date() == datetime.now().astimezone().date() else f"{since:%Y-%m-%d} "
    return f"pid {pid} since {day}{since:%H:%M}"
