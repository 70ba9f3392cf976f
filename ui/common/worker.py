"""One way to run slow work off the GUI thread, with progress, cancel and results back.

The core reports through plain callables (``progress(done, total, label)`` and
``cancelled() -> bool``); ``Task`` turns them into Qt signals delivered on the GUI
thread. Database writes stay on the GUI thread: a task computes, its ``done`` handler
stores.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    #: (done, total, label) — how far the task is.
    progress = Signal(int, int, str)
    #: an intermediate result the GUI may show before the task is done.
    partial = Signal(object)
    #: the task's return value.
    done = Signal(object)
    #: the exception the task raised (cancellation included).
    failed = Signal(object)
    #: emitted last, after done or failed.
    finished = Signal()


class Task(QRunnable):
    """``fn(progress, cancelled)`` run on the pool; connect to ``signals`` before ``start``."""

    def __init__(self, fn: Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the owner keeps it until `finished`, then drops it
        self.fn = fn
        self.signals = _Signals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit, self._cancel.is_set)
        except BaseException as exc:  # noqa: BLE001 - every failure is reported, none escapes the pool
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._emit(self.signals.failed, exc)
        else:
            self._emit(self.signals.done, result)
        finally:
            self._emit(self.signals.finished)

    @staticmethod
    def _emit(signal: Any, *args: object) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the window went away while the task ran: nobody to tell
            pass


def start(task: Task) -> Task:
    QThreadPool.globalInstance().start(task)
    return task
