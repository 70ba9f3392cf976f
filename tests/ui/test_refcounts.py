"""The window survives PySide6's leaked references to None and True (see ui/common/refcounts.py)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

import ui  # noqa: F401 - importing the window's package applies the guard
from ui.common import refcounts


class _Emitter(QObject):
    fired = Signal(int)


def test_none_and_true_keep_their_headroom_through_many_qt_calls(qapp):
    label, timer, emitter = QLabel(), QTimer(), _Emitter()
    emitter.fired.connect(lambda _n: None)
    for _ in range(50_000):  # more than None's own count on a bare interpreter
        label.setText("x")
        timer.stop()
        emitter.fired.emit(1)
        qapp.processEvents()
    if sys.version_info < (3, 12):
        assert sys.getrefcount(None) > refcounts.HEADROOM // 2
        assert sys.getrefcount(True) > refcounts.HEADROOM // 2


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_the_guard_is_still_needed(qapp):
    # When this fails, the installed PySide6 no longer leaks: the guard can go.
    assert refcounts.leaks_singletons()
