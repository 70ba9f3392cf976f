"""The Decision tab's scope: what a decision discloses (identifiers, data categories, a date
range), the editor the reviewer strikes them in, and how a scope reads in one line."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QGridLayout, QLabel, QVBoxLayout, QWidget

from ui.case.facts import CATEGORY_LABELS

EMPTY_SCOPE: dict[str, Any] = {"identifiers": [], "categories": [], "date_range": {"from": None, "to": None}}


def scope_dict(scope: Any) -> dict[str, Any]:
    """A Recommendation's Scope (dataclass) or a stored scope (dict), as Review.decide takes it."""
    if isinstance(scope, dict):
        dates = scope.get("date_range") or {}
        return {
            "identifiers": list(scope.get("identifiers", [])),
            "categories": list(scope.get("categories", [])),
            "date_range": {"from": dates.get("from"), "to": dates.get("to")},
        }
    return {
        "identifiers": list(scope.identifiers),
        "categories": list(scope.categories),
        "date_range": {"from": scope.date_from, "to": scope.date_to},
    }


def scope_summary(scope: dict[str, Any]) -> str:
    ids, cats = scope.get("identifiers", []), scope.get("categories", [])
    dates = scope.get("date_range") or {}
    if not ids and not cats:
        return QCoreApplication.translate("scope_editor", "nothing disclosed")
    parts = [
        QCoreApplication.translate("scope_editor", "1 identifier")
        if len(ids) == 1
        else QCoreApplication.translate("scope_editor", "{n} identifiers").format(n=len(ids)),
        QCoreApplication.translate("scope_editor", "1 category")
        if len(cats) == 1
        else QCoreApplication.translate("scope_editor", "{n} categories").format(n=len(cats)),
    ]
    if dates.get("from") or dates.get("to"):
        span = QCoreApplication.translate("scope_editor", "{start} to {end}")
        parts.append(span.format(start=dates.get("from") or "…", end=dates.get("to") or "…"))
    return " · ".join(parts)


