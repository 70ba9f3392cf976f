"""Small file-system habits every reader and writer shares: private modes, atomic replace,
bounded reading of files a user or colleague chose."""

from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path


class NotPrivateError(OSError):
    """The data folder cannot be made private; ``strerror`` says why."""


def ensure_private_dir(path: Path) -> None:
    """Make ``path`` a folder only this account can enter. A folder others may write to (a
    shared one such as /tmp) is refused rather than taken over: changing its mode would
    break it for everyone else."""
    try:
        path.mkdir(parents=True, mode=0o700)
    except FileExistsError:
        info = path.lstat()
        if not stat.S_ISDIR(info.st_mode):
            raise NotPrivateError(errno.ENOTDIR, f"{path} is not a folder") from None
        if info.st_mode & 0o022:
            raise NotPrivateError(
                errno.EPERM,
                f"{path} is a folder others may write to; choose a folder of its own for the "
                "workstation's data (Demand Desk makes it private)",
            ) from None
    os.chmod(path, 0o700)


def write_atomic(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write under a temporary name, flush to disk, then rename over the target.

    A crash or a full disk leaves the old file whole; the temporary file is removed.
    """
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class UnreadableFile(OSError):
    """A file that is not read: not a regular file, or larger than the limit. ``strerror`` says why."""


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, refusing anything else without blocking.

    A pipe, device or socket (a FIFO hangs a plain read for ever, ``/dev/zero`` never ends)
    is refused after opening it non-blocking, and at most ``limit`` + 1 bytes are read,
    whatever size the file claims, so memory stays bounded.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(
                errno.EINVAL, f"{path.name} is not a regular file (a pipe, device or folder)"
            )
        too_big = f"{path.name} is larger than {limit / 2**20:.0f} MB, the limit"
        if info.st_size > limit:
            raise UnreadableFile(errno.EFBIG, too_big)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise UnreadableFile(errno.EFBIG, too_big)
        return b"".join(chunks)
    finally:
        os.close(fd)
