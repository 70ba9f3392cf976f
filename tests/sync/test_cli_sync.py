"""The two-workstation scenario as a reviewer (or a script) runs it from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import services
from app.bundle import prefs as sync_prefs
from app.datadir import DataDir
from tests.cli.test_cli import PASSPHRASE, assert_failed_cleanly, runner

TEAM = {"DEMAND_DESK_TEAM_PASSPHRASE": "team file passphrase"}


@pytest.fixture
def two(tmp_path: Path):
    a, b = runner(tmp_path / "A"), runner(tmp_path / "B", reviewer="Bob")
    assert a("init", "--workstation", "wsA", "--reviewer", "Ada", pin="246813").code == 0
    assert b("init", "--workstation", "wsB", "--reviewer", "Bob", pin="246813").code == 0
    return a, b


def ok(run) -> dict:
    assert run.code == 0, run.err
    return run.json()


def test_two_workstations_share_a_case_conflict_and_agree(two, tmp_path, pdf_file):
    a, b = two
    shared = tmp_path / "shared"
    shared.mkdir()
    key = tmp_path / "usb" / "team.key"
    key.parent.mkdir()
    ok(a("team", "init", "--json"))
    ok(a("team", "export", "--out", str(key), "--json", env=TEAM))
    ok(b("team", "import", str(key), "--json", env=TEAM))

    case = ok(a("intake", str(pdf_file), "--json"))["case_id"]
    assert ok(a("sync", "--shared", str(shared), "--json"))["pushed"] == [case]
    assert ok(b("sync", "--shared", str(shared), "--json"))["pulled"] == [case]
    assert ok(b("facts", case, "--json")) == ok(a("facts", case, "--json"))
    # B asked to join with its first sync; A's administrator admits it (B's bundles count from now).
    ok(a("sync", "--shared", str(shared), "--json"))
    [asking] = ok(a("team", "admit", "--json"))["pending"]
    fingerprint = ok(b("team", "show", "--json"))["workstation"]["fingerprint"]
    assert (asking["workstation"], asking["fingerprint"]) == ("wsB", fingerprint)
    ok(a("team", "admit", "wsB", "--fingerprint", fingerprint, "--json"))

    ok(a("case-fact", case, "enterprise_customer", "yes", "--json"))
    ok(b("case-fact", case, "enterprise_customer", "no", "--json"))
    ok(a("sync", "--shared", str(shared), "--json"))
    assert ok(b("sync", "--shared", str(shared), "--json"))["conflicts"] == [case]
    assert ok(a("sync", "--shared", str(shared), "--json"))["conflicts"] == [case]
    [listed] = ok(a("conflicts", "--json"))
    assert listed["case_id"] == case
    view = ok(a("conflicts", case, "--json"))
    assert {"table": "review_context", "row": "enterprise_customer", "column": "value"}.items() <= next(
        d for d in view["differences"] if d["row"] == "enterprise_customer" and d["column"] == "value"
    ).items()

    done = ok(a("resolve", case, "--keep", "theirs", "--json"))
    assert done == {"case_id": case, "kept": "theirs"}
    assert ok(a("conflicts", "--json")) == []
    assert ok(a("sync", "--shared", str(shared), "--json"))["pushed"] == [case]
    assert ok(b("sync", "--shared", str(shared), "--json"))["pulled"] == [case]
    assert ok(b("conflicts", "--json")) == []
    assert ok(a("facts", case, "--json")) == ok(b("facts", case, "--json"))
    for side in (a, b):
        assert ok(side("audit", "verify", "--json"))["ok"] is True
        again = ok(side("sync", "--shared", str(shared), "--json"))
        assert (again["pushed"], again["pulled"], again["conflicts"]) == ([], [], [])
    trail_a = {(e["at"], e["action"]) for e in ok(a("audit", "show", case, "--json"))}
    trail_b = {(e["at"], e["action"]) for e in ok(b("audit", "show", case, "--json"))}
    assert trail_a == trail_b

    # A manual hand-over: export on B, import on A (already there: nothing changes).
    out = ok(b("bundle", "export", case, "--to", str(tmp_path / "usb"), "--json"))["out"]
    assert ok(a("bundle", "import", out, "--json"))["outcome"] == "already"


def test_plain_failures_exit_1_with_a_reason(two, tmp_path):
    a, _ = two
    (tmp_path / "shared").mkdir()
    assert_failed_cleanly(a("sync", "--shared", str(tmp_path / "shared")), "team init")
    ok(a("team", "init", "--json"))
    assert_failed_cleanly(a("sync", "--shared", str(tmp_path / "nowhere")), "not reachable")
    assert_failed_cleanly(a("team", "export", "--out", str(tmp_path / "k")), "DEMAND_DESK_TEAM_PASSPHRASE")
    junk = tmp_path / "junk.ddb"
    junk.write_bytes(b"not a bundle")
    assert_failed_cleanly(a("bundle", "import", str(junk)), "Bundle refused")
    assert_failed_cleanly(a("resolve", "nope", "--keep", "mine"), "No case matches")


def test_sync_prints_json_for_automation(two, tmp_path):
    a, _ = two
    ok(a("team", "init", "--json"))
    shared = tmp_path / "shared"
    shared.mkdir()
    report = ok(a("sync", "--shared", str(shared), "--json"))
    assert {"pushed", "pulled", "conflicts", "refused"} <= set(report)
    assert json.dumps(report)


def test_sync_uses_the_folder_in_the_settings_and_says_when_there_is_none(two, tmp_path, pdf_file):
    a, _ = two
    ok(a("team", "init", "--json"))
    case = ok(a("intake", str(pdf_file), "--json"))["case_id"]
    assert_failed_cleanly(a("sync"), "--shared DIR")
    shared = tmp_path / "shared"
    shared.mkdir()
    shown = ok(a("settings", "--set", f"sync_folder={shared}", "--set", "sync_every_minutes=15", "--json"))
    assert (shown["sync_folder"], shown["sync_every_minutes"]) == (str(shared), 15)
    assert ok(a("sync", "--json"))["pushed"] == [case]
    assert [p.parent.name for p in shared.rglob("*.ddb")] == [case]
    desk = services.unlock(DataDir(tmp_path / "A"), passphrase=PASSPHRASE)
    try:
        last = sync_prefs.last_sync(desk)  # what the window's status bar shows
        assert last is not None and (last.ok, last.pushed) == (True, 1)
    finally:
        desk.close()
    assert_failed_cleanly(a("settings", "--set", "sync_every_minutes=5000"), "1 to 1440")
    off = ok(a("settings", "--set", "sync_folder=", "--json"))
    assert (off["sync_folder"], off["sync_every_minutes"]) == (None, 0)
