"""The Facts tab: what is known of the case, where it was read, and the reviewer's corrections."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.model import FactValue

Index = QModelIndex | QPersistentModelIndex

LABELS = {
    "instrument": "Instrument",
    "issuing_authority": "Issuing authority",
    "country": "Country",
    "date_issued": "Date issued",
    "signed": "Signed",
    "addressee": "Addressee",
    "response_due": "Response due",
    "emergency": "Emergency",
    "date_range_from": "Data from",
    "date_range_to": "Data to",
}
HINTS = {
    "instrument": "subpoena, court_order, search_warrant, emergency_request, nsl, …",
    "country": "two-letter ISO code",
    "date_issued": "YYYY-MM-DD",
    "response_due": "YYYY-MM-DD",
    "date_range_from": "YYYY-MM-DD",
    "date_range_to": "YYYY-MM-DD",
    "signed": "yes / no",
    "emergency": "yes / no",
}


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return (
        str(value).replace("_", " ")
        if isinstance(value, str) and "_" in value and " " not in value
        else str(value)
    )


class FactsModel(QAbstractTableModel):
    """Fact · Value · Read from. Editing a value calls ``save(key, text)``, which may refuse."""

    #: (message) a correction was refused; the view shows it.
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._facts: list[FactValue] = []
        self.save: Callable[[str, str], FactValue] | None = None

    def set_facts(self, facts: list[FactValue]) -> None:
        self.beginResetModel()
        self._facts = list(facts)
        self.endResetModel()

    def fact_at(self, row: int) -> FactValue:
        return self._facts[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._facts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ("Fact", "Value", "Read from")[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.column() == 1 and self.save is not None:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        fact = self._facts[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:
                return LABELS.get(fact.key, fact.key)
            if column == 1:
                if role == Qt.ItemDataRole.EditRole:
                    return "" if fact.value is None else _show(fact.value)
                return _show(fact.value) if fact.value is not None else "not known"
            if fact.source == "reviewer":
                return f"corrected by {fact.updated_by}"
            return f"page {fact.page}" if fact.page else ""
        if role == Qt.ItemDataRole.ForegroundRole and column == 1 and fact.value is None:
            return Qt.GlobalColor.gray
        if role == Qt.ItemDataRole.FontRole and column == 1 and fact.source == "reviewer":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = HINTS.get(fact.key, "")
            if fact.source == "reviewer":
                tip += f"\nFirst reading: {_show(fact.original) or 'not known'}"
            return tip.strip() or None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or index.column() != 1 or self.save is None:
            return False
        fact = self._facts[index.row()]
        if str(value).strip() == ("" if fact.value is None else _show(fact.value)):
            return False
        try:
            updated = self.save(fact.key, str(value))
        except Exception as exc:  # noqa: BLE001 - the service's refusal is shown, not raised
            self.refused.emit(str(exc))
            return False
        self._facts[index.row()] = updated
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 2))
        return True


class FactsTab(QWidget):
    #: (page 0-based, box) the reviewer selected a fact that was read from the page.
    show_source = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FactsModel(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.lists = QLabel()
        self.lists.setWordWrap(True)
        self.lists.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QLabel("Double-click a value (or press F2) to correct it; the first reading is kept.")
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.lists)
        layout.addWidget(hint)
        self.model.refused.connect(lambda message: QMessageBox.warning(self, "Correction not saved", message))
        self.table.selectionModel().currentRowChanged.connect(self._on_current)

    def show_case(
        self, facts_json: dict[str, Any], facts: list[FactValue], save: Callable[[str, str], FactValue]
    ) -> None:
        pages = facts_json["pages"]
        read = " · read by OCR" if facts_json["ocr_used"] else ""
        self.summary.setText(
            f"<b>{facts_json['reference']}</b> · {pages} page{'s' if pages != 1 else ''}{read}"
        )
        self.model.save = save
        self.model.set_facts(facts)
        idents = facts_json["identifiers"]
        wanted = facts_json["data_requested"]
        secrecy = facts_json["secrecy_order"]
        lines = [
            "<b>Identifiers:</b> "
            + (", ".join(i["value"] or "[redacted]" for i in idents) if idents else "none read yet"),
            "<b>Data requested:</b> "
            + (", ".join(d["category"].replace("_", " ") for d in wanted) if wanted else "none read yet"),
            "<b>Secrecy order:</b> "
            + {True: f"yes, until {secrecy['expires'] or 'further order'}", False: "none"}.get(
                secrecy["present"], "not known"
            ),
        ]
        self.lists.setText("<br>".join(lines))

    def clear(self) -> None:
        self.summary.clear()
        self.lists.clear()
        self.model.save = None
        self.model.set_facts([])

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        fact = self.model.fact_at(current.row())
        if fact.page:
            self.show_source.emit(fact.page - 1, [fact.box] if fact.box else [])
