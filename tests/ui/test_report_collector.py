"""The report's worker pauses the cyclic collector and shares the interpreter more often while it
counts, and leaves both as it found them."""

from __future__ import annotations

import gc
import sys

import pytest

from ui.report.collector import SHARED_SWITCH_S, collector_paused, gui_first


def test_no_collection_while_counting_and_the_collector_runs_again_after() -> None:
    collected: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collected.append(info["generation"])

    gc.callbacks.append(seen)
    try:
        with collector_paused():
            assert not gc.isenabled()
            built = [[] for _ in range(50_000)]  # far past every generation's threshold
        assert collected == []
        assert len(built) == 50_000
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # what was built is out of later sweeps
    finally:
        gc.callbacks.remove(seen)
        gc.unfreeze()


def test_a_failed_count_still_gives_the_collector_back() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("cancelled")
    assert gc.isenabled()
    gc.unfreeze()


def test_a_collector_switched_off_by_someone_else_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


def test_while_counting_the_interpreter_changes_hands_ten_times_as_often_then_as_before() -> None:
    """The GUI thread waits up to the switch interval for the worker at every call it makes
    into Python while painting; beside a count, that turned a 19 ms repaint into 57 ms."""
    usual = sys.getswitchinterval()
    with gui_first():
        assert sys.getswitchinterval() == SHARED_SWITCH_S < usual / 5
        with gui_first():  # a second count (another report window) keeps it short
            pass
        assert sys.getswitchinterval() == SHARED_SWITCH_S
    assert sys.getswitchinterval() == usual


def test_a_failed_count_gives_the_usual_switch_interval_back() -> None:
    usual = sys.getswitchinterval()
    with pytest.raises(RuntimeError), gui_first():
        raise RuntimeError("cancelled")
    assert sys.getswitchinterval() == usual
