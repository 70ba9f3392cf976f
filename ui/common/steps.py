"""Runs a service's steps (``app.steps``) with the window kept responsive.

The steps use the store themselves, so they run here on the GUI thread, one turn of
the event loop at a time; each ``Io`` they hand out (the shared drive, the
cryptography: work that touches no store) runs on the thread pool, and its result or
exception goes back into the steps on the GUI thread. The store is never used from two
threads, and a slow or vanished shared drive stalls only the worker, never the window.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.steps import Io, Step, Steps
from ui.common.worker import Task, start


class StepRunner(QObject):
    #: (done, total, message) at each step between cases.
    progress = Signal(int, int, str)
    #: what the worker thread is doing now (an ``Io``'s label).
    working = Signal(str)
    #: what the steps returned.
    done = Signal(object)
    #: the exception the steps raised.
    failed = Signal(object)
    #: stopped at a step because cancel() was asked for.
    cancelled = Signal()
    #: emitted last, after done, failed or cancelled (not after abandon()).
    finished = Signal()

    def __init__(self, steps: Steps, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps = steps
        self._cancel = False
        self._over = False
        self._io: Task | None = None

    @property
    def running(self) -> bool:
        return not self._over

    def start(self) -> None:
        QTimer.singleShot(0, lambda: self._advance(None, None))

    def cancel(self) -> None:
        """Stop at the next step between cases; the current case finishes or is not begun."""
        self._cancel = True

    def abandon(self) -> None:
        """Stop now, on the GUI thread, without signals (the store is about to close).

        Work already on a worker thread finishes there; its result is dropped.
        """
        if self._over:
            return
        self._over = True
        self._steps.close()

    def _advance(self, result: Any, error: BaseException | None) -> None:
        if self._over:
            return
        try:
            step = self._steps.throw(error) if error is not None else self._steps.send(result)
        except StopIteration as stop:
            self._end(self.done, stop.value)
            return
        except Exception as exc:  # noqa: BLE001 - reported to the window, which says what went wrong
            self._end(self.failed, exc)
            return
        if isinstance(step, Io):
            self._run_io(step)
        elif isinstance(step, Step):
            self.progress.emit(step.done, step.total, step.message)
            if self._cancel:
                self._steps.close()
                self._end(self.cancelled)
                return
            # The next case on the next turn of the event loop: input and painting go first.
            QTimer.singleShot(0, lambda: self._advance(None, None))

    def _run_io(self, io: Io) -> None:
        if io.label:
            self.working.emit(io.label)
        task = Task(lambda _progress, _cancelled: io.run())
        task.signals.done.connect(lambda value: self._io_done(task, value, None))
        task.signals.failed.connect(lambda exc: self._io_done(task, None, exc))
        self._io = task
        start(task)

    def _io_done(self, task: Task, value: Any, error: BaseException | None) -> None:
        if task is not self._io:
            return
        self._io = None
        self._advance(value, error)

    def _end(self, signal: Any, *args: object) -> None:
        self._over = True
        signal.emit(*args)
        self.finished.emit()
