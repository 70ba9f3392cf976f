"""Correcting one fact from the served original: the editor fits the fact (a list in words, a
date, yes or no, text) and a reason is asked for. What each fact accepts is in
app/fact_editors.py; the refusal of a value or of a missing reason comes from app/ and is
shown here, with the dialog left open."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.fact_editors import FactEditor
from ui.dialogs.access import buttons_for, error_label

NOT_KNOWN = QT_TRANSLATE_NOOP("Labels", "Not known")


class FactDialog(QDialog):
    def __init__(
        self,
        label: str,
        editor: FactEditor,
        current: Any,
        first_reading: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Correct: {label}").format(label=label))
        self.setMinimumWidth(480)  # room for a reason a colleague can follow later
        self.editor = editor
        self.choice = QComboBox()
        self.date = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.not_known = QCheckBox(QCoreApplication.translate("Labels", NOT_KNOWN))
        self.text = QLineEdit()
        self.reason = QLineEdit(placeholderText=self.tr("what the served original shows, and where"))
        self.reason.setAccessibleName(self.tr("Reason"))
        field = self._field(current)
        field.setAccessibleName(label)
        form = QFormLayout()
        form.addRow(label, field)
        if first_reading:
            form.addRow(self.tr("First reading"), QLabel(first_reading))
        form.addRow(self.tr("Reason"), self.reason)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons_for(self, self.tr("Correct"), self.accept))
        field.setFocus()

    def _field(self, current: Any) -> QWidget:
        kind = self.editor.kind
        if kind == "choice":
            self.choice.addItem(QCoreApplication.translate("Labels", NOT_KNOWN), None)
            for value, words in self.editor.choices:
                self.choice.addItem(words, value)
            if len(self.editor.choices) > 20:  # a long list (countries): type a few letters to find one
                self.choice.setEditable(True)
                self.choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
                completer = self.choice.completer()
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            found = self.choice.findData(current)
            self.choice.setCurrentIndex(max(found, 0))
            return self.choice
        if kind == "yes_no":
            for words, value in (
                (QCoreApplication.translate("Labels", NOT_KNOWN), None),
                (self.tr("Yes"), "yes"),
                (self.tr("No"), "no"),
            ):
                self.choice.addItem(words, value)
            self.choice.setCurrentIndex({True: 1, False: 2}.get(current, 0))
            return self.choice
        if kind == "date":
            shown = QDate.fromString(str(current or ""), "yyyy-MM-dd")
            self.date.setDate(shown if shown.isValid() else QDate.currentDate())
            self.not_known.setChecked(current is None)
            self.date.setEnabled(current is not None)
            self.not_known.toggled.connect(lambda on: self.date.setEnabled(not on))
            row = QWidget()
            box = QHBoxLayout(row)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(self.date)
            box.addWidget(self.not_known)
            box.addStretch(1)
            row.setFocusProxy(self.date)
            return row
        self.text.setText("" if current is None else str(current))
        self.text.setPlaceholderText(self.tr("empty: not known"))
        return self.text

    def value(self) -> str | None:
        """What the reviewer chose, as app/fact_editors.py reads it; None for not known."""
        kind = self.editor.kind
        if kind in ("choice", "yes_no"):
            index = self.choice.currentIndex()
            if self.choice.isEditable() and self.choice.currentText() != self.choice.itemText(index):
                return self.choice.currentText()  # typed, not picked: the use case checks it
            data = self.choice.itemData(index)
            return None if data is None else str(data)
        if kind == "date":
            return None if self.not_known.isChecked() else self.date.date().toString("yyyy-MM-dd")
        return self.text.text().strip() or None

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
