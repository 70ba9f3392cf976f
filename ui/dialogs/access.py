"""The dialogs that stand between a reviewer and the cases: first-run set-up, unlock, sign-in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.model import KeyStorage
from app.reviewers import MIN_PIN_DIGITS, RosterError, check_new_pin, normalise_name

MIN_PASSPHRASE_LENGTH = 8


def _secret_field(placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    return field


def error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.hide()
    return label


def buttons_for(dialog: QDialog, ok_text: str, on_ok: Callable[[], object]) -> QDialogButtonBox:
    """OK (named for what it does) and Cancel, as every dialog here has them."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _roster_problem(name: str, pin: str) -> str | None:
    """What the roster's rules (app/reviewers.py) say against a name and PIN, if anything."""
    try:
        normalise_name(name)
        check_new_pin(pin)
    except RosterError as exc:
        return str(exc)
    return None


@dataclass(frozen=True)
class SetUpAnswers:
    workstation: str
    reviewer: str
    pin: str
    key_storage: KeyStorage
    passphrase: str | None


class SetUpDialog(QDialog):
    """First run: name the workstation and the first reviewer, and choose how the key is kept."""

    def __init__(self, data_dir: str, keyring_available: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set up Demand Desk"))
        intro = QLabel(
            self.tr(
                "<b>Welcome.</b> Everything about a case is kept in one encrypted file "
                "in<br><code>{data_dir}</code>.<br>Choose how its key is protected, and who you are."
            ).format(data_dir=data_dir)
        )
        intro.setWordWrap(True)
        self.workstation = QLineEdit(placeholderText=self.tr("e.g. legal-ws-03"))
        self.reviewer = QLineEdit(placeholderText=self.tr("your name"))
        self.pin = _secret_field(self.tr("at least {count} digits").format(count=MIN_PIN_DIGITS))
        self.pin_again = _secret_field(self.tr("again"))
        self.use_keyring = QRadioButton(
            self.tr("Keep the key in this computer's keyring (unlock with your PIN)")
        )
        self.use_passphrase = QRadioButton(self.tr("Protect the key with a workstation passphrase"))
        group = QButtonGroup(self)
        group.addButton(self.use_keyring)
        group.addButton(self.use_passphrase)
        self.use_keyring.setEnabled(keyring_available)
        if not keyring_available:
            self.use_keyring.setToolTip(self.tr("No OS keyring is available in this session."))
        (self.use_keyring if keyring_available else self.use_passphrase).setChecked(True)
        self.passphrase = _secret_field(
            self.tr("at least {count} characters").format(count=MIN_PASSPHRASE_LENGTH)
        )
        self.passphrase_again = _secret_field(self.tr("again"))
        self.passphrase_note = QLabel(
            self.tr(
                "With the keyring, a passphrase is optional: it is the way back in if the keyring is reset."
            )
        )
        self.passphrase_note.setObjectName("muted")
        self.passphrase_note.setWordWrap(True)
        self.error = error_label()

        form = QFormLayout()
        form.addRow(self.tr("Workstation name"), self.workstation)
        form.addRow(self.tr("Your name"), self.reviewer)
        form.addRow(self.tr("Your PIN"), self.pin)
        form.addRow(self.tr("PIN again"), self.pin_again)
        form.addRow(self.use_keyring)
        form.addRow(self.use_passphrase)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Passphrase again"), self.passphrase_again)
        form.addRow(self.passphrase_note)
        buttons = buttons_for(self, self.tr("Set up"), self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _check(self) -> None:
        problem = None
        passphrase = self.passphrase.text()
        if not self.workstation.text().strip():
            problem = self.tr("Name this workstation.")
        elif not self.reviewer.text().strip():
            problem = self.tr("Enter your name.")
        elif problem := _roster_problem(self.reviewer.text(), self.pin.text()):
            pass
        elif self.pin.text() != self.pin_again.text():
            problem = self.tr("The two PINs differ.")
        elif self.use_passphrase.isChecked() and len(passphrase) < MIN_PASSPHRASE_LENGTH:
            problem = self.tr("The passphrase needs at least {MIN_PASSPHRASE_LENGTH} characters.").format(
                MIN_PASSPHRASE_LENGTH=MIN_PASSPHRASE_LENGTH
            )
        elif passphrase and len(passphrase) < MIN_PASSPHRASE_LENGTH:
            problem = self.tr("The passphrase needs at least {MIN_PASSPHRASE_LENGTH} characters.").format(
                MIN_PASSPHRASE_LENGTH=MIN_PASSPHRASE_LENGTH
            )
        elif passphrase != self.passphrase_again.text():
            problem = self.tr("The two passphrases differ.")
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self.accept()

    def answers(self) -> SetUpAnswers:
        return SetUpAnswers(
            workstation=self.workstation.text().strip(),
            reviewer=self.reviewer.text().strip(),
            pin=self.pin.text(),
            key_storage=KeyStorage.KEYRING if self.use_keyring.isChecked() else KeyStorage.PASSPHRASE,
            passphrase=self.passphrase.text() or None,
        )


class UnlockDialog(QDialog):
    """Asks for the workstation passphrase. ``attempt`` returns an error text or None."""

    def __init__(self, workstation: str, hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unlock Demand Desk"))
        title = QLabel(self.tr("<b>{workstation}</b> is locked.").format(workstation=workstation))
        self.passphrase = _secret_field(self.tr("workstation passphrase"))
        self.passphrase.setAccessibleName(self.tr("Workstation passphrase"))
        self.error = error_label()
        buttons = buttons_for(self, self.tr("Unlock"), self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        if hint:
            note = QLabel(hint)
            note.setObjectName("muted")
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.passphrase.selectAll()
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)


class SignInDialog(QDialog):
    """Choose a reviewer and enter the PIN (to sign in, or to approve as a second reviewer)."""

    def __init__(
        self,
        reviewers: list[str],
        default: str | None,
        hint: str = "",
        parent: QWidget | None = None,
        *,
        title: str = "",
        ok_text: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Sign in"))
        ok_text = ok_text or self.tr("Sign in")
        self.reviewer = QComboBox()
        self.reviewer.addItems(reviewers)
        self.reviewer.setAccessibleName(self.tr("Reviewer"))
        if default in reviewers:
            self.reviewer.setCurrentText(default)
        self.pin = _secret_field(self.tr("PIN"))
        self.pin.setAccessibleName(self.tr("PIN"))
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Reviewer"), self.reviewer)
        form.addRow(self.tr("PIN"), self.pin)
        buttons = buttons_for(self, ok_text, self.accept)
        layout = QVBoxLayout(self)
        if hint:
            note = QLabel(hint)
            note.setTextFormat(Qt.TextFormat.PlainText)  # it may name reviewers, typed by people
            note.setObjectName("muted")
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.pin.setFocus()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.pin.clear()
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)


class ChangePassphraseDialog(QDialog):
    """Current passphrase, new one twice. The key is re-wrapped; the store is untouched."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change workstation passphrase"))
        self.current = _secret_field(self.tr("current passphrase"))
        self.new = _secret_field(self.tr("at least {count} characters").format(count=MIN_PASSPHRASE_LENGTH))
        self.again = _secret_field(self.tr("again"))
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Current"), self.current)
        form.addRow(self.tr("New"), self.new)
        form.addRow(self.tr("New again"), self.again)
        buttons = buttons_for(self, self.tr("Change"), self._check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _check(self) -> None:
        if len(self.new.text()) < MIN_PASSPHRASE_LENGTH:
            self.show_error(
                self.tr("The new passphrase needs at least {MIN_PASSPHRASE_LENGTH} characters.").format(
                    MIN_PASSPHRASE_LENGTH=MIN_PASSPHRASE_LENGTH
                )
            )
        elif self.new.text() != self.again.text():
            self.show_error(self.tr("The two new passphrases differ."))
        else:
            self.accept()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
