"""The conflict dialog: a case changed here and on another workstation since the same version.

Shows both sides field by field (``Bundles.conflict_view``) and lets the reviewer keep
one. The case's data comes whole from the side kept, never mixed; the audit events of
both sides are always kept. Choosing is irreversible in practice, so the dialog says
what will be replaced before it does it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
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

from app import labels
from app.bundle.conflict_view import ConflictView, FieldDiff
from ui.case.case_facts import CONTEXT_LABELS
from ui.common.table_model import Index, RowsModel

# What each table of a case is called for a reviewer (translated where it is shown).
TABLE_LABELS = {
    "cases": QT_TRANSLATE_NOOP("conflict_dialog", "Case"),
    "documents": QT_TRANSLATE_NOOP("conflict_dialog", "Document"),
    "pages": QT_TRANSLATE_NOOP("conflict_dialog", "Page text"),
    "facts": QT_TRANSLATE_NOOP("conflict_dialog", "Fact"),
    "identifiers": QT_TRANSLATE_NOOP("conflict_dialog", "Target"),
    "data_requested": QT_TRANSLATE_NOOP("conflict_dialog", "Data asked for"),
    "checklist_answers": QT_TRANSLATE_NOOP("conflict_dialog", "Checklist"),
    "review_context": QT_TRANSLATE_NOOP("conflict_dialog", "Review context"),
    "decisions": QT_TRANSLATE_NOOP("conflict_dialog", "Decision"),
    "letters": QT_TRANSLATE_NOOP("conflict_dialog", "Letter"),
    "secrecy_orders": QT_TRANSLATE_NOOP("conflict_dialog", "Secrecy order"),
    "notices": QT_TRANSLATE_NOOP("conflict_dialog", "Notice"),
    "deadline_changes": QT_TRANSLATE_NOOP("conflict_dialog", "Deadline change"),
}
# Beyond this a value is cut in the table; the whole of it is in the tooltip.
SHOWN_CHARS = 120
DIFFERS = QColor(255, 243, 205)
# How a value came to be rather than what it is: shown only with "Show every field" (a
# row whose only differences are these still shows, so nothing differing is hidden).
BOOKKEEPING = {
    "confidence", "original_value", "source", "updated_by", "updated_at", "basis", "decided_at",
    "decided_by", "approved_at", "answered_at", "created_at", "created_by", "sha256", "finalised_at",
    "evidence", "reviewer", "page", "boxes", "recorded_at", "recorded_by", "policy_version",
}  # fmt: skip
# Who made a side's row what it is, added to its value ("narrow — by Ada Okafor").
WHO = ("updated_by", "decided_by", "reviewer", "created_by", "recorded_by")


def plain(value: Any) -> Any:
    """A stored JSON text (a fact's value, a decision's reasons) as the value it holds."""
    if isinstance(value, str) and value[:1] in ('"', "[", "{"):
        try:
            value = json.loads(value)
        except ValueError:
            return value
    return _readable(value)


def _readable(value: Any) -> Any:
    """Lists and mappings (a decision's scope) as a line of text; empty parts left out."""
    if isinstance(value, list):
        return ", ".join(str(_readable(v)) for v in value)
    if isinstance(value, dict):
        parts = ((k.replace("_", " "), _readable(v)) for k, v in value.items())
        return "; ".join(f"{k}: {v}" for k, v in parts if v not in (None, ""))
    return value


def shown(value: Any) -> str:
    value = plain(value)
    if value is None or value == "":
        return QCoreApplication.translate("conflict_dialog", "(none)")
    text = str(value)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


@dataclass(frozen=True)
class Line:
    what: str
    which: str
    field: str
    mine: str
    theirs: str
    mine_full: str
    theirs_full: str


def lines(differences: list[FieldDiff], *, every_field: bool) -> list[Line]:
    """The table's lines: one per differing field, bookkeeping folded in unless every field is asked for."""
    groups: dict[tuple[str, str], list[FieldDiff]] = {}
    for diff in differences:
        groups.setdefault((diff.table, diff.row), []).append(diff)
    out = []
    for (table, row), diffs in groups.items():
        main = diffs if every_field else [d for d in diffs if d.column not in BOOKKEEPING] or diffs
        who = {d.column: d for d in diffs if d.column in WHO}
        by = next((who[c] for c in WHO if c in who), None)
        for diff in main:
            mine, theirs = shown(diff.mine), shown(diff.theirs)
            if by is not None and not every_field and diff is not by:
                mine += _by(by.mine, table)
                theirs += _by(by.theirs, table)
            out.append(
                Line(
                    QCoreApplication.translate("conflict_dialog", TABLE_LABELS[table])
                    if table in TABLE_LABELS
                    else table,
                    QCoreApplication.translate("conflict_dialog", "revision {number}").format(number=row)
                    if table == "decisions"
                    else _row_label(row),
                    diff.column.replace("_", " "),
                    mine,
                    theirs,
                    "" if diff.mine is None else str(plain(diff.mine)),
                    "" if diff.theirs is None else str(plain(diff.theirs)),
                )
            )
    return out


def _by(who: Any, table: str) -> str:
    """Who made a side's row what it is, added to its value; a fact nobody changed was read."""
    if who:
        return QCoreApplication.translate("conflict_dialog", " — by {name}").format(name=who)
    return QCoreApplication.translate("conflict_dialog", " — as read") if table == "facts" else ""


def _row_label(row: str) -> str:
    if row in CONTEXT_LABELS:
        return QCoreApplication.translate("Labels", CONTEXT_LABELS[row])
    # A fact by its name in resources/labels.toml, in the display language.
    return labels.labels().facts.get(row) or row.replace("_", " ")


class DifferencesModel(RowsModel[Line]):
    HEADERS = (
        QT_TRANSLATE_NOOP("DifferencesModel", "What"),
        QT_TRANSLATE_NOOP("DifferencesModel", "Which"),
        QT_TRANSLATE_NOOP("DifferencesModel", "Field"),
        QT_TRANSLATE_NOOP("DifferencesModel", "This workstation"),
        QT_TRANSLATE_NOOP("DifferencesModel", "Theirs"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.row_at(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (line.what, line.which, line.field, line.mine, line.theirs)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column >= 3:
            return (line.mine_full if column == 3 else line.theirs_full) or None
        if role == Qt.ItemDataRole.BackgroundRole and column >= 3:
            return DIFFERS
        return None


def _side(title: str, side: dict[str, Any], events_only: int) -> str:
    lines = [
        f"<b>{title}</b>",
        QCoreApplication.translate("conflict_dialog", "Workstation: {name}").format(
            name=side.get("workstation") or "—"
        ),
        QCoreApplication.translate("conflict_dialog", "Last changed by: {name}").format(
            name=side.get("author") or "—"
        ),
        QCoreApplication.translate("conflict_dialog", "Version made: {when}").format(
            when=(side.get("created") or "—")[:16].replace("T", " ")
        ),
    ]
    if side.get("unpublished_changes"):
        lines.append(QCoreApplication.translate("conflict_dialog", "Has changes not yet synced"))
    lines.append(
        QCoreApplication.translate("conflict_dialog", "Audit events only here: {count}").format(
            count=events_only
        )
    )
    return "<br>".join(lines)


class ConflictDialog(QDialog):
    """``exec()`` returns Accepted with ``choice`` "mine" or "theirs", or Rejected (decide later)."""

    def __init__(self, view: ConflictView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.choice: str | None = None
        self.setWindowTitle(self.tr("Sync conflict — {reference}").format(reference=view.reference))
        self.setMinimumSize(820, 460)

        intro = QLabel(
            self.tr(
                "Case <b>{reference}</b> was changed on this workstation and on "
                "<b>{workstation}</b> since the same version. "
                "Keep one side: its facts, answers, decision and letters are taken whole. "
                "The audit events of both sides are kept either way."
            ).format(
                reference=view.reference,
                workstation=view.theirs.get("workstation") or self.tr("another workstation"),
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)

        sides = QGridLayout()
        self.mine_label = QLabel(_side(self.tr("This workstation"), view.mine, view.events_only_mine))
        self.theirs_label = QLabel(_side(self.tr("Theirs"), view.theirs, view.events_only_theirs))
        for column, label in enumerate((self.mine_label, self.theirs_label)):
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setObjectName("conflictSide")
            sides.addWidget(label, 0, column)

        self.model = DifferencesModel(self)
        self.model.set_rows(lines(view.differences, every_field=False))
        self.every_field = QCheckBox(self.tr("Show &every field (who recorded what, when, how sure OCR was)"))
        self.every_field.toggled.connect(
            lambda on: self.model.set_rows(lines(view.differences, every_field=on))
        )
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
        count = self.model.rowCount()
        if count == 1:
            summary = self.tr("1 field differs.")
        elif count:
            summary = self.tr("{count} fields differ.").format(count=count)
        else:
            summary = self.tr("The case's data is the same on both sides; only the audit events differ.")
        self.summary = QLabel(summary)

        buttons = QDialogButtonBox()
        self.keep_mine = QPushButton(self.tr("Keep &mine"))
        self.keep_theirs = QPushButton(self.tr("Keep &theirs"))
        later = QPushButton(self.tr("Decide &later"))
        buttons.addButton(self.keep_mine, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.keep_theirs, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(later, QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_mine.clicked.connect(lambda: self._choose("mine"))
        self.keep_theirs.clicked.connect(lambda: self._choose("theirs"))
        later.clicked.connect(self.reject)
        for button in (self.keep_mine, self.keep_theirs):
            button.setAutoDefault(False)
        later.setDefault(True)  # Enter must not settle a conflict by accident

        self.table.setFocus()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(sides)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.every_field)
        layout.addWidget(buttons)

    def _choose(self, choice: str) -> None:
        if self.confirm(choice):
            self.choice = choice
            self.accept()

    def confirm(self, choice: str) -> bool:
        """Asked before settling (tests answer it themselves)."""
        if choice == "theirs":
            question = self.tr(
                "Keep theirs for {reference}?\n\n"
                "This workstation's facts, decision and letters for this case are set aside "
                "(both sides' audit events stay). The other workstation gets the result at its next sync."
            )
        else:
            question = self.tr(
                "Keep mine for {reference}?\n\n"
                "{workstation}'s facts, decision and letters for this case are set aside "
                "(both sides' audit events stay). The other workstation gets the result at its next sync."
            )
        answer = QMessageBox.question(
            self,
            self.tr("Settle the conflict"),
            question.format(reference=self.view.reference, workstation=self.view.theirs.get("workstation")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes
