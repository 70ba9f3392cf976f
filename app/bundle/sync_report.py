"""What one sync did: published, received, conflicts, files refused and the share's errors.

Filled by ``Bundles.sync_steps``; the status bar, the last-sync setting (app/bundle/prefs.py)
and ``demand-desk sync --json`` read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypedDict

from app.bundle.head_sync import HeadReport, HeadReportJson
from app.bundle.roster_sync import RosterReport, RosterReportJson


class RefusalJson(TypedDict):
    file: str
    reason: str


class SyncReportJson(TypedDict):
    pushed: list[str]
    pulled: list[str]
    conflicts: list[str]
    refused: list[RefusalJson]
    errors: list[str]
    cancelled: bool
    roster: RosterReportJson
    heads: HeadReportJson


@dataclass(frozen=True)
class Refusal:
    file: str
    reason: str

    def to_json(self) -> RefusalJson:
        return {"file": self.file, "reason": self.reason}


@dataclass
class SyncReport:
    pushed: list[str] = field(default_factory=list)
    pulled: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # the share could not be written: retry later
    cancelled: bool = False
    bytes_written: int = 0
    roster: RosterReport = field(default_factory=RosterReport)
    heads: HeadReport = field(default_factory=HeadReport)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.cancelled

    def to_json(self) -> SyncReportJson:
        return {
            "pushed": sorted(set(self.pushed)),
            "pulled": sorted(set(self.pulled)),
            "conflicts": sorted(set(self.conflicts)),
            "refused": [r.to_json() for r in self.refused],
            "errors": self.errors,
            "cancelled": self.cancelled,
            "roster": self.roster.to_json(),
            "heads": self.heads.to_json(),
        }
