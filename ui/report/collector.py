"""Keep Python's cyclic garbage collector from stalling the window while a report is counted.

Counting 100,000 cases builds millions of small objects on the report window's worker.
Each time the collector's oldest generation fills up it walks the whole heap (the main
window's queue included) while holding the interpreter lock: measured at 300-800 ms a
time over 100,000 cases, during which the GUI thread cannot run (issue 20, point 8).
While a report is read and counted the collector is paused; what has been built is then
moved out of its reach (``gc.freeze``). The report's objects hold no reference cycles, so
reference counting frees them as before once the report is let go (see ``_release``).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside; on leaving, the objects alive are frozen out of later
    collections and the collector runs again as before (if it was enabled)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
