"""File ▸ New disclosure…: record a disclosure made without legal process (issue 19).

The grounds come from the policy pack; ``app.disclosure.service.Disclosures.record`` checks
everything and stores it (audited). A refusal is shown in the dialog, which stays open with
what was typed, and nothing is stored. The emergency box is offered only for the grounds the
pack lets go out before approval, as a hint: the service refuses the others anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.disclosure.grounds import ground_words
from app.disclosure.service import Disclosures
from app.fsutil import read_regular_file
from app.intake.limits import MAX_PDF_BYTES
from app.model import CaseId
from app.review.model import CATEGORIES
from app.services import DeskError
from ui.case.facts import category_label
from ui.dialogs.access import buttons_for, error_label


class DisclosureDialog(QDialog):
    def __init__(self, service: Disclosures, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.case_id: CaseId | None = None
        self.document: tuple[str, bytes] | None = None
        self.setWindowTitle(self.tr("New disclosure without legal process"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Data disclosed with no demand served, on one of the grounds the policy allows. "
                "A second reviewer approves it before it goes out, except in a genuine emergency, "
                "where the approval follows and the case stays flagged."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.ground = QComboBox()
        self.ground.setAccessibleName(self.tr("Ground"))
        for g in service.grounds.grounds:
            self.ground.addItem(ground_words(g)[0], g.key)
        self.policy = QLabel()
        self.policy.setObjectName("muted")
        self.policy.setWordWrap(True)
        self.policy.setTextFormat(Qt.TextFormat.PlainText)
        self.recipient = self._line(
            self.tr("Disclosed to"), self.tr("e.g. National Center for Missing and Exploited Children")
        )
        self.country = self._line(self.tr("Country"), self.tr("ISO code, e.g. US"))
        self.country.setMaxLength(2)
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        self.day.setAccessibleName(self.tr("Disclosed on"))
        self.identifiers = QPlainTextEdit()
        self.identifiers.setAccessibleName(self.tr("Identifiers"))
        self.identifiers.setPlaceholderText(
            self.tr("One per line: an e-mail address, or KIND=VALUE (ip=203.0.113.9)")
        )
        self.identifiers.setFixedHeight(64)
        categories = QWidget()
        grid = QGridLayout(categories)
        grid.setContentsMargins(0, 0, 0, 0)
        self.categories: dict[str, QCheckBox] = {}
        for n, key in enumerate(CATEGORIES):
            box = QCheckBox(category_label(key))
            self.categories[key] = box
            grid.addWidget(box, n // 3, n % 3)
        self.justification = QPlainTextEdit()
        self.justification.setAccessibleName(self.tr("Justification"))
        self.justification.setPlaceholderText(self.tr("Why the data had to leave without legal process"))
        self.justification.setFixedHeight(72)
        self.made_early = QCheckBox(
            self.tr("Already disclosed, before a second reviewer approved (emergency)")
        )
        document_row = QHBoxLayout()
        self.document_label = QLabel(self.tr("None"))
        choose = QPushButton(self.tr("Attach…"))
        choose.clicked.connect(self._choose_document)
        document_row.addWidget(self.document_label, 1)
        document_row.addWidget(choose)
        form.addRow(self.tr("&Ground:"), self.ground)
        form.addRow("", self.policy)
        form.addRow(self.tr("Disclosed &to:"), self.recipient)
        form.addRow(self.tr("&Country:"), self.country)
        form.addRow(self.tr("Disclosed &on:"), self.day)
        form.addRow(self.tr("&Identifiers:"), self.identifiers)
        form.addRow(self.tr("Data disclosed:"), categories)
        form.addRow(self.tr("&Justification:"), self.justification)
        form.addRow("", self.made_early)
        form.addRow(self.tr("Supporting document:"), document_row)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addWidget(buttons_for(self, self.tr("Record disclosure"), self._record))
        self.ground.currentIndexChanged.connect(self._ground_changed)
        self._ground_changed()
        self.resize(640, self.sizeHint().height())

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit()
        field.setAccessibleName(name)
        field.setPlaceholderText(placeholder)
        return field

    def _ground_changed(self) -> None:
        ground = self.service.grounds.get(str(self.ground.currentData()))
        if ground is None:
            return
        self.policy.setText(self.tr("Policy: {policy}").format(policy=ground_words(ground)[1]))
        self.country.setPlaceholderText(ground.recipient_country or self.tr("ISO code, e.g. US"))
        self.made_early.setEnabled(ground.after_the_fact)
        if not ground.after_the_fact:
            self.made_early.setChecked(False)

    def _choose_document(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Supporting document"), "", self.tr("PDF documents (*.pdf)")
        )
        if not name:
            return
        try:
            self.document = (Path(name).name, read_regular_file(Path(name), MAX_PDF_BYTES))
        except OSError as exc:
            self.show_error(
                self.tr("Cannot read {name}: {value}").format(name=name, value=exc.strerror or exc)
            )
            return
        self.document_label.setText(Path(name).name)

    def values(self) -> dict[str, object]:
        chosen = self.day.date()
        return {
            "ground": self.ground.currentData(),
            "recipient": self.recipient.text(),
            "identifiers": [x.strip() for x in self.identifiers.toPlainText().splitlines() if x.strip()],
            "categories": [k for k, box in self.categories.items() if box.isChecked()],
            "justification": self.justification.toPlainText(),
            "disclosed_on": date(chosen.year(), chosen.month(), chosen.day()),
            "country": self.country.text().strip() or None,
            "made_before_approval": self.made_early.isChecked(),
            "document": self.document,
        }

    def _record(self) -> None:
        values = self.values()
        try:
            self.case_id = self.service.record(
                values.pop("ground"),  # type: ignore[arg-type]
                values.pop("recipient"),  # type: ignore[arg-type]
                **values,  # type: ignore[arg-type]
            )
        except DeskError as exc:
            self.show_error(str(exc))
            return
        self.accept()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


def new_disclosure(
    parent: QWidget | None,
    service: Disclosures,
    today: date,
    *,
    opened: Callable[[QDialog | None], None] | None = None,
) -> CaseId | None:
    """Show the dialog; the new case's id once recorded, None when the reviewer cancelled.

    ``opened`` is told the dialog while it is open (and None after), so that locking can close it.
    """
    dialog = DisclosureDialog(service, today, parent)
    if opened is not None:
        opened(dialog)
    try:
        dialog.exec()
    finally:
        if opened is not None:
            opened(None)
    return dialog.case_id
