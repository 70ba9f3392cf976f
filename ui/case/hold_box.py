"""The Dates tab's preservation-hold box: the case's own hold, or the holds a demand is linked to.

What is held, until when and whether it may be extended are ``Holds``'s to say
(app/holds/service.py); the box shows its answers and records an extension or a release
through the same dialog as the tab's other dates, which keeps a refusal in view.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.case.date_dialogs import ChangeDialog, run_change

if TYPE_CHECKING:
    from app.holds.model import Hold
    from app.holds.service import Holds
    from app.model import CaseId

STATE_COLOURS = {"active": "#1e6b34", "expired": "#b3261e"}


class HoldBox(QGroupBox):
    #: (message) the hold was recorded, extended or released.
    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Preservation hold"), parent)
        self._holds: Holds | None = None
        self._case_id: CaseId | None = None
        self._hold: Hold | None = None
        self.dialog: ChangeDialog | None = None  # the open dialog, for tests and for closing on lock
        self.summary = QLabel()
        self.detail = QLabel()
        self.detail.setObjectName("muted")
        for label in (self.summary, self.detail):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)  # built from escaped values only
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(self.tr("Preservation hold"))
        self.extend = QPushButton(self.tr("Extended…"))
        self.extend.setToolTip(self.tr("A renewed request extends the hold: its new last day and the letter"))
        self.extend.clicked.connect(self.extend_hold)
        self.release = QPushButton(self.tr("Release…"))
        self.release.setToolTip(self.tr("The requester no longer needs the data kept: the hold ends today"))
        self.release.clicked.connect(self.release_hold)
        self.record = QPushButton(self.tr("Record the hold"))
        self.record.setToolTip(self.tr("Intake made no hold (the targets were corrected since): make it now"))
        self.record.clicked.connect(self.record_hold)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.detail)
        row = QHBoxLayout()
        for button in (self.record, self.extend, self.release):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.clear()

    def clear(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        self._holds = self._case_id = self._hold = None
        self.summary.clear()
        self.detail.clear()
        self.hide()

    def show_case(self, holds: Holds, case_id: CaseId) -> None:
        self._holds, self._case_id = holds, case_id
        self.refresh()

    def refresh(self) -> None:
        if self._holds is None or self._case_id is None:
            return
        holds, case_id = self._holds, self._case_id
        today = holds.today()
        hold = self._hold = holds.hold(case_id)
        linked = holds.holds_naming(case_id) if hold is None else []
        preservation = hold is None and not linked and holds.is_preservation(case_id)
        self.setVisible(hold is not None or bool(linked) or preservation)
        for button in (self.extend, self.release):
            button.setVisible(hold is not None)
        self.record.setVisible(preservation)
        if hold is not None:
            self._show_own(hold, today)
        elif linked:
            self.summary.setText(self.tr("<b>This demand names accounts under a preservation hold.</b>"))
            self._lines([
                self.tr(
                    "{reference}: {accounts} held {starts}–{until} at the request of {requester}. "
                    "Answering or withdrawing this demand ends that hold."
                ).format(
                    reference=h.reference,
                    accounts=", ".join(h.link_json(case_id, today)["identifiers"]),
                    starts=h.starts,
                    until=h.until,
                    requester=self._requester(h),
                )
                for h in linked
            ])  # fmt: skip
        elif preservation:
            self.summary.setText(self.tr("<b>No hold was made for this preservation request.</b>"))
            self._lines(holds.intake_notes(case_id))

    def _show_own(self, hold: Hold, today: date) -> None:
        state = hold.state(today)
        colour = STATE_COLOURS.get(state, "#5f6368")
        if state == "active":
            left = (hold.until - today).days
            word = (
                self.tr("<span style='color:{colour}'><b>1 day left</b></span>")
                if left == 1
                else self.tr("<span style='color:{colour}'><b>{left} days left</b></span>")
            ).format(colour=colour, left=left)
            self.summary.setText(
                self.tr("Held until <b>{until}</b> — {word}").format(until=hold.until.isoformat(), word=word)
            )
        else:
            ended = hold.ended_on(today)
            self.summary.setText(
                self.tr(
                    "<span style='color:{colour}'><b>{state}</b></span> — the hold ended on <b>{ended}</b>"
                ).format(colour=colour, state=html.escape(self._state_word(state)), ended=ended)
            )
        since = (
            self.tr("Since {starts} under {statute}, at the request of {requester}.")
            if hold.requester
            else self.tr("Since {starts} under {statute}.")
        )
        lines = [
            self.tr("Accounts: {accounts}").format(accounts=", ".join(v for _, v in hold.identifiers)),
            since.format(starts=hold.starts, statute=hold.statute, requester=self._requester(hold)),
        ]
        lines += [
            self.tr("Extended to {until} by {by}: {reason}").format(until=e.until, by=e.by, reason=e.reason)
            for e in hold.extensions
        ]
        lines += [
            self.tr("Demand {reference} (served {received}) names {join}.").format(
                reference=d.reference, received=d.received, join=", ".join(d.identifiers)
            )
            for d in hold.linked
        ]
        if hold.ended is not None:
            lines.append(
                self.tr("Ended on {on}: {reason}").format(on=hold.ended.on, reason=hold.ended.reason)
            )
        elif state == "active":
            lines.append(
                self.tr("No extension left.")
                if not hold.extensions_left
                else self.tr("1 extension left.")
                if hold.extensions_left == 1
                else self.tr("{extensions_left} extensions left.").format(
                    extensions_left=hold.extensions_left
                )
            )
        self._lines(lines)
        self.extend.setEnabled(state == "active" and hold.extensions_left > 0)
        self.release.setEnabled(state == "active")

    def _requester(self, hold: Hold) -> str:
        """Who asked for the hold, with their own reference when they gave one."""
        who = hold.requester or self.tr("an unknown requester")
        return f"{who} ({hold.requester_reference})" if hold.requester_reference else who

    def _state_word(self, state: str) -> str:
        words = {
            "expired": self.tr("Expired"),
            "released": self.tr("Released"),
            "answered": self.tr("Answered"),
            "withdrawn": self.tr("Withdrawn"),
        }
        return words.get(state, state)

    def _lines(self, lines: list[str]) -> None:
        self.detail.setText("<br>".join(html.escape(line) for line in lines))

    # -- changes ---------------------------------------------------------------------

    def _open(self, dialog: ChangeDialog, apply: Callable[[ChangeDialog], str]) -> None:
        message = run_change(dialog, apply, lambda shown: setattr(self, "dialog", shown))
        if message is not None:
            self.refresh()
            self.changed.emit(message)

    def extend_hold(self) -> None:
        holds, case_id, hold = self._holds, self._case_id, self._hold
        if holds is None or case_id is None or hold is None:
            return
        dialog = ChangeDialog(
            self,
            self.tr("Extend the preservation hold"),
            day=hold.until + timedelta(days=hold.extension_days),
            day_label=self.tr("Held until"),
            text_label=self.tr("Renewed request"),
            text_hint=self.tr("its letter, date and reference"),
        )

        def apply(d: ChangeDialog) -> str:
            holds.extend(case_id, d.chosen_date, d.text.text())
            return self.tr("Preservation hold extended to {isoformat}.").format(
                isoformat=d.chosen_date.isoformat()
            )

        self._open(dialog, apply)

    def release_hold(self) -> None:
        holds, case_id = self._holds, self._case_id
        if holds is None or case_id is None:
            return
        dialog = ChangeDialog(
            self,
            self.tr("Release the preservation hold"),
            day=None,
            text_hint=self.tr("e.g. the requester's e-mail of today"),
        )

        def apply(d: ChangeDialog) -> str:
            holds.release(case_id, d.text.text())
            return self.tr("Preservation hold released.")

        self._open(dialog, apply)

    def record_hold(self) -> None:
        holds, case_id = self._holds, self._case_id
        if holds is None or case_id is None:
            return
        from app.services import DeskError

        try:
            hold = holds.record(case_id)
        except DeskError as exc:
            self.detail.setText(
                self.tr("<span style='color:#b3261e'>{escape}</span>").format(escape=html.escape(str(exc)))
            )
            return
        self.refresh()
        self.changed.emit(
            self.tr("Preservation hold recorded until {isoformat}.").format(isoformat=hold.until.isoformat())
        )
