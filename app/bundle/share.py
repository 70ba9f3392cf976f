"""The shared folder: dumb storage that other workstations write to at the same time.

Layout: ``<share>/demand-desk/cases/<case id>/<version id>.ddb``, the team's roster
files, ``<share>/demand-desk/roster/<file id>.ddr``, and each workstation's signed audit
heads, ``<share>/demand-desk/heads/<file id>.ddh``; nothing else and no locks. A file
is written under a hidden temporary name in its final folder, flushed to disk, then
given its final name with a hard link, which fails rather than replace a file already
there; published files are never changed or deleted. Readers see only
names of the final form, so a half-written file (``.<name>.<random>.tmp``, ours or
another workstation's) is never read.
"""

from __future__ import annotations

import errno
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from app.bundle.format import CASE_ID, EXTENSION, VERSION_ID

ROOT = "demand-desk"
CASES = "cases"
ROSTER = "roster"
ROSTER_EXTENSION = ".ddr"
HEADS = "heads"
HEAD_EXTENSION = ".ddh"
# Bundles are ciphertext, yet only the team's group reads them; every workstation's account
# adds files to the same folders, so folders are group-writable and pass their group on.
FILE_MODE = 0o640
DIR_MODE = 0o2770


class ShareError(Exception):
    """The shared folder cannot be used now; the message says why. Nothing was lost."""


@dataclass(frozen=True)
class Published:
    case_id: str
    version_id: str
    path: Path
    size: int


def cases_dir(share: Path) -> Path:
    return share / ROOT / CASES


def check_reachable(share: Path) -> None:
    if not share.is_dir():
        raise ShareError(
            f"The shared folder {share} is not reachable (unplugged, unmounted or moved). "
            "Nothing was changed; sync again once it is back."
        )


def scan(share: Path) -> list[Published]:
    """Every published bundle on the share, in a stable order."""
    root = cases_dir(share)
    found: list[Published] = []
    try:
        case_dirs = sorted(os.scandir(root), key=lambda e: e.name)
    except FileNotFoundError:
        return []  # nobody has published yet
    except OSError as exc:
        raise ShareError(f"The shared folder cannot be read: {describe(exc)}.") from exc
    for case_dir in case_dirs:
        if not CASE_ID.fullmatch(case_dir.name) or not case_dir.is_dir(follow_symlinks=False):
            continue
        try:
            entries = sorted(os.scandir(case_dir.path), key=lambda e: e.name)
        except OSError as exc:
            raise ShareError(f"The shared folder cannot be read: {describe(exc)}.") from exc
        for entry in entries:
            stem, ext = entry.name[: -len(EXTENSION)], entry.name[-len(EXTENSION) :]
            if ext != EXTENSION or not VERSION_ID.fullmatch(stem) or not entry.is_file(follow_symlinks=False):
                continue  # a temporary file, or something that is not ours
            found.append(Published(case_dir.name, stem, Path(entry.path), entry.stat().st_size))
    return found


def scan_roster(share: Path) -> list[Path]:
    """Every roster file on the share, oldest name first (names are random: order is only stable)."""
    return _scan_files(share / ROOT / ROSTER, ROSTER_EXTENSION)


def scan_heads(share: Path) -> list[Path]:
    """Every audit head file on the share, in a stable order."""
    return _scan_files(share / ROOT / HEADS, HEAD_EXTENSION)


def _scan_files(folder: Path, extension: str) -> list[Path]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise ShareError(f"The shared folder cannot be read: {describe(exc)}.") from exc
    return [
        Path(e.path)
        for e in entries
        if e.name.endswith(extension)
        and VERSION_ID.fullmatch(e.name[: -len(extension)])
        and e.is_file(follow_symlinks=False)
    ]


def publish(share: Path, case_id: str, version_id: str, data: bytes) -> Path:
    """Write one bundle under its final name, all or nothing; an existing file is left alone."""
    return _publish(share, cases_dir(share) / case_id, f"{version_id}{EXTENSION}", data)


def publish_roster(share: Path, file_id: str, data: bytes) -> Path:
    """Write one roster file, as a bundle is written."""
    return _publish(share, share / ROOT / ROSTER, f"{file_id}{ROSTER_EXTENSION}", data)


def publish_head(share: Path, file_id: str, data: bytes) -> Path:
    """Write one audit head file, as a bundle is written."""
    return _publish(share, share / ROOT / HEADS, f"{file_id}{HEAD_EXTENSION}", data)


def _publish(share: Path, folder: Path, name: str, data: bytes) -> Path:
    final = folder / name
    _make_dirs(share, folder)
    tmp = folder / f".{final.name}.{secrets.token_hex(6)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)  # the process umask (077) would keep the team out
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, final)
        except FileExistsError:
            pass  # the same version is already there, written by an earlier attempt
        except OSError as exc:
            # Some shares (SMB without unix extensions) have no hard links: rename, but
            # only after checking, so an existing file is still never replaced.
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                raise
            if not final.exists():
                os.rename(tmp, final)
        _fsync_dir(folder)
    finally:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass  # the folder went away or turned read-only: readers ignore .tmp names
    return final


def _make_dirs(share: Path, folder: Path) -> None:
    check_reachable(share)  # the share itself is never created: a missing mount must not be
    for path in dict.fromkeys((share / ROOT, folder.parent, folder)):
        try:
            path.mkdir(mode=DIR_MODE)
        except FileExistsError:
            # A link on the share could send what we publish anywhere the link points.
            if path.is_symlink() or not path.is_dir():
                raise ShareError(
                    f"{path} on the shared folder is a link or not a folder; nothing was published. "
                    "Ask whoever looks after the share to remove it."
                ) from None
            continue
        os.chmod(path, DIR_MODE)  # the umask (077) would keep colleagues out


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # not every file system can sync a directory; the file itself is synced
    finally:
        os.close(fd)


def shown(shared: Path, path: Path) -> str:
    """A file on the share as a report names it: relative to the share when it is inside."""
    try:
        return str(path.relative_to(shared))
    except ValueError:
        return str(path)


def reason(exc: OSError | ShareError) -> str:
    """Why writing to the share failed, to follow "Could not publish …: "."""
    return describe(exc) if isinstance(exc, OSError) else str(exc).rstrip(".")


def describe(exc: OSError) -> str:
    """An OS error in words a reviewer can act on."""
    reasons = {
        errno.ENOSPC: "the shared drive is full",
        errno.EDQUOT: "the shared drive's quota is used up",
        errno.EROFS: "the shared folder is read-only",
        errno.EACCES: "this workstation may not write to the shared folder",
        errno.EPERM: "this workstation may not write to the shared folder",
        errno.ENOENT: "the shared folder went away",
        errno.ENOTDIR: "the shared folder went away",
        errno.EIO: "the shared drive reported an input/output error",
        errno.ESTALE: "the shared folder went away (stale network handle)",
    }
    return reasons.get(exc.errno or 0, exc.strerror or str(exc))
