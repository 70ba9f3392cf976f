"""Keep the report's worker from stalling the window while it counts (issue 20, point 8).

Two things the worker holds for everyone:
- Python's cyclic garbage collector. Counting 100,000 cases builds millions of small objects;
  each time the collector's oldest generation fills up it walks the whole heap (the main
  window's queue included) while holding the interpreter lock: measured at 300-800 ms a time.
  While a report is read and counted the collector is paused; what has been built is then
  moved out of its reach (``gc.freeze``). The report's objects hold no reference cycles, so
  reference counting frees them as before once the report is let go.
- The interpreter lock itself. A thread that wants it waits up to the switch interval (the
  window's is 1 ms, ``ui/main.py``) for a busy thread to let go, and the GUI thread asks again
  at every call a paint makes into Python: a repaint of 19 ms alone took 43 ms beside a busy
  thread at 1 ms, 24 ms at 0.5 ms (57 ms at Python's default 5 ms). While the worker counts,
  the interval is ``SHARED_SWITCH_S``; below it the repaint gained nothing more.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

SHARED_SWITCH_S = 0.0005

_lock = threading.Lock()
_sharing = 0  # contexts inside gui_first() now
_usual_switch = sys.getswitchinterval()


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


@contextmanager
def gui_first() -> Iterator[None]:
    """Inside, the interpreter lock changes hands every ``SHARED_SWITCH_S``; the usual interval
    comes back when the last such context (on any thread) is left."""
    global _sharing, _usual_switch
    with _lock:
        if _sharing == 0:
            _usual_switch = sys.getswitchinterval()
            sys.setswitchinterval(SHARED_SWITCH_S)
        _sharing += 1
    try:
        yield
    finally:
        with _lock:
            _sharing -= 1
            if _sharing == 0:
                sys.setswitchinterval(_usual_switch)
