"""Tools ▸ Organisation… and the first-run step that follows a real workstation's set-up.

One dialog for who the workstation answers for: the organisation's name, its legal entities
(one per line), address, contact and signature block. ``app.organisation.set_organisation``
checks and stores them (audited); a refusal is shown in the dialog and nothing is stored.
The logo, page size and reference format stay in Tools ▸ Letterhead….
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app import organisation
from app.organisation import Organisation
from app.services import Desk, DeskError
from ui.dialogs.access import buttons_for, error_label
from ui.dialogs.letterhead import edited_lines, lines_edit

#: shown in the first-run step: what skipping it means
SKIP_NOTE = (
    "You can skip this for now: letters are then drafted on the example company's letterhead, "
    "and final letters cannot be exported until Tools ▸ Organisation… is filled in."
)
# The example company's values, as placeholders: they show the form of each field.
EXAMPLE = {
    "name": "e.g. Example Online Services",
    "entities": "e.g. Example Online Services LLC\nExample Online Services Ireland Ltd.",
    "address": "e.g. 500 Example Parkway\nRedwood City, CA 94063\nUnited States",
    "contact": "e.g. Law Enforcement Response Team · lert@example.com",
    "signature_name": "e.g. Law Enforcement Response Team",
    "signature_title": "e.g. Legal Department",
    "payment": "e.g. Example Online Services LLC\nFirst Example Bank, ABA 000000000\nAccount 0000000000",
}


class OrganisationDialog(QDialog):
    def __init__(self, org: Organisation, *, first_run: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first_run = first_run
        self.skipped = False
        self.setWindowTitle(self.tr("Your organisation") if first_run else self.tr("Organisation"))
        # The example company's values are not offered as answers: a real workstation types its own.
        shown = None if org.example else org
        intro = QLabel(
            self.tr(
                "<b>Who do you answer for?</b> Demands are checked against these legal entities, "
                "and every letter is headed and signed with these details."
            )
            if first_run
            else self.tr(
                "Checked against every demand's addressee, and shared by every letter drafted from now on "
                "(final letters keep theirs). Tools ▸ Letterhead… sets the logo, page size and "
                "reference format."
            )
        )
        intro.setWordWrap(True)
        self.name = self._line(shown.name if shown else "", self.tr("Organisation name"), EXAMPLE["name"])
        self.entities = lines_edit(
            shown.entities if shown else (), self.tr("Legal entities"), EXAMPLE["entities"], rows=3
        )
        self.entities.setToolTip(self.tr("One per line. The first is the one letters are written from."))
        self.address = lines_edit(
            shown.address_lines if shown else (), self.tr("Address"), EXAMPLE["address"]
        )
        self.contact = self._line(shown.contact if shown else "", self.tr("Contact"), EXAMPLE["contact"])
        self.signature_name = self._line(
            shown.signature_name if shown else "", self.tr("Signed by"), EXAMPLE["signature_name"]
        )
        self.signature_title = self._line(
            shown.signature_title if shown else "", self.tr("Signatory's title"), EXAMPLE["signature_title"]
        )
        self.payment = lines_edit(
            shown.payment_lines if shown else (), self.tr("Payment details"), EXAMPLE["payment"], rows=3
        )
        self.payment.setToolTip(self.tr("How a reimbursement request asks to be paid; one line each."))
        entities_hint = QLabel(self.tr("One per line; letters come from the first."))
        entities_hint.setObjectName("muted")
        entities_box = QWidget()
        entities_column = QVBoxLayout(entities_box)
        entities_column.setContentsMargins(0, 0, 0, 0)
        entities_column.setSpacing(2)  # the hint belongs to the field above it
        entities_column.addWidget(self.entities)
        entities_column.addWidget(entities_hint)
        entities_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        form = QFormLayout()
        form.addRow(self.tr("Organisation"), self.name)
        form.addRow(self.tr("Legal entities"), entities_box)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("Signed by"), self.signature_name)
        form.addRow(self.tr("Signatory's title"), self.signature_title)
        form.addRow(self.tr("Payment details"), self.payment)
        self.error = error_label()

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        self.note: QLabel | None = None
        if first_run:
            self.note = QLabel(SKIP_NOTE)
            self.note.setObjectName("muted")
            self.note.setWordWrap(True)
            layout.addWidget(self.note)
        layout.addWidget(self.error)
        buttons = buttons_for(self, self.tr("Save"), self.accept)
        if first_run:
            cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
            cancel.setText(self.tr("Skip for now"))
            self.skip_button = cancel
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _line(self, value: str, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit(value)
        field.setAccessibleName(name)
        field.setPlaceholderText(placeholder)
        return field

    def reject(self) -> None:
        self.skipped = self.first_run
        super().reject()

    def values(self) -> Organisation:
        return Organisation(
            name=self.name.text().strip(),
            entities=tuple(edited_lines(self.entities)),
            address_lines=tuple(edited_lines(self.address)),
            contact=self.contact.text().strip(),
            signature_name=self.signature_name.text().strip(),
            signature_title=self.signature_title.text().strip(),
            payment_lines=tuple(edited_lines(self.payment)),
        )

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


def edit_organisation(
    parent: QWidget | None,
    desk: Desk,
    *,
    first_run: bool = False,
    opened: Callable[[QDialog | None], None] | None = None,
) -> bool:
    """Show the dialog until the values are stored or the reviewer cancels (skips); True if stored.

    ``opened`` is told the dialog while it is open (and None after), so that locking can close it.
    """
    try:
        current = organisation.organisation(desk)
    except DeskError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("organisation", "Organisation"), str(exc))
        return False
    dialog = OrganisationDialog(current, first_run=first_run, parent=parent)
    if opened is not None:
        opened(dialog)
    try:
        while dialog.exec():
            try:
                organisation.set_organisation(desk, dialog.values())
            except DeskError as exc:
                dialog.show_error(str(exc))
                continue
            return True
        return False
    finally:
        if opened is not None:
            opened(None)
        dialog.deleteLater()


def organisation_step(desk: Desk, parent: QWidget | None = None) -> bool:
    """The first-run step after setting up a real workstation (the demo keeps the example company)."""
    if desk.config.demo:
        return False
    return edit_organisation(parent, desk, first_run=True)
