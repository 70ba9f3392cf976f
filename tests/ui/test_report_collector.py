"""The report's worker pauses the cyclic collector while it counts, and leaves it as it found it."""

from __future__ import annotations

import gc

import pytest

from ui.report.collector import collector_paused


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
