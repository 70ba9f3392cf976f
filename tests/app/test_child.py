"""Exchanging bytes with a reader process: all of the input arrives, however slow the child."""

from __future__ import annotations

import sys
import time

import pytest

from app.intake.child import ChildCancelledError, ChildTimeoutError, exchange

# Starts slowly (as an interpreter importing pdfium does on a busy machine), then counts its input.
SLOW_COUNTER = "import sys, time; time.sleep(0.4); sys.stdout.write(str(len(sys.stdin.buffer.read())))"


def test_a_child_slower_to_start_than_a_poll_gets_all_of_a_large_input():
    # Popen.communicate retried after a timeout stops writing; this input is 16 pipes' worth.
    status, out = exchange([sys.executable, "-c", SLOW_COUNTER], b"x" * 1_000_000, timeout=30)
    assert (status, out) == (0, b"1000000")


def test_a_child_that_reads_nothing_and_exits_gives_its_status():
    status, out = exchange([sys.executable, "-c", "import sys; sys.exit(3)"], b"x" * 1_000_000, timeout=30)
    assert (status, out) == (3, b"")


def test_a_child_that_hangs_is_killed_at_the_time_limit():
    started = time.monotonic()
    with pytest.raises(ChildTimeoutError):
        exchange([sys.executable, "-c", "import time; time.sleep(60)"], b"", timeout=0.5)
    assert time.monotonic() - started < 5


def test_cancelling_kills_the_child():
    started = time.monotonic()
    with pytest.raises(ChildCancelledError):
        exchange(
            [sys.executable, "-c", "import time; time.sleep(60)"],
            b"x" * 1_000_000,
            timeout=60,
            cancelled=lambda: time.monotonic() - started > 0.3,
        )
    assert time.monotonic() - started < 5


def test_a_reader_process_inherits_none_of_the_apps_secrets(monkeypatch):
    for name in ("DEMAND_DESK_PASSPHRASE", "DEMAND_DESK_PIN", "DEMAND_DESK_TEAM_PASSPHRASE"):
        monkeypatch.setenv(name, "canary-secret-4242")
    code = "import os, sys; sys.stdout.write(repr(sorted(os.environ)))"
    status, out = exchange([sys.executable, "-c", code], b"", timeout=30)
    assert status == 0
    names = out.decode()
    assert "DEMAND_DESK" not in names and "PATH" in names


def test_ocr_workers_and_tesseract_get_no_secrets(monkeypatch):
    from app.intake import ocrworker

    monkeypatch.setenv("DEMAND_DESK_PASSPHRASE", "canary-secret-4242")
    from app.intake.child import child_env

    assert "DEMAND_DESK_PASSPHRASE" not in child_env()
    assert not any(k.startswith("DEMAND_DESK") for k in ocrworker.TESSERACT_ENV)
    assert ocrworker.TESSERACT_ENV["OMP_THREAD_LIMIT"] == "1"


# Tells which process answered, and how nice it was.
WHO = "import os, sys; sys.stdin.buffer.read(); sys.stdout.write(f'{os.getpid()} {os.nice(0)}')"


def test_a_reader_started_ahead_answers_the_next_exchange_and_only_that_one():
    from app.intake import child

    argv = [sys.executable, "-c", WHO]
    child.start_ahead(argv)
    child.start_ahead(argv)  # one waits at most
    waiting = child._ahead[tuple(argv)]
    _status, first = exchange(argv, b"a demand", timeout=30)
    _status, second = exchange(argv, b"another", timeout=30)
    assert first.split()[0] == str(waiting.pid).encode()
    assert second.split()[0] != first.split()[0]  # one file per process


def test_ocr_workers_run_below_the_window_and_short_readers_at_its_priority():
    import os
    import queue

    from app.intake.child import READER_NICENESS
    from app.intake.ocr import _Worker

    worker = _Worker(b"%PDF-1.4\n", None, queue.Queue())
    try:
        assert os.getpriority(os.PRIO_PROCESS, worker.proc.pid) == min(19, os.nice(0) + READER_NICENESS)
    finally:
        worker.kill()
    # The probe and the facts are waited for: starved on a busy machine, they ran out of time.
    _status, out = exchange([sys.executable, "-c", WHO], b"", timeout=30)
    assert int(out.split()[1]) == os.nice(0)


def test_a_reader_started_ahead_that_died_is_replaced():
    from app.intake import child

    argv = [sys.executable, "-c", WHO]
    child.start_ahead(argv)
    child._ahead[tuple(argv)].kill()
    child._ahead[tuple(argv)].wait()
    status, out = exchange(argv, b"x", timeout=30)
    assert status == 0 and out
