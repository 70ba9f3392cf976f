"""``demand-desk report`` as a script runs it: figures on stdout or in a file, failures on stderr."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PIN, REVIEWER
from tests.report.builder import add_case, decide
from tests.report.conftest import EXPECTED_TOTALS

DEMAND_DESK = Path(sys.executable).with_name("demand-desk")


@pytest.fixture
def cli(desk, passphrase):
    """cli(*args) runs demand-desk on the desk fixture's data directory."""

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        # Exporting is audited, so the command names its reviewer, as every changing one does.
        env = dict(
            os.environ, DEMAND_DESK_PASSPHRASE=passphrase, DEMAND_DESK_REVIEWER=REVIEWER, DEMAND_DESK_PIN=PIN
        )
        return subprocess.run(
            [str(DEMAND_DESK), "--data-dir", str(desk.data_dir.root), *args],
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    return run


def failed_cleanly(done: subprocess.CompletedProcess[str], *phrases: str) -> None:
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert done.stdout == "" and "Traceback" not in done.stderr
    for phrase in phrases:
        assert phrase in done.stderr, done.stderr


def test_json_on_stdout_has_the_known_figures(cli, known_decided_late):
    done = cli("report", "--period", "2026H1", "--format", "json")
    assert done.returncode == 0, done.stderr
    totals = json.loads(done.stdout)["totals"]
    assert {k: totals[k] for k in EXPECTED_TOTALS} == EXPECTED_TOTALS
    assert json.loads(cli("report", "--period", "2026H1", "--json").stdout)["totals"]["demands"] == 11


def test_csv_to_stdout_and_to_a_file(cli, known_decided_late, tmp_path):
    done = cli("report", "--period", "2026H1", "--format", "csv")
    assert done.returncode == 0, done.stderr
    lines = list(csv.DictReader(io.StringIO(done.stdout)))
    assert next(r for r in lines if r["table"] == "totals")["demands"] == "11"
    out = tmp_path / "apple.csv"
    done = cli("report", "--period", "2026H1", "--format", "csv", "--layout", "apple", "--out", str(out))
    assert done.returncode == 0 and done.stdout == "" and "apple.csv" in done.stderr
    assert out.read_text().splitlines()[0].startswith("Period,Country/Region,Account Requests Received")


def test_pdf_needs_an_out_file_and_is_written_there(cli, known_decided_late, tmp_path):
    failed_cleanly(cli("report", "--period", "2026H1", "--format", "pdf"), "--out")
    out = tmp_path / "report.pdf"
    done = cli("report", "--period", "2026H1", "--format", "pdf", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_a_report_that_does_not_reconcile_exits_1_naming_the_case_and_writes_nothing(desk, cli, tmp_path):
    add_case(desk.store, received="2026-03-04", reference="ODD-1", outcome="partially_granted")
    out = tmp_path / "report.csv"
    done = cli("report", "--period", "2026H1", "--format", "csv", "--out", str(out))
    failed_cleanly(done, "does not reconcile", "ODD-1", "partially_granted")
    assert not out.exists()
    summary = cli("report", "--period", "2026H1")
    assert summary.returncode == 1 and "PROBLEM" in summary.stdout and "ODD-1" in summary.stdout


def test_freeze_then_a_change_is_listed(desk, cli, known_decided_late):
    done = cli("report", "freeze", "--period", "2026H1", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["demands"] == 11
    failed_cleanly(cli("report", "freeze", "--period", "2026H1"), "was frozen on")
    decide(desk.store, known_decided_late.undecided, "reject")
    data = json.loads(cli("report", "--period", "2026H1", "--json").stdout)
    assert data["changed_since_frozen"] == [known_decided_late.undecided]
    assert data["totals"]["outcomes"]["pending"] == 3  # as published
    changes = json.loads(cli("report", "changes", "--period", "2026H1", "--json").stdout)
    assert changes == [
        {"case_id": known_decided_late.undecided, "reference": "H1-UNDECIDED", "change": "changed"}
    ]
    live = json.loads(cli("report", "--period", "2026H1", "--json", "--live").stdout)
    assert live["totals"]["outcomes"]["rejected"] == 3


def test_the_cases_behind_a_figure(cli, known_decided_late):
    done = cli("report", "cases", "--period", "2026H1", "--table", "outcomes_by_country", "--row", "ZZ",
               "--column", "demands", "--json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [{"case_id": known_decided_late.challenged_no_country,
                                        "reference": "H1-CHALLENGE"}]  # fmt: skip
    failed_cleanly(cli("report", "cases", "--period", "2026H1", "--table", "nope", "--row", "x",
                       "--column", "y"), "outcomes_by_country")  # fmt: skip


def test_a_period_that_is_not_one_is_refused(cli):
    failed_cleanly(cli("report", "--period", "2026H3", "--format", "json"), "half-year like 2026H1")
    failed_cleanly(cli("report", "--format", "json"), "--period")
