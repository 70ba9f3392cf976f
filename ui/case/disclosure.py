"""The Disclosure tab: a disclosure made without legal process, and its second reviewer's approval.

Shown instead of the Checklist, Decision and Letters tabs when the open case is a disclosure
(``app.disclosure``): there is no demand to review. Whether an approval is allowed is the
service's to say (four eyes, ``app.review.approval``); the tab only asks for a name and PIN.
Every value shown was typed by someone, so it is shown as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.disclosure.grounds import shown_label
from app.disclosure.service import Disclosure, Disclosures
from app.model import CaseId
from app.review.said import said_in
from app.services import DeskError
from ui.case.facts import category_label
from ui.dialogs.access import SignInDialog
from ui.dialogs.correction import KIND_LABELS


def _plain(name: str) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setObjectName(name)
    return label


def describe(found: Disclosure) -> str:
    """The disclosure in lines a reviewer reads top to bottom."""
    # Whole titles, not a kind glued before a noun:
    # German writes "Notfall-Herausgabe" but "Freiwillige Herausgabe".
    title = (
        QCoreApplication.translate("disclosure", "Emergency disclosure without legal process")
        if found.emergency
        else QCoreApplication.translate("disclosure", "Voluntary disclosure without legal process")
    )
    who = ", ".join(
        f"{i['value']} ({QCoreApplication.translate('Labels', KIND_LABELS.get(i['kind'], i['kind']))})"
        for i in found.identifiers
    ) or QCoreApplication.translate("disclosure", "none listed")
    lines = [
        title,
        QCoreApplication.translate("disclosure", "Ground: {ground}").format(
            ground=said_in(shown_label(found.ground, found.ground_label))
        ),
        QCoreApplication.translate("disclosure", "Disclosed to: {recipient}").format(
            recipient=found.recipient
        )
        + (f" ({found.recipient_country})" if found.recipient_country else ""),
        QCoreApplication.translate("disclosure", "On: {day}").format(day=found.disclosed_on),
        QCoreApplication.translate("disclosure", "Identifiers: {who}").format(who=who),
        QCoreApplication.translate("disclosure", "Data: {categories}").format(
            categories=", ".join(category_label(c) for c in found.categories)
            or QCoreApplication.translate("disclosure", "none listed")
        ),
        QCoreApplication.translate("disclosure", "Justification: {why}").format(
            why=found.justification or QCoreApplication.translate("disclosure", "(a report the law requires)")
        ),
        QCoreApplication.translate("disclosure", "Recorded by {recorded_by} on {recorded_at}").format(
            recorded_by=found.recorded_by, recorded_at=found.recorded_at[:10]
        ),
        QCoreApplication.translate("disclosure", "Approved by {approved_by} on {approved_at}").format(
            approved_by=found.approved_by, approved_at=(found.approved_at or "")[:10]
        )
        if found.approved_by
        else QCoreApplication.translate("disclosure", "Not yet approved by a second reviewer"),
        QCoreApplication.translate("disclosure", "Notice to the user: {notice}").format(
            notice=said_in(found.notice)
        ),
    ]
    if found.document:
        lines.append(
            QCoreApplication.translate("disclosure", "Supporting document: {document}").format(
                document=found.document
            )
        )
    return "\n".join(lines)


class DisclosureTab(QWidget):
    approved = Signal(str)  # a message for the status bar, once a second reviewer approved

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service: Disclosures | None = None
        self._case_id: CaseId | None = None
        self._found: Disclosure | None = None
        self._dialog: SignInDialog | None = None
        layout = QVBoxLayout(self)
        self.summary = _plain("disclosureSummary")
        self.flags = _plain("disclosureFlags")
        self.flags.setStyleSheet("color: #8a5a00;")
        self.approve_button = QPushButton(self.tr("Approve as second reviewer…"))
        self.approve_button.clicked.connect(self.approve_interactively)
        layout.addWidget(self.summary)
        layout.addWidget(self.flags)
        layout.addWidget(self.approve_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def show_case(self, service: Disclosures, case_id: CaseId) -> bool:
        """Show the case's disclosure; False (and nothing shown) when the case is a demand."""
        self._service, self._case_id = service, case_id
        self._found = service.get(case_id)
        if self._found is None:
            self.clear()
            return False
        self.summary.setText(describe(self._found))
        self.flags.setText("\n".join(said_in(f) for f in self._found.flags))
        self.flags.setVisible(bool(self._found.flags))
        self.approve_button.setEnabled(self._found.approved_by is None)
        return True

    def clear(self) -> None:
        if self._dialog is not None:
            self._dialog.reject()
        self._service = self._case_id = self._found = None
        self.summary.clear()
        self.flags.clear()
        self.approve_button.setEnabled(False)

    def approve_interactively(self) -> bool:
        """Ask a second reviewer for their name and PIN; the service refuses the one who recorded it."""
        if self._service is None or self._case_id is None or self._found is None:
            return False
        recorder = self._found.recorded_by
        names = [r.name for r in self._service.desk.reviewers()]
        others = [n for n in names if n != recorder]
        hint = self.tr(
            "{recorder} recorded this disclosure; a different reviewer approves it with their own PIN."
        ).format(recorder=recorder)
        dialog = SignInDialog(
            names,
            others[0] if others else None,
            hint,
            self,
            title=self.tr("Approve disclosure"),
            ok_text=self.tr("Approve"),
        )
        self._dialog = dialog
        try:
            while dialog.exec():
                if self._service is None or self._case_id is None:  # locked meanwhile
                    return False
                try:
                    name, pin = dialog.reviewer.currentText(), dialog.pin.text()
                    found = self._service.approve(self._case_id, name, pin)
                except DeskError as exc:
                    dialog.show_error(str(exc))
                    continue
                self.show_case(self._service, self._case_id)
                self.approved.emit(
                    self.tr("Disclosure approved by {approved_by}.").format(approved_by=found.approved_by)
                )
                return True
            return False
        finally:
            self._dialog = None
            dialog.deleteLater()