class ScopeEditor(QWidget):
    """The demand's identifiers and categories, ticked while in scope (struck when not), and the dates."""

    #: the reviewer changed the scope.
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.identifier_boxes: dict[str, QCheckBox] = {}
        self.category_boxes: dict[str, QCheckBox] = {}
        self._notes: list[QLabel] = []  # "names no identifier" and the like
        self._ids_layout = QVBoxLayout()
        self._cats_layout = QVBoxLayout()
        for inner in (self._ids_layout, self._cats_layout):
            inner.setContentsMargins(0, 0, 0, 0)
            inner.setSpacing(2)
        self.redacted_note = QLabel()
        self.redacted_note.setObjectName("muted")
        self.redacted_note.setWordWrap(True)
        self.from_box = QCheckBox(self.tr("From"))
        self.to_box = QCheckBox(self.tr("To"))
        self.from_date = _date_edit(self.tr("First day in scope"))
        self.to_date = _date_edit(self.tr("Last day in scope"))
        for box, edit in ((self.from_box, self.from_date), (self.to_box, self.to_date)):
            box.setToolTip(self.tr("Untick for no limit on this side"))
            box.toggled.connect(edit.setEnabled)
            box.toggled.connect(lambda _on: self.changed.emit())
            edit.dateChanged.connect(lambda _date: self.changed.emit())
        dates = QGridLayout()
        dates.setContentsMargins(0, 0, 0, 0)
        dates.addWidget(self.from_box, 0, 0)
        dates.addWidget(self.from_date, 0, 1)
        dates.addWidget(self.to_box, 1, 0)
        dates.addWidget(self.to_date, 1, 1)
        dates.setColumnStretch(2, 1)
        ids_title = QLabel(self.tr("Identifiers"))
        cats_title = QLabel(self.tr("Data"))
        dates_title = QLabel(self.tr("Dates"))
        for title in (ids_title, cats_title, dates_title):
            title.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(ids_title)
        layout.addLayout(self._ids_layout)
        layout.addWidget(self.redacted_note)
        layout.addWidget(cats_title)
        layout.addLayout(self._cats_layout)
        layout.addWidget(dates_title)
        layout.addLayout(dates)

    def set_scope(self, facts: dict[str, Any], scope: dict[str, Any]) -> None:
        """Offer what the demand names; tick what ``scope`` keeps."""
        for widget in [*self.identifier_boxes.values(), *self.category_boxes.values(), *self._notes]:
            widget.hide()
            widget.deleteLater()
        self.identifier_boxes.clear()
        self.category_boxes.clear()
        self._notes.clear()
        values = list(dict.fromkeys(i["value"] for i in facts.get("identifiers", []) if i.get("value")))
        for value in values:
            box = self._box(value, value in scope.get("identifiers", []))
            box.setAccessibleName(self.tr("Identifier {value}").format(value=value))
            self.identifier_boxes[value] = box
            self._ids_layout.addWidget(box)
        if not values:
            self._ids_layout.addWidget(self._placeholder(self.tr("The demand names no identifier.")))
        redacted = sum(1 for i in facts.get("identifiers", []) if not i.get("value"))
        self.redacted_note.setText(
            self.tr("1 identifier redacted or unreadable: never in scope.")
            if redacted == 1
            else self.tr("{count} identifiers redacted or unreadable: never in scope.").format(count=redacted)
        )
        self.redacted_note.setVisible(redacted > 0)
        content: dict[str, bool] = {}
        for item in facts.get("data_requested", []):
            content[item["category"]] = content.get(item["category"], False) or bool(item.get("content"))
        for category, is_content in content.items():
            label = QCoreApplication.translate("Labels", CATEGORY_LABELS.get(category, category))
            if is_content and category != "content":
                label = self.tr("{label} (content)").format(label=label)
            box = self._box(label, category in scope.get("categories", []))
            box.setAccessibleName(self.tr("Category {category}").format(category=label))
            self.category_boxes[category] = box
            self._cats_layout.addWidget(box)
        if not content:
            self._cats_layout.addWidget(self._placeholder(self.tr("The demand names no data category.")))
        demand_dates = facts.get("date_range") or {}
        dates = scope.get("date_range") or {}
        for box, edit, chosen, asked in (
            (self.from_box, self.from_date, dates.get("from"), demand_dates.get("from")),
            (self.to_box, self.to_date, dates.get("to"), demand_dates.get("to")),
        ):
            edit.blockSignals(True)
            shown = QDate.fromString(chosen or asked or "", Qt.DateFormat.ISODate)
            edit.setDate(shown if shown.isValid() else QDate.currentDate())
            edit.blockSignals(False)
            box.blockSignals(True)
            box.setChecked(bool(chosen))
            box.blockSignals(False)
            edit.setEnabled(bool(chosen))

    def scope(self) -> dict[str, Any]:
        return {
            "identifiers": [v for v, box in self.identifier_boxes.items() if box.isChecked()],
            "categories": [c for c, box in self.category_boxes.items() if box.isChecked()],
            "date_range": {
                "from": self.from_date.date().toString(Qt.DateFormat.ISODate)
                if self.from_box.isChecked()
                else None,
                "to": self.to_date.date().toString(Qt.DateFormat.ISODate)
                if self.to_box.isChecked()
                else None,
            },
        }

    def clear(self) -> None:
        self.set_scope({}, EMPTY_SCOPE)
        self.redacted_note.hide()

    def _box(self, text: str, checked: bool) -> QCheckBox:
        box = QCheckBox(text)
        box.setChecked(checked)
        _strike(box, not checked)
        box.toggled.connect(lambda on, box=box: _strike(box, not on))
        box.toggled.connect(lambda _on: self.changed.emit())
        return box

    def _placeholder(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("muted")
        self._notes.append(label)
        return label


def _strike(box: QCheckBox, struck: bool) -> None:
    font = box.font()
    font.setStrikeOut(struck)
    box.setFont(font)


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setAccessibleName(name)
    return edit
