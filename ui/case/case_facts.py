"""The "case facts" form: what a reviewer establishes about a case that no scan can tell.

An enterprise customer, where the data is stored, a journalist as target, the offence,
the owner's consent: ``Review.set_context`` records them (with the reason given) and the
checklist is evaluated again.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.review.service import CONTEXT_KEYS

CONTEXT_LABELS = {
    "enterprise_customer": QT_TRANSLATE_NOOP("Labels", "The data belongs to an enterprise customer"),
    "enterprise_exception": QT_TRANSLATE_NOOP("Labels", "One of the narrow enterprise exceptions applies"),
    "enterprise_seats": QT_TRANSLATE_NOOP("Labels", "Enterprise seats"),
    "data_stored_in": QT_TRANSLATE_NOOP("Labels", "Data stored in"),
    "target_is_journalist_or_activist": QT_TRANSLATE_NOOP(
        "Labels", "Target is a journalist, activist or human-rights defender"
    ),
    "offence": QT_TRANSLATE_NOOP("Labels", "Offence"),
    "offence_criminalises_protected_activity": (
        QT_TRANSLATE_NOOP(
            "Labels",
            "The offence criminalises speech, journalism, religion, sexual orientation or peaceful assembly",
        )
    ),
    "owner_consent": QT_TRANSLATE_NOOP("Labels", "The account owner consents (civil demands)"),
}
PLACEHOLDERS = {
    "data_stored_in": QT_TRANSLATE_NOOP("Labels", "country code, e.g. IE (not known)"),
    "offence": QT_TRANSLATE_NOOP("Labels", "the offence investigated (not known)"),
}


class CaseFactsForm(QGroupBox):
    """What the reviewer establishes about the case that no scan can tell; saved together, with a reason."""

    #: {key: value} the reviewer changed and asked to save, and the reason given.
    save_requested = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Case facts a scan cannot tell"), parent)
        self._stored: dict[str, Any] = {}
        self._fields: dict[str, QWidget] = {}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, kind in CONTEXT_KEYS.items():
            label = (
                QCoreApplication.translate("Labels", CONTEXT_LABELS[key])
                if key in CONTEXT_LABELS
                else key.replace("_", " ")
            )
            widget: QWidget
            if kind is bool:
                combo = QComboBox()
                combo.addItem(self.tr("not known"), None)
                combo.addItem(self.tr("yes"), True)
                combo.addItem(self.tr("no"), False)
                combo.currentIndexChanged.connect(self._update_buttons)
                widget = combo
            elif kind is int:
                spin = QSpinBox()
                spin.setRange(0, 10_000_000)
                spin.setSpecialValueText(self.tr("not known"))
                spin.valueChanged.connect(self._update_buttons)
                widget = spin
            else:
                line = QLineEdit()
                line.setPlaceholderText(
                    QCoreApplication.translate("Labels", PLACEHOLDERS[key])
                    if key in PLACEHOLDERS
                    else self.tr("not known")
                )
                line.textChanged.connect(self._update_buttons)
                widget = line
            widget.setAccessibleName(label)
            widget.setToolTip(label)
            self._fields[key] = widget
            caption = QLabel(label)
            caption.setWordWrap(True)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("how you know (kept in the audit trail)"))
        self.reason.setAccessibleName(self.tr("Reason for the case facts"))
        form.addRow(self.tr("Reason"), self.reason)
        self.save = QPushButton(self.tr("Save case facts"))
        self.save.setEnabled(False)
        self.save.clicked.connect(self._save)
        self.undo = QPushButton(self.tr("Undo changes"))
        self.undo.setEnabled(False)
        self.undo.clicked.connect(lambda: self.show_values(self._stored))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.undo)
        row.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)

    def value(self, key: str) -> Any:
        widget = self._fields[key]
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QSpinBox):
            return widget.value() or None
        assert isinstance(widget, QLineEdit)
        return widget.text().strip() or None

    def show_values(self, values: Mapping[str, Any]) -> None:
        self._stored = {key: values.get(key) for key in self._fields}
        for key, widget in self._fields.items():
            value = self._stored[key]
            widget.blockSignals(True)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)) if value is not None else 0)
            elif isinstance(widget, QSpinBox):
                widget.setValue(int(value) if isinstance(value, int) else 0)
            elif isinstance(widget, QLineEdit):
                widget.setText("" if value is None else str(value))
            widget.blockSignals(False)
        self.reason.clear()
        self._update_buttons()

    def changes(self) -> dict[str, Any]:
        return {key: self.value(key) for key in self._fields if self.value(key) != self._stored.get(key)}

    def _update_buttons(self, *_args: object) -> None:
        changed = bool(self.changes())
        self.save.setEnabled(changed)
        self.undo.setEnabled(changed)

    def _save(self) -> None:
        changes = self.changes()
        if changes:
            self.save_requested.emit(changes, self.reason.text())
