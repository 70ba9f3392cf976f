"""The Audit tab: the case's trail, newest last, as the hash chain recorded it.

Each event is a sentence in words (``app.labels.audit_sentence``); the selected event's
particulars, hashes included, are under Details.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.labels import audit_details, audit_sentence
from app.model import AuditEvent
from ui.common.table_model import RowsModel

Index = QModelIndex | QPersistentModelIndex
ACTION_ROLE = Qt.ItemDataRole.UserRole + 1  # the stored action code, for tests and tools
WHO_COLUMN, SENTENCE_COLUMN = 2, 3


class AuditModel(RowsModel[AuditEvent]):
    HEADERS = (
        QT_TRANSLATE_NOOP("AuditModel", "#"),
        QT_TRANSLATE_NOOP("AuditModel", "When (UTC)"),
        QT_TRANSLATE_NOOP("AuditModel", "Who"),
        QT_TRANSLATE_NOOP("AuditModel", "What happened"),
    )

    def set_events(self, events: list[AuditEvent]) -> None:
        self.set_rows(events)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        event = self.row_at(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            # Day over time, and reviewer over workstation: two narrow columns leave the
            # sentence the width of a 1366 px screen's case panel.
            return (
                str(event.seq),
                event.at.replace("T", "\n")[:19],
                self.tr("{reviewer}\non {workstation}").format(
                    reviewer=event.reviewer, workstation=event.workstation
                ),
                audit_sentence(event),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == WHO_COLUMN:
            return self.tr("{reviewer}, at workstation {workstation}").format(
                reviewer=event.reviewer, workstation=event.workstation
            )
        if role == Qt.ItemDataRole.ToolTipRole and column == SENTENCE_COLUMN:
            return audit_sentence(event)
        if role == ACTION_ROLE:
            return event.action
        return None


def details_html(event: AuditEvent) -> str:
    e = html.escape
    rows = [
        *audit_details(event),
        (QCoreApplication.translate("audit", "Hash"), event.hash),
        (QCoreApplication.translate("audit", "Previous hash"), event.prev_hash),
    ]
    cells = "".join(
        f"<tr><td style='color:#5f6368;padding-right:12px'>{e(name)}</td><td>{e(value)}</td></tr>"
        for name, value in rows
    )
    return f"<p><b>{e(audit_sentence(event))}</b></p><table>{cells}</table>"


class AuditTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AuditModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Audit trail"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName(self.tr("Audit trail of this case"))
        # What happened takes the spare width and wraps; who gives way (dragged wider, it is
        # kept): at 1366 px the sentence showed a dozen letters.
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WHO_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(WHO_COLUMN, 100)
        header.setSectionResizeMode(SENTENCE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)

        self.details_button = QToolButton()
        self.details_button.setText(self.tr("Details"))
        self.details_button.setCheckable(True)
        self.details_button.setArrowType(Qt.ArrowType.RightArrow)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.setAccessibleName(self.tr("Show the selected event's details"))
        self.details_button.toggled.connect(self._toggle_details)
        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("Audit event details"))
        self.details.setMaximumHeight(180)
        self.details.hide()

        note = QLabel(
            self.tr(
                "Every change is recorded here and chained by hash; Tools ▸ Verify audit trail checks it."
            )
        )
        note.setObjectName("muted")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details_button)
        layout.addWidget(self.details)
        layout.addWidget(note)

    def show_events(self, events: list[AuditEvent]) -> None:
        self.model.set_events(events)
        self.table.scrollToBottom()
        self._show_details(self.table.currentIndex())

    def clear(self) -> None:
        self.model.set_events([])
        self.details.clear()

    def _toggle_details(self, shown: bool) -> None:
        self.details_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.details.setVisible(shown)
        self._show_details(self.table.currentIndex())

    def _show_details(self, current: Index, _previous: Index | None = None) -> None:
        if not current.isValid():
            self.details.setHtml(self.tr("<p style='color:#5f6368'>Select an event to see its details.</p>"))
            return
        self.details.setHtml(details_html(self.model.row_at(current.row())))
