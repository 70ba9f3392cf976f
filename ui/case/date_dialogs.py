"""The Dates tab's change dialogs: a date and a line of text (and optionally a choice), which the
caller's ``apply`` records through ``Schedule`` (or ``Holds``). A refusal ("Say why…") is shown
in the dialog, which stays open so nothing typed is lost. Used by ``ui.case.dates`` and
``ui.case.hold_box``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services import DeskError

COVERS_LABELS = {
    "both": QT_TRANSLATE_NOOP("Labels", "the user and the enterprise customer"),
    "user": QT_TRANSLATE_NOOP("Labels", "the user"),
    "enterprise": QT_TRANSLATE_NOOP("Labels", "the enterprise customer"),
}


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def run_change(
    dialog: ChangeDialog, apply: Callable[[ChangeDialog], str], keep: Callable[[ChangeDialog | None], None]
) -> str | None:
    """Run a change dialog modally; ``apply`` records the change and returns the status-bar
    message, returned here when the change was made. ``keep`` holds the open dialog (locking
    closes it) and lets go of it after."""
    messages: list[str] = []
    dialog.apply = lambda d: messages.append(apply(d))
    keep(dialog)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        keep(None)
        dialog.deleteLater()
    return messages[-1] if accepted and messages else None


class ChangeDialog(QDialog):
    """A date and a line of text (and optionally a choice), applied by ``apply``; refusals stay in view."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        *,
        day: date | None,
        day_label: str = "",
        text_label: str = "",
        text_hint: str = "",
        choices: dict[str, str] | None = None,
        choice_label: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        day_label = day_label or self.tr("Date")
        text_label = text_label or self.tr("Reason")
        self.setModal(True)
        self.form = form = QFormLayout()
        self.choice: QComboBox | None = None
        if choices:
            self.choice = QComboBox()
            self.choice.setAccessibleName(choice_label)
            for key, label in choices.items():
                self.choice.addItem(label, key)
            form.addRow(choice_label, self.choice)
        self.day: QDateEdit | None = None
        if day is not None:
            self.day = QDateEdit(_qdate(day))
            self.day.setCalendarPopup(True)
            self.day.setDisplayFormat("yyyy-MM-dd")
            self.day.setAccessibleName(day_label)
            form.addRow(day_label, self.day)
        self.text = QLineEdit()
        self.text.setPlaceholderText(text_hint)
        self.text.setAccessibleName(text_label)
        self.text.setMinimumWidth(360)
        form.addRow(text_label, self.text)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.apply: Callable[[ChangeDialog], None] | None = None

    @property
    def chosen_date(self) -> date:
        assert self.day is not None
        return _pydate(self.day.date())

    @property
    def chosen(self) -> str:
        assert self.choice is not None
        return str(self.choice.currentData())

    def _ok(self) -> None:
        if self.apply is None:
            self.accept()
            return
        try:
            self.apply(self)
        except DeskError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()


class OrderDialog(ChangeDialog):
    """A secrecy order intake missed: issued when, until when (or further order), under what statute."""

    def __init__(self, parent: QWidget | None, today: date) -> None:
        super().__init__(
            parent,
            self.tr("Record a secrecy order"),
            day=today,
            day_label=self.tr("Issued"),
            text_label=self.tr("Where it is"),
            text_hint=self.tr("its page, or the separate order and its date"),
        )
        # 180 days is the common length of a § 2705(b) order: a starting point, not a rule.
        self.expires = QDateEdit(_qdate(today + timedelta(days=180)))
        self.expires.setCalendarPopup(True)
        self.expires.setDisplayFormat("yyyy-MM-dd")
        self.expires.setAccessibleName(self.tr("Expires"))
        self.open_ended = QCheckBox(self.tr("Until further order"))
        self.open_ended.toggled.connect(lambda on: self.expires.setEnabled(not on))
        until = QHBoxLayout()
        until.addWidget(self.expires)
        until.addWidget(self.open_ended)
        self.statute = QLineEdit()
        self.statute.setPlaceholderText(self.tr("e.g. 18 U.S.C. § 2705(b) (optional)"))
        self.statute.setAccessibleName(self.tr("Statute"))
        self.covers = QComboBox()
        self.covers.setAccessibleName(self.tr("Covers"))
        for key, label in COVERS_LABELS.items():
            self.covers.addItem(QCoreApplication.translate("Labels", label), key)
        self.form.insertRow(1, self.tr("Expires"), until)
        self.form.insertRow(2, self.tr("Statute"), self.statute)
        self.form.insertRow(3, self.tr("Covers"), self.covers)

    @property
    def chosen(self) -> str:
        return str(self.covers.currentData())

    @property
    def chosen_expiry(self) -> date | None:
        return None if self.open_ended.isChecked() else _pydate(self.expires.date())


class ChallengeDialog(ChangeDialog):
    """A challenge to the order: when, how it ended (if it has), and whether the order fell."""

    def __init__(self, parent: QWidget | None, today: date) -> None:
        super().__init__(
            parent,
            self.tr("Secrecy order challenged"),
            day=today,
            day_label=self.tr("Challenged on"),
            text_label=self.tr("Outcome"),
            text_hint=self.tr("leave empty while the challenge is pending"),
        )
        self.succeeded = QCheckBox(self.tr("The court set the order aside on this date"))
        self.succeeded.setToolTip(self.tr("The order ends that day, and notice may go"))
        self.form.addRow("", self.succeeded)
