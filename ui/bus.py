"""The window's change notices: one signal carrying what an action changed (``app.changes``).

The main window publishes a ``Changed`` after each action; every view that shows case data
subscribes and refreshes itself when something it shows changed, so no one keeps a list
of what to refresh after what.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from app.changes import Changed


class Bus(QObject):
    changed = Signal(object)  # a Changed

    def publish(self, changed: Changed) -> None:
        self.changed.emit(changed)

    def subscribe(self, handler: Callable[[Changed], None]) -> None:
        self.changed.connect(handler)
