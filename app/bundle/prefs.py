"""Where this workstation syncs, how often, and how the last sync went.

Kept in the encrypted store's settings, like the other workstation settings: the
shared folder's path says which team this is, so it is not left in a plain file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from pathlib import Path

from app.bundle.sync_report import SyncReport
from app.jsontypes import JsonValue
from app.services import Desk, DeskError
from app.settings import Setting, integer, text

_FOLDER = text("sync_folder", __name__)
_EVERY = integer("sync_every_minutes", __name__)
# 0 means "only when asked"; a day is the longest cycle that still reads as "automatic".
MAX_EVERY_MINUTES = 24 * 60


@dataclass(frozen=True)
class SyncPrefs:
    folder: Path | None
    every_minutes: int  # 0: sync only when asked


@dataclass(frozen=True)
class LastSync:
    at: str
    ok: bool
    pushed: int
    pulled: int
    conflicts: int
    refused: int
    message: str  # the first error, or what was done


def _last_of(raw: str) -> LastSync:
    """ValueError when written by another version."""
    doc: JsonValue = json.loads(raw)
    last = _checked_last(doc)
    if last is None:
        raise ValueError("not a last sync written by this version")
    return last


def _checked_last(doc: JsonValue) -> LastSync | None:
    """The last sync as ``note_sync`` wrote it; None for anything else."""
    if not isinstance(doc, dict) or set(doc) != {f.name for f in fields(LastSync)}:
        return None
    at, ok, message = doc["at"], doc["ok"], doc["message"]
    counts = [
        n for n in (doc["pushed"], doc["pulled"], doc["conflicts"], doc["refused"]) if isinstance(n, int)
    ]
    if not (isinstance(at, str) and isinstance(ok, bool) and isinstance(message, str)) or len(counts) != 4:
        return None
    pushed, pulled, conflicts, refused = counts
    return LastSync(at, ok, pushed, pulled, conflicts, refused, message)


def _last_text(last: LastSync) -> str:
    return json.dumps(last.__dict__)


_LAST = Setting("sync_last", __name__, _last_of, _last_text)


def prefs(desk: Desk) -> SyncPrefs:
    folder = _FOLDER.get(desk.store) or ""
    try:
        every = _EVERY.get(desk.store) or 0
    except ValueError:
        every = 0
    return SyncPrefs(Path(folder) if folder else None, every if 0 <= every <= MAX_EVERY_MINUTES else 0)


def set_prefs(desk: Desk, folder: Path | None, every_minutes: int) -> SyncPrefs:
    """Change where and how often to sync (audited); the folder need not be reachable now."""
    if not 0 <= every_minutes <= MAX_EVERY_MINUTES:
        raise DeskError(f"Sync every 1 to {MAX_EVERY_MINUTES} minutes, or 0 for only when asked.")
    if folder is not None and not folder.is_absolute():
        raise DeskError("Give the shared folder as a full path.")
    if every_minutes and folder is None:
        raise DeskError("Choose the shared folder before syncing automatically.")
    actor = desk.actor()
    with desk.store.atomic():
        _FOLDER.put(desk.store, str(folder) if folder else "")
        _EVERY.put(desk.store, every_minutes)
        desk.record(
            "settings.changed",
            None,
            {"sync_folder": str(folder) if folder else None, "sync_every_minutes": every_minutes},
            actor=actor,
        )
    return prefs(desk)


def note_sync(desk: Desk, report: SyncReport | None, error: str = "") -> LastSync:
    """Remember how a sync ended (a report, or the error that stopped it before it began)."""
    if report is None:
        message, ok = error, False
    elif report.errors:
        message, ok = report.errors[0], False
    elif report.cancelled:
        message, ok = "Cancelled before it finished; nothing was half-done.", False
    else:
        message, ok = "", True
    last = LastSync(
        at=desk.now(),
        ok=ok,
        pushed=len(set(report.pushed)) if report else 0,
        pulled=len(set(report.pulled)) if report else 0,
        conflicts=len(set(report.conflicts)) if report else 0,
        refused=len(report.refused) if report else 0,
        message=message,
    )
    _LAST.put(desk.store, last)
    return last


def last_sync(desk: Desk) -> LastSync | None:
    try:
        return _LAST.get(desk.store)
    except (ValueError, TypeError):
        return None  # written by another version: the next sync writes it again
