"""Where and how often a workstation syncs, and how its last sync went."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.bundle import prefs
from app.bundle.sync_report import Refusal, SyncReport
from app.services import DeskError


def test_settings_are_kept_audited_and_checked(station_a, shared):
    assert prefs.prefs(station_a.desk) == prefs.SyncPrefs(None, 0)
    with pytest.raises(DeskError, match="Choose the shared folder"):
        prefs.set_prefs(station_a.desk, None, 15)
    with pytest.raises(DeskError, match="full path"):
        prefs.set_prefs(station_a.desk, Path("relative/share"), 0)
    with pytest.raises(DeskError, match="1 to 1440"):
        prefs.set_prefs(station_a.desk, shared, 5000)

    assert prefs.set_prefs(station_a.desk, shared, 15) == prefs.SyncPrefs(shared, 15)
    [event] = [e for e in station_a.desk.audit_trail() if e.action == "settings.changed"]
    assert event.payload == {"sync_folder": str(shared), "sync_every_minutes": 15}


def test_the_last_sync_says_what_happened(station_a):
    assert prefs.last_sync(station_a.desk) is None
    report = SyncReport(pushed=["a", "a", "b"], refused=[Refusal("x.ddb", "damaged")])
    last = prefs.note_sync(station_a.desk, report)
    assert (last.ok, last.pushed, last.refused) == (True, 2, 1)
    assert prefs.last_sync(station_a.desk) == last

    failed = prefs.note_sync(station_a.desk, SyncReport(errors=["the shared drive is full"]))
    assert not failed.ok and failed.message == "the shared drive is full"
    gone = prefs.note_sync(station_a.desk, None, "The shared folder is not reachable")
    assert not gone.ok and prefs.last_sync(station_a.desk) == gone
