"""The conflict dialog: a case changed here and on another workstation since the same version.

Shows both sides field by field (``Bundles.conflict_view``) and lets the reviewer keep
one. The case's data comes whole from the side kept, never mixed; the audit events of
both sides are always kept. Choosing is irreversible in practice, so the dialog says
what will be replaced before it does it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.bundle.service import ConflictView, FieldDiff
from ui.common.table_model import Index, RowsModel

# What each table of a case is called for a reviewer.
TABLE_LABELS = {
    "cases": "Case",
    "documents": "Document",
    "pages": "Page text",
    "facts": "Fact",
    "identifiers": "Target",
    "data_requested": "Data asked for",
    "checklist_answers": "Checklist",
    "review_context": "Review context",
    "decisions": "Decision",
    "letters": "Letter",
    "secrecy_orders": "Secrecy order",
    "notices": "Notice",
    "deadline_changes": "Deadline change",
}
# Beyond this a value is cut in the table; the whole of it is in the tooltip.
SHOWN_CHARS = 120
DIFFERS = QColor(255, 243, 205)


def shown(value: Any) -> str:
    if value is None or value == "":
        return "—"
    text = str(value)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


class DifferencesModel(RowsModel[FieldDiff]):
    HEADERS = ("What", "Which", "Field", "This workstation", "Theirs")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        diff = self.row_at(index.row())
        column = index.column()
        values = (TABLE_LABELS.get(diff.table, diff.table), diff.row, diff.column, diff.mine, diff.theirs)
        if role == Qt.ItemDataRole.DisplayRole:
            return shown(values[column]) if column >= 3 else values[column]
        if role == Qt.ItemDataRole.ToolTipRole and column >= 3:
            return None if values[column] is None else str(values[column])
        if role == Qt.ItemDataRole.BackgroundRole and column >= 3:
            return DIFFERS
        return None


def _side(title: str, side: dict[str, Any], events_only: int) -> str:
    lines = [
        f"<b>{title}</b>",
        f"Workstation: {side.get('workstation') or '—'}",
        f"Last changed by: {side.get('author') or '—'}",
        f"Version made: {(side.get('created') or '—')[:16].replace('T', ' ')}",
    ]
    if side.get("unpublished_changes"):
        lines.append("Has changes not yet synced")
    lines.append(f"Audit events only here: {events_only}")
    return "<br>".join(lines)


class ConflictDialog(QDialog):
    """``exec()`` returns Accepted with ``choice`` "mine" or "theirs", or Rejected (decide later)."""

    def __init__(self, view: ConflictView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.choice: str | None = None
        self.setWindowTitle(f"Sync conflict — {view.reference}")
        self.setMinimumSize(820, 460)

        intro = QLabel(
            f"Case <b>{view.reference}</b> was changed on this workstation and on "
            f"<b>{view.theirs.get('workstation') or 'another workstation'}</b> since the same version. "
            "Keep one side: its facts, answers, decision and letters are taken whole. "
            "The audit events of both sides are kept either way."
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)

        sides = QGridLayout()
        self.mine_label = QLabel(_side("This workstation", view.mine, view.events_only_mine))
        self.theirs_label = QLabel(_side("Theirs", view.theirs, view.events_only_theirs))
        for column, label in enumerate((self.mine_label, self.theirs_label)):
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setObjectName("conflictSide")
            sides.addWidget(label, 0, column)

        self.model = DifferencesModel(self)
        self.model.set_rows(view.differences)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        count = len(view.differences)
        self.summary = QLabel(
            f"{count} field{'s' if count != 1 else ''} differ."
            if count
            else "The case's data is the same on both sides; only the audit events differ."
        )

        buttons = QDialogButtonBox()
        self.keep_mine = QPushButton("Keep &mine")
        self.keep_theirs = QPushButton("Keep &theirs")
        later = QPushButton("Decide &later")
        buttons.addButton(self.keep_mine, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.keep_theirs, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(later, QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_mine.clicked.connect(lambda: self._choose("mine"))
        self.keep_theirs.clicked.connect(lambda: self._choose("theirs"))
        later.clicked.connect(self.reject)
        later.setDefault(True)  # Enter must not settle a conflict by accident

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(sides)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def _choose(self, choice: str) -> None:
        if self.confirm(choice):
            self.choice = choice
            self.accept()

    def confirm(self, choice: str) -> bool:
        """Asked before settling (tests answer it themselves)."""
        dropped = "this workstation's" if choice == "theirs" else f"{self.view.theirs.get('workstation')}'s"
        answer = QMessageBox.question(
            self,
            "Settle the conflict",
            f"Keep {choice} for {self.view.reference}?\n\n"
            f"{dropped[0].upper()}{dropped[1:]} facts, decision and letters for this case are set aside "
            "(both sides' audit events stay). The other workstation gets the result at its next sync.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes
