"""The Facts tab: what is known of the case, where it was read, and the reviewer's corrections."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import labels
from app.domain.enums import Source
from app.fact_editors import choice_words, fact_editor, instrument_words
from app.model import FactValue
from app.schedule.deadlines import period_words
from app.services import DeskError
from ui.common.table_model import RowsModel

Index = QModelIndex | QPersistentModelIndex
Save = Callable[[str, "str | None", str], FactValue]  # (key, value or None for not known, reason)

HINTS = {
    "received": QT_TRANSLATE_NOOP(
        "Labels", "The day it was served: staleness and periods from receipt count from it"
    ),
}


def category_label(key: str) -> str:
    """A data category as the window names it ("Verkehrsdaten"); the stored key elsewhere."""
    return QCoreApplication.translate("Labels", CATEGORY_LABELS.get(key, key))


def _show(value: Any, key: str = "") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("facts", "yes") if value else QCoreApplication.translate("facts", "no")
        )
    words = choice_words(key)
    if value in words:
        return f"{words[value]} ({value})" if key == "country" else words[value]
    return (
        str(value).replace("_", " ")
        if isinstance(value, str) and "_" in value and " " not in value
        else str(value)
    )


class FactsModel(RowsModel[FactValue]):
    """Fact · Value · Confidence · Read from. A correction calls ``save(key, value, reason)``,
    which may refuse with a DeskError."""

    HEADERS = (
        QT_TRANSLATE_NOOP("FactsModel", "Fact"),
        QT_TRANSLATE_NOOP("FactsModel", "Value"),
        # Where it was read and how sure the reading is, in one column: at 1366 px a column
        # each left the value too narrow for a long word.
        QT_TRANSLATE_NOOP("FactsModel", "Read from"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.save: Save | None = None
        self.country: str | None = None

    def set_facts(self, facts: list[FactValue]) -> None:
        # The instrument is named as the law of the case's country names it.
        self.country = next((f.value for f in facts if f.key == "country" and isinstance(f.value, str)), None)
        self.set_rows(facts)

    def fact_at(self, row: int) -> FactValue:
        return self.row_at(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        fact = self.row_at(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return labels.fact(fact.key)  # resources/labels.toml, in the display language
            if column == 1:
                if fact.value is None:
                    return self.tr("not known")
                if fact.key == "instrument" and isinstance(fact.value, str):
                    return instrument_words(fact.value, self.country)
                if fact.key == "response_period" and isinstance(fact.value, str):
                    return period_words(fact.value)  # stored English; the Dates tab's words
                return _show(fact.value, fact.key)
            return self._source(fact)
        if role == Qt.ItemDataRole.ForegroundRole and column == 1 and fact.value is None:
            return Qt.GlobalColor.gray
        if (
            role == Qt.ItemDataRole.DecorationRole
            and column == 1
            and fact.flag
            and fact.source != Source.REVIEWER
        ):
            return QColor("#c26a00")
        if role == Qt.ItemDataRole.BackgroundRole and fact.flag and fact.source != Source.REVIEWER:
            return QColor(255, 244, 206)  # the extractor asks the reviewer to look
        if role == Qt.ItemDataRole.FontRole and column == 1 and fact.source == Source.REVIEWER:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return self.data(index, Qt.ItemDataRole.DisplayRole) or None  # the column may be elided
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = (
                QCoreApplication.translate("Labels", HINTS[fact.key])
                if fact.key in HINTS
                else self.tr("Double-click or press F2 to correct")
            )
            if fact.source == Source.REVIEWER:
                tip += self.tr("\nFirst reading: {value}").format(
                    value=_show(fact.original, fact.key) or self.tr("not known")
                )
            elif fact.flag:
                tip += self.tr("\nCheck this: {flag}").format(flag=fact.flag)
            return tip.strip() or None
        return None

    def _source(self, fact: FactValue) -> str:
        if fact.source == Source.REVIEWER:
            return self.tr("corrected by {updated_by}").format(updated_by=fact.updated_by)
        confidence = f"{fact.confidence:.0f}" if fact.confidence is not None else None
        if fact.page and confidence is not None:
            return self.tr("page {page} · {confidence} %").format(page=fact.page, confidence=confidence)
        if fact.page:
            return self.tr("page {page}").format(page=fact.page)
        return self.tr("{confidence} %").format(confidence=confidence) if confidence is not None else ""

    def correct(self, row: int, value: str | None, reason: str) -> None:
        """Save one correction; the use case's refusal (DeskError) is raised to the caller."""
        if self.save is None:
            return
        fact = self.row_at(row)
        self._rows[row] = self.save(fact.key, value, reason)
        if fact.key == "country":  # the instrument's local name follows the country
            self.country = self._rows[row].value if isinstance(self._rows[row].value, str) else None
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
            return
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))


CATEGORY_LABELS = {
    "subscriber_info": QT_TRANSLATE_NOOP("Labels", "Subscriber information"),
    "ip_history": QT_TRANSLATE_NOOP("Labels", "IP history"),
    "billing": QT_TRANSLATE_NOOP("Labels", "Billing"),
    "traffic": QT_TRANSLATE_NOOP("Labels", "Traffic records"),
    "content": QT_TRANSLATE_NOOP("Labels", "Content"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}


@dataclass(frozen=True)
class ReadingRow:
    what: str
    value: str
    page: int | None
    box: Any
    kind: str = ""  # "target" or "category": a row the reviewer may remove
    key: str = ""  # the target's value or the category, as the corrections name it


def reading_rows(facts_json: dict[str, Any]) -> list[ReadingRow]:
    """Identifiers, data asked for and the secrecy order, one row each, with where they were read."""
    rows = [
        ReadingRow(
            labels.kind(i["kind"]),
            QCoreApplication.translate("facts", "[redacted]") if i["redacted"] else (i["value"] or ""),
            i["page"],
            i["box"],
            "target" if i["value"] else "",
            i["value"] or "",
        )
        for i in facts_json["identifiers"]
    ]
    rows += [
        ReadingRow(
            QCoreApplication.translate("facts", "content data")
            if d["content"]
            else QCoreApplication.translate("facts", "non-content data"),
            f"{category_label(d['category'])}: {d['text'] or ''}".strip(": "),
            d["page"],
            d.get("box"),
            "category",
            d["category"],
        )
        for d in facts_json["data_requested"]
    ]
    secrecy = facts_json["secrecy_order"]
    if secrecy["present"]:
        length = (
            QCoreApplication.translate("facts", "until further order")
            if secrecy.get("open_ended")
            else QCoreApplication.translate("facts", "{duration_days} days, until {expires}").format(
                duration_days=secrecy["duration_days"], expires=secrecy["expires"]
            )
            if secrecy["duration_days"]
            else QCoreApplication.translate("facts", "length not read")
        )
        rows.append(
            ReadingRow(
                QCoreApplication.translate("facts", "secrecy order"),
                length,
                secrecy["page"],
                secrecy.get("box"),
            )
        )
    return rows


class ReadingsModel(RowsModel[ReadingRow]):
    HEADERS = (
        QT_TRANSLATE_NOOP("ReadingsModel", "What"),
        QT_TRANSLATE_NOOP("ReadingsModel", "Read as"),
        QT_TRANSLATE_NOOP("ReadingsModel", "Page"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.what, row.value, str(row.page) if row.page else "")[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.value
        return None


def _table(model: QAbstractTableModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move in it
    return table


class FactsTab(QWidget):
    #: (page 0-based, box) the reviewer selected a fact that was read from the page.
    show_source = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FactsModel(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = _table(self.model)
        self.table.setAccessibleName(self.tr("Facts read from the demand"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(lambda index: self.correct_fact(index.row()))
        # An action, not bare shortcuts: Help ▸ Keyboard shortcuts reads its keys from it.
        self.correct_action = QAction(self.tr("Correct the selected fact…"), self.table)
        self.correct_action.setShortcuts(
            [QKeySequence(k) for k in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter)]
        )
        self.correct_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.correct_action.triggered.connect(lambda: self.correct_fact(self.table.currentIndex().row()))
        self.table.addAction(self.correct_action)
        # The value takes the spare width and wraps; where it was read from gives way (elided,
        # whole in its tooltip), so a narrow panel still shows whole values.
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        # The fact's name wraps too: sized to its longest label it took a third of a narrow panel.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 130)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 105)
        self.readings = ReadingsModel(self)
        self.readings_table = _table(self.readings)
        self.readings_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # What was read is shown whole, wrapped: a category's passage ran past a narrow panel.
        self.readings_table.setWordWrap(True)
        self.readings_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rheader = self.readings_table.horizontalHeader()
        rheader.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        rheader.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        rheader.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        targets = QLabel(self.tr("Targets, data asked for, secrecy order"))
        targets.setObjectName("panelTitle")
        targets.setWordWrap(True)  # on one line, its German set the case panel's minimum width
        targets.setBuddy(self.readings_table)  # the table's name for a screen reader
        self.add_target_button = QPushButton(self.tr("Add &target…"))
        self.add_category_button = QPushButton(self.tr("Add data &asked for…"))
        self.remove_button = QPushButton(self.tr("Re&move…"))
        self.add_target_button.clicked.connect(lambda: self._correct("target"))
        self.add_category_button.clicked.connect(lambda: self._correct("category"))
        self.remove_button.clicked.connect(lambda: self._correct("remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected target or kind of data asked for"))
        self.correct_button = QPushButton(self.tr("&Correct fact…"))
        self.correct_button.setToolTip(self.tr("Correct the selected fact from the served original (F2)"))
        self.correct_button.clicked.connect(lambda: self.correct_fact(self.table.currentIndex().row()))
        fact_buttons = QHBoxLayout()
        fact_buttons.addWidget(self.correct_button)
        fact_buttons.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.add_target_button, self.add_category_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        #: the window's use case: (what, fields) -> None, raising DeskError with the refusal
        self.correct: Callable[[str, dict[str, str]], None] | None = None
        hint = QLabel(
            self.tr(
                "Double-click a fact (or press F2) to correct it; the first reading is kept. What the "
                "scan could not show (a blacked-out target, a list in an attachment) is added from the "
                "served original, with the reason."
            )
        )
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 3)
        layout.addLayout(fact_buttons)
        layout.addWidget(targets)
        layout.addWidget(self.readings_table, 2)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.readings_table.selectionModel().currentRowChanged.connect(self._on_reading)

    def show_case(self, facts_json: dict[str, Any], facts: list[FactValue], save: Save) -> None:
        pages = facts_json["pages"]
        read = self.tr(" · read by OCR") if facts_json["ocr_used"] else ""
        self.summary.setText(
            (
                self.tr("<b>{reference}</b> · 1 page{read}")
                if pages == 1
                else self.tr("<b>{reference}</b> · {pages} pages{read}")
            ).format(reference=facts_json["reference"], pages=pages, read=read)
        )
        self.model.save = save
        self.model.set_facts(facts)
        self.readings.set_rows(reading_rows(facts_json))

    def correct_fact(self, row: int) -> None:
        """Ask for one fact's correction until the use case accepts it or the reviewer cancels."""
        if self.model.save is None or not 0 <= row < self.model.rowCount():
            return
        from ui.dialogs.fact_dialog import FactDialog

        fact = self.model.fact_at(row)
        first = (
            _show(fact.original, fact.key) or self.tr("not known") if fact.source == Source.REVIEWER else ""
        )
        dialog = FactDialog(labels.fact(fact.key), fact_editor(fact.key), fact.value, first, self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                self.model.correct(row, dialog.value(), dialog.reason.text())
            except DeskError as exc:  # the refusal, in the dialog, which stays open
                dialog.show_error(str(exc))
                continue
            return

    def _correct(self, what: str) -> None:
        """Ask for one correction until the use case accepts it or the reviewer cancels."""
        if self.correct is None:
            return
        row = None
        if what == "remove":
            current = self.readings_table.currentIndex()
            row = self.readings.row_at(current.row()) if current.isValid() else None
            if row is None or not row.kind:
                QMessageBox.information(
                    self,
                    self.tr("Remove"),
                    self.tr("Select a target or a kind of data asked for in the list first."),
                )
                return
        from ui.dialogs.correction import CorrectionDialog

        dialog = CorrectionDialog(
            what,
            {k: category_label(k) for k in CATEGORY_LABELS},
            f"{row.what} {row.value}" if row else "",
            self,
        )
        while dialog.exec() == QDialog.DialogCode.Accepted:
            if what == "target":
                fields = {"action": "add_identifier", "kind": str(dialog.kind.currentData())}
                fields["value"] = dialog.value.text()
            elif what == "category":
                fields = {"action": "add_category", "category": str(dialog.category.currentData())}
            else:
                assert row is not None
                action = "remove_identifier" if row.kind == "target" else "remove_category"
                fields = {"action": action, ("value" if row.kind == "target" else "category"): row.key}
            fields["reason"] = dialog.reason.text()
            try:
                self.correct(fields.pop("action"), fields)
            except DeskError as exc:  # the refusal, in the dialog, which stays open
                dialog.show_error(str(exc))
                continue
            return

    def clear(self) -> None:
        self.summary.clear()
        self.readings.set_rows([])
        self.model.save = None
        self.correct = None
        self.model.set_facts([])

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        fact = self.model.fact_at(current.row())
        if fact.page:
            self.show_source.emit(fact.page - 1, [fact.box] if fact.box else [])

    def _on_reading(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.readings.row_at(current.row())
        if row.page:
            self.show_source.emit(row.page - 1, [tuple(row.box)] if row.box else [])
