"""Tools ▸ Reviewers…: the roster, and enrolling, promoting or removing a reviewer.

Every change here needs an administrator's PIN, typed in this dialog whoever is signed
in, and a new reviewer types their own PIN: the rules themselves are in app/services.py
(``Desk.add_reviewer`` and friends); this only collects what they need and shows why a
change was refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import services
from app.model import ReviewerRecord
from app.reviewers import Role
from ui.dialogs.access import _secret_field, buttons_for, error_label

_Dialog = TypeVar("_Dialog", "EnrolDialog", "_RoleDialog")


class AdministratorBox(QGroupBox):
    """An administrator proves it with their PIN (they may walk up to another's session)."""

    def __init__(self, administrators: list[str], current: str | None) -> None:
        super().__init__(self.tr("Authorised by an administrator"))
        self.name = QComboBox()
        self.name.addItems(administrators)
        self.name.setAccessibleName(self.tr("Administrator"))
        if current in administrators:
            self.name.setCurrentText(current)
        self.pin = _secret_field(self.tr("administrator's PIN"))
        self.pin.setAccessibleName(self.tr("Administrator's PIN"))
        form = QFormLayout(self)
        form.addRow(self.tr("Administrator"), self.name)
        form.addRow(self.tr("PIN"), self.pin)


class EnrolDialog(QDialog):
    """Enrol a reviewer: an administrator authorises, then the new reviewer types their own PIN."""

    def __init__(
        self,
        administrators: list[str],
        current: str | None,
        parent: QWidget | None = None,
        *,
        known: ReviewerRecord | None = None,
    ) -> None:
        super().__init__(parent)
        self.known = known
        self.setWindowTitle(
            self.tr("Let {name} sign in here").format(name=known.name)
            if known
            else self.tr("Enrol a reviewer")
        )
        self.admin = AdministratorBox(administrators, current)
        self.name = QLineEdit(placeholderText=self.tr("their name, as it will appear on decisions"))
        self.name.setAccessibleName(self.tr("New reviewer's name"))
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.label, role.value)
        self.role.setAccessibleName(self.tr("Role"))
        self.pin = _secret_field(self.tr("typed by the new reviewer"))
        self.pin.setAccessibleName(self.tr("New reviewer's PIN"))
        self.pin_again = _secret_field(self.tr("again"))
        self.pin_again.setAccessibleName(self.tr("New reviewer's PIN again"))
        if known is not None:
            # On the team's roster already (enrolled on another workstation): only their PIN is new.
            self.name.setText(known.name)
            self.name.setReadOnly(True)
            self.role.setCurrentIndex(self.role.findData(known.role.value))
            self.role.setEnabled(False)
        newcomer = QGroupBox(
            self.tr("{name}, enrolled on {origin} (hand them the keyboard)").format(
                name=known.name, origin=known.origin or self.tr("another workstation")
            )
            if known
            else self.tr("The new reviewer (hand them the keyboard for their PIN)")
        )
        form = QFormLayout(newcomer)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Their PIN"), self.pin)
        form.addRow(self.tr("PIN again"), self.pin_again)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.admin)
        layout.addWidget(newcomer)
        layout.addWidget(self.error)
        layout.addWidget(buttons_for(self, self.tr("Enrol"), self._check))
        self.admin.pin.setFocus()

    def _check(self) -> None:
        if self.pin.text() != self.pin_again.text():
            self.show_error(self.tr("The new reviewer's two PINs differ."))
            return
        self.accept()

    def show_error(self, message: str) -> None:
        """The refusal, in the dialog; what was typed stays except the PINs."""
        self.error.setText(message)
        self.error.show()
        for field in (self.admin.pin, self.pin, self.pin_again):
            field.clear()
        self.admin.pin.setFocus(Qt.FocusReason.OtherFocusReason)


