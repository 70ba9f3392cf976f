"""Column widths the reviewer set by hand, kept per table from one session to the next.

Only columns the reviewer can drag (Interactive) are kept: the others fit their content
or take the spare width, and keeping them would undo that. Widths only, never a value.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView


class ColumnMemory(QObject):
    """Restores a table's hand-set column widths and keeps each new one under ``key``."""

    def __init__(self, view: QTableView | QTreeView, key: str, settings: QSettings) -> None:
        super().__init__(view)
        self._header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
        self._key = f"columns/{key}"
        self._settings = settings
        self._widths = self._read()
        self._restoring = False
        self.restore()
        self._header.sectionResized.connect(self._resized)
        self._header.sectionCountChanged.connect(lambda _old, _new: self.restore())

    def restore(self) -> None:
        self._restoring = True
        try:
            for index, width in self._widths.items():
                if index < self._header.count() and self._interactive(index):
                    self._header.resizeSection(index, width)
        finally:
            self._restoring = False

    def _interactive(self, index: int) -> bool:
        return self._header.sectionResizeMode(index) == QHeaderView.ResizeMode.Interactive

    def _resized(self, index: int, _old: int, new: int) -> None:
        if self._restoring or not self._interactive(index) or new <= 0:
            return
        if self._header.stretchLastSection() and index == self._header.count() - 1:
            return  # the last section's width follows the table's, not the reviewer
        self._widths[index] = new
        self._settings.setValue(self._key, json.dumps({str(k): v for k, v in sorted(self._widths.items())}))

    def _read(self) -> dict[int, int]:
        try:
            raw = json.loads(str(self._settings.value(self._key, "{}")))
        except ValueError:
            return {}
        if not isinstance(raw, dict):
            return {}
        return {
            int(k): v
            for k, v in raw.items()
            if isinstance(k, str) and k.isdigit() and isinstance(v, int) and 20 <= v <= 2000
        }


def remember_columns(root: QObject, prefix: str, settings: QSettings) -> list[ColumnMemory]:
    """Keeps the hand-set column widths of every table under ``root``, each under its
    owner's class and its place among that owner's tables (stable while the code is)."""
    memories = []
    seen: dict[str, int] = {}
    for view in root.findChildren(QAbstractItemView):
        if not isinstance(view, QTableView | QTreeView):
            continue
        owner = view.parent()
        while owner is not None and type(owner).__module__.startswith("PySide6"):
            owner = owner.parent()
        name = view.objectName() or f"{type(owner).__name__ if owner else prefix}"
        place = seen.get(name, 0)
        seen[name] = place + 1
        memories.append(ColumnMemory(view, f"{prefix}/{name}/{place}", settings))
    return memories
