"""One Demand Desk at a time per data directory (app/worklock.py): a second process is
refused with a message naming the first, and changes nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli as cli_main
from app import services, worklock
from app.datadir import DataDir
from tests.cli.test_cli import (  # noqa: F401  # noqa: F401
    PASSPHRASE,
    assert_failed_cleanly,
    cli,
    home,
    initialised,
    initialised_template,
    pdf_file,
)

ROOT = Path(__file__).resolve().parents[2]
# A second process that unlocks the workstation the way the window does, then waits.
HOLDER = """
import sys
from app import services
from app.datadir import DataDir
desk = services.unlock(DataDir(__import__("pathlib").Path(sys.argv[1])), passphrase=sys.argv[2])
print("holding", flush=True)
sys.stdin.read()
desk.close()
"""


@pytest.fixture
def holder(home: Path, initialised):  # noqa: F811
    """Another process that has this data directory open; stops when the test ends."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(home), PASSPHRASE],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.strip() == "holding", proc.stderr.read() if proc.stderr else ""
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=30)


def test_second_process_is_refused_naming_the_first_and_changes_nothing(holder, initialised, home, pdf_file):  # noqa: F811
    before = (home / "store.db").read_bytes()
    for args in (("intake", str(pdf_file), "--json"), ("cases", "--json"), ("audit", "verify")):
        done = initialised(*args)
        assert_failed_cleanly(
            done, "another Demand Desk is using this workstation", f"pid {holder.pid} since"
        )
        assert "database is locked" not in done.err
    assert (home / "store.db").read_bytes() == before


def test_two_syncs_at_once_end_in_the_message_not_database_is_locked(holder, initialised, tmp_path):  # noqa: F811
    shared = tmp_path / "shared"
    shared.mkdir()
    done = initialised("sync", "--shared", str(shared), "--json")
    assert_failed_cleanly(done, "another Demand Desk is using this workstation")
    assert list(shared.iterdir()) == []


def test_the_lock_goes_with_a_process_that_dies(holder, initialised):  # noqa: F811
    os.kill(holder.pid, signal.SIGKILL)  # a crash: no clean-up ran
    holder.wait(timeout=30)
    done = initialised("cases", "--json")
    assert done.code == 0, done.err


def test_the_lock_is_released_when_the_holder_closes(holder, initialised):  # noqa: F811
    assert holder.stdin is not None
    holder.stdin.close()  # the holder closes its desk and exits normally
    holder.wait(timeout=30)
    assert initialised("cases", "--json").code == 0


def test_one_process_may_open_its_own_data_directory_twice(initialised, home, capsys):  # noqa: F811
    # The window and a command run in the same process (as tests do) share the lock.
    desk = services.unlock(DataDir(home), passphrase=PASSPHRASE)
    try:
        os.environ["DEMAND_DESK_PASSPHRASE"] = PASSPHRASE
        try:
            assert cli_main.main(["--data-dir", str(home), "cases", "--json"]) == 0
        finally:
            del os.environ["DEMAND_DESK_PASSPHRASE"]
        assert desk.cases() == []  # still open, still locked for others
        other = subprocess.run(
            [sys.executable, "-c", HOLDER, str(home), PASSPHRASE],
            cwd=ROOT,
            input="",
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert other.returncode != 0 and "another Demand Desk is using this workstation" in other.stderr
    finally:
        desk.close()
    # Released with the last desk: another process may take it now.
    hold = worklock.acquire(home)
    hold.release()
