"""Bounds around every fuzz test: a hard stop for a hang, and a ceiling on memory."""

from __future__ import annotations

import signal
import tracemalloc
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest

# One test (all its examples) may not run longer than this; a hang fails it instead of the suite.
TEST_SECONDS = 120
# What one call on a few kilobytes of input may allocate at its peak.
MEMORY_BYTES = 64 * 2**20

T = TypeVar("T")


class Hung(Exception):
    pass


@pytest.fixture(autouse=True)
def hang_guard() -> Iterator[None]:
    from hypothesis import settings

    # The "deep" profile runs twenty times the examples, and gets twenty times as long.
    seconds = TEST_SECONDS * max(1.0, (settings.default.max_examples or 60) / 60)

    def expired(_signum: int, _frame: Any) -> None:
        raise Hung(f"the test ran longer than {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def bounded(
    call: Callable[[], T], expected: type[BaseException] | tuple[type[BaseException], ...]
) -> T | None:
    """``call()``, allowed to fail only with ``expected``, and within MEMORY_BYTES at its peak."""
    tracemalloc.start()
    try:
        try:
            return call()
        except expected:
            return None
        finally:
            _, peak = tracemalloc.get_traced_memory()
            assert peak < MEMORY_BYTES, f"peak {peak / 2**20:.0f} MiB"
    finally:
        tracemalloc.stop()
