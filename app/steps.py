"""Long work written as steps, so that one driver runs it in line and another keeps a window responsive.

A service writes the work as a generator. It does the store's work itself and hands
out, as ``Io``, the work that touches no store (a shared drive, cryptography, a file);
it yields a ``Step`` between units of work (cases), where a driver reports progress and
may stop. ``drive`` runs it all in line (the command line); the window runs each ``Io``
on a worker thread and the rest on the GUI thread (``ui/common/steps.py``), so the
store is only ever used from one thread.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class Io:
    """Work for the driver that touches no store: it may run on another thread."""

    run: Callable[[], object]
    label: str = ""


@dataclass(frozen=True)
class Step:
    """How far the work is; the driver may stop here (between units of work)."""

    done: int
    total: int
    message: str


Steps = Generator[Io | Step, Any, Any]


def drive(steps: Steps, progress: Progress, cancelled: Cancelled) -> tuple[bool, Any]:
    """Run steps in line: (False, None) when cancelled, else (True, what the steps returned).

    An ``Io``'s exception is raised inside the steps, at the step that asked for it.
    """
    result: object = None
    error: BaseException | None = None
    while True:
        try:
            step = steps.throw(error) if error is not None else steps.send(result)
        except StopIteration as stop:
            return True, stop.value
        result, error = None, None
        if isinstance(step, Io):
            try:
                result = step.run()
            except Exception as exc:  # noqa: BLE001 - handed back to the step that asked
                error = exc
        else:
            progress(step.done, step.total, step.message)
            if cancelled():
                steps.close()
                return False, None
