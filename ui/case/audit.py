"""The Audit tab: the case's trail, newest last, as the hash chain recorded it."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from app.model import AuditEvent
from ui.common.table_model import RowsModel

Index = QModelIndex | QPersistentModelIndex
ACTION_LABELS = {
    "case.intake": "Demand received",
    "fact.corrected": "Fact corrected",
    "reviewer.added": "Reviewer added",
    "workstation.created": "Workstation set up",
    "settings.changed": "Settings changed",
    "settings.letterhead": "Letterhead changed",
    "letter.drafted": "Letter drafted",
    "letter.edited": "Letter edited",
    "letter.finalised": "Letter finalised",
    "letter.exported": "Letter exported",
    "letter.printed": "Letter printed",
    "case.summary_printed": "Case summary printed",
    "letters.packaged": "Response package written",
}


def _details(event: AuditEvent) -> str:
    p = event.payload
    if event.action == "fact.corrected":
        text = f"{p.get('key')}: {p.get('from')!r} → {p.get('to')!r}"
        return text + (f" — {p['reason']}" if p.get("reason") else "")
    if event.action == "case.intake":
        return f"{p.get('filename')}, {p.get('pages')} page(s), SHA-256 {str(p.get('sha256'))[:12]}…"
    return json.dumps(p, ensure_ascii=False)


class AuditModel(RowsModel[AuditEvent]):
    HEADERS = ("#", "When (UTC)", "Reviewer", "Workstation", "Action", "Details")

    def set_events(self, events: list[AuditEvent]) -> None:
        self.set_rows(events)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        event = self.row_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                str(event.seq),
                event.at.replace("T", " ")[:19],
                event.reviewer,
                event.workstation,
                ACTION_LABELS.get(event.action, event.action),
                _details(event),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"hash {event.hash}\nprevious {event.prev_hash}"
        return None


class AuditTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AuditModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        note = QLabel(
            "Every change is recorded here and chained by hash; Tools ▸ Verify audit trail checks it."
        )
        note.setObjectName("muted")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)

    def show_events(self, events: list[AuditEvent]) -> None:
        self.model.set_events(events)
        self.table.scrollToBottom()

    def clear(self) -> None:
        self.model.set_events([])