class ReviewersDialog(QDialog):
    """The roster: who may act here, with their role and who enrolled them."""

    def __init__(self, desk: services.Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Reviewers"))
        self.resize(640, 360)
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Role"), self.tr("Enrolled by"), self.tr("Status")]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Reviewers"))
        self.enrol_button = QPushButton(self.tr("&Enrol…"))
        self.pin_here_button = QPushButton(self.tr("Set PIN &here…"))
        self.pin_here_button.setToolTip(self.tr("For a reviewer enrolled on another workstation of the team"))
        self.pin_here_button.clicked.connect(self.admit_here)
        self.role_button = QPushButton(self.tr("Change &role…"))
        self.remove_button = QPushButton(self.tr("Re&move…"))
        self.enrol_button.clicked.connect(self.enrol)
        self.role_button.clicked.connect(self.change_role)
        self.remove_button.clicked.connect(self.remove)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.enrol_button, self.pin_here_button, self.role_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Only an administrator enrols, removes or changes the role of a reviewer, with their "
                "own PIN. Removed reviewers stay listed: what they did and approved stands."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("muted")
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for record in self.desk.roster():
            left = record.removed_at[:10] if record.removed_at else ""
            status = self.tr("Present") if record.present else self.tr("Left {left}").format(left=left)
            if record.origin:
                status += self.tr(" · from {origin}").format(origin=record.origin)
            if record.present and not record.pin_here:
                status += self.tr(" · no PIN here yet")
            row = [
                QStandardItem(record.name),
                QStandardItem(record.role.label),
                QStandardItem(record.enrolled_by or self.tr("set up this workstation")),
                QStandardItem(status),
            ]
            for item in row:
                item.setData(record.name, Qt.ItemDataRole.UserRole)
                item.setEnabled(record.present)
            self.model.appendRow(row)

    def _administrators(self) -> list[str]:
        return [r.name for r in self.desk.reviewers() if r.administrator]

    def _current(self) -> str | None:
        return self.desk.reviewer.name if self.desk.reviewer else None

    def selected(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(Qt.ItemDataRole.UserRole) if rows else None

    def enrol(self) -> None:
        def enrol(dialog: EnrolDialog) -> str:
            added = self.desk.add_reviewer(
                dialog.name.text(),
                dialog.pin.text(),
                role=str(dialog.role.currentData()),
                admin=dialog.admin.name.currentText(),
                admin_pin=dialog.admin.pin.text(),
            )
            return self.tr("Enrolled {name} as {lower}.").format(
                name=added.name, lower=added.role.label.lower()
            )

        self._authorise(EnrolDialog(self._administrators(), self._current(), self), enrol)

    def admit_here(self) -> None:
        name = self.selected()
        known = self.desk.reviewer_record(name) if name else None
        if known is None or not known.present or known.pin_here:
            self._say(self.tr("Select a reviewer whose status says “no PIN here yet”."))
            return

        def admit(dialog: EnrolDialog) -> str:
            admitted = self.desk.add_reviewer(
                known.name,
                dialog.pin.text(),
                admin=dialog.admin.name.currentText(),
                admin_pin=dialog.admin.pin.text(),
            )
            return self.tr("{name} may now sign in here, as {lower}.").format(
                name=admitted.name, lower=admitted.role.label.lower()
            )

        self._authorise(EnrolDialog(self._administrators(), self._current(), self, known=known), admit)

    def change_role(self) -> None:
        name = self.selected()
        if name is None:
            self._say(self.tr("Select a reviewer first."))
            return

        def change(dialog: _RoleDialog) -> str:
            changed = self.desk.set_role(
                name,
                str(dialog.role.currentData()),
                admin=dialog.admin.name.currentText(),
                admin_pin=dialog.admin.pin.text(),
            )
            return f"{changed.name} is now a {changed.role.label.lower()}."

        self._authorise(_RoleDialog(name, self._administrators(), self._current(), self), change)

    def remove(self) -> None:
        name = self.selected()
        if name is None:
            self._say(self.tr("Select a reviewer first."))
            return

        def remove(dialog: _RoleDialog) -> str:
            self.desk.remove_reviewer(
                name, admin=dialog.admin.name.currentText(), admin_pin=dialog.admin.pin.text()
            )
            return self.tr("Removed {name}; what they did and approved stays in the record.").format(
                name=name
            )

        dialog = _RoleDialog(name, self._administrators(), self._current(), self, removing=True)
        self._authorise(dialog, remove)

    def _authorise(self, dialog: _Dialog, change: Callable[[_Dialog], str]) -> None:
        """Show ``dialog`` until ``change`` (the service call) succeeds or the dialog is cancelled;
        a refusal is shown in the dialog, which stays open with what was typed."""
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                done = change(dialog)
            except services.DeskError as exc:
                dialog.show_error(str(exc))
                continue
            self._say(done)
            break
        self.refresh()

    def _say(self, text: str) -> None:
        self.message.setText(text)


class _RoleDialog(QDialog):
    """Change a reviewer's role, or remove them: an administrator's PIN either way."""

    def __init__(
        self,
        name: str,
        administrators: list[str],
        current: str | None,
        parent: QWidget | None = None,
        *,
        removing: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Remove {name}").format(name=name)
            if removing
            else self.tr("Change {name}'s role").format(name=name)
        )
        self.admin = AdministratorBox(administrators, current)
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.label, role.value)
        self.role.setAccessibleName(self.tr("New role"))
        self.error = error_label()
        layout = QVBoxLayout(self)
        if removing:
            layout.addWidget(
                QLabel(
                    self.tr("{name} will no longer sign in or approve here. Their record stays.").format(
                        name=name
                    )
                )
            )
        else:
            form = QFormLayout()
            form.addRow(self.tr("{name}'s new role").format(name=name), self.role)
            layout.addLayout(form)
        layout.addWidget(self.admin)
        layout.addWidget(self.error)
        layout.addWidget(
            buttons_for(self, self.tr("Remove") if removing else self.tr("Change role"), self.accept)
        )
        self.admin.pin.setFocus()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.admin.pin.clear()
