"""A guard against PySide6 6.12.0 freeing None, True and False under Python 3.11.

Shiboken 6.12.0 takes one reference too few to the object a wrapped C++ call returns
when that object is a singleton: every call of a method that returns nothing
(``QLabel.setText``, ``QWidget.update``, ``QTimer.start``, ``processEvents``) takes one
reference from ``None``, and every ``Signal.emit`` one from ``True``. Python 3.12 and
later make these objects immortal, so there it is harmless; on Python 3.11 (Debian 12's,
and this project's floor) the count reaches zero after some tens of thousands of calls
and the interpreter aborts ("none_dealloc: deallocating None"): the window would die
after an hour of use, and a benchmark died after twenty seconds. Measured: 6.11.3 has
no such leak, but QtPdf comes as its own wheel (PySide6-Pdf) only for 6.12.0, and the
older route (PySide6-Addons) brings WebEngine, which a secure workstation must not have.

So, once at start, the three objects are given 2**40 references more: at a million
leaked references a second that lasts 12 days; at the rate a reviewer's window makes
calls, longer than any workstation runs. ``tests/ui/test_refcounts.py`` checks that the
guard holds, and says when a PySide6 release no longer needs it.
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 40
_applied = False


def leaks_singletons() -> bool:
    """Does this PySide6 take references it does not own (checked with QTimer.stop)?"""
    from PySide6.QtCore import QTimer

    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(100):
        timer.stop()
    return sys.getrefcount(None) < before - 50


def guard_singletons() -> None:
    """Give None, True and False headroom against leaked references (Python < 3.12 only)."""
    global _applied
    if _applied or sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        # CPython keeps the reference count as the object's first field.
        count = ctypes.c_ssize_t.from_address(id(singleton))
        count.value += HEADROOM
    _applied = True
