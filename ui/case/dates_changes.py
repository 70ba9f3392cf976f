"""The Dates tab's changes: each a small dialog (a date, and the reason or how) that
``Schedule`` records with its audit event; refusals stay in the open dialog."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.schedule.notices import EXCEPTION_LABELS
from app.services import DeskError
from ui.case.date_dialogs import COVERS_LABELS, ChallengeDialog, ChangeDialog, OrderDialog, run_change

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QComboBox

    from app.model import CaseId
    from app.schedule.service import CaseSchedule, Schedule


class DateChangesMixin:
    """Mixed into ``DatesTab`` (ui/case/dates.py), which holds the open case's schedule."""

    _schedule: Schedule | None
    _case_id: CaseId | None
    _view: CaseSchedule | None
    covers: QComboBox
    changed: SignalInstance

    def _open(self, dialog: ChangeDialog, apply: Callable[[ChangeDialog], str]) -> None:
        """Run the dialog; ``apply`` records the change and returns the status-bar message."""
        message = run_change(dialog, apply, lambda shown: setattr(self, "dialog", shown))
        if message is not None:
            self.refresh()
            self.changed.emit(message)

    def _today(self) -> date:
        return self._view.today if self._view is not None else date.today()

    def extend_deadline(self) -> None:
        if self._schedule is None or self._case_id is None or self._view is None or self._view.due is None:
            return
        schedule, case_id = self._schedule, self._case_id
        dialog = ChangeDialog(
            self,
            self.tr("Extend the response deadline"),
            day=self._view.due.due,
            day_label=self.tr("New due date"),
            text_hint=self.tr("who agreed, and when"),
        )

        def apply(d: ChangeDialog) -> str:
            schedule.extend_deadline(case_id, d.chosen_date, d.text.text())
            return self.tr("Response deadline extended to {isoformat}.").format(
                isoformat=d.chosen_date.isoformat()
            )

        self._open(dialog, apply)

    def toggle_pause(self) -> None:
        if self._schedule is None or self._case_id is None or self._view is None:
            return
        schedule, case_id = self._schedule, self._case_id
        if self._view.paused:
            dialog = ChangeDialog(
                self,
                self.tr("Resume the clock"),
                day=self._today(),
                day_label=self.tr("Resumed on"),
                text_label=self.tr("Note"),
            )

            def resume(d: ChangeDialog) -> str:
                schedule.resume_deadline(case_id, on=d.chosen_date)
                return self.tr("The response clock runs again.")

            self._open(dialog, resume)
            return
        dialog = ChangeDialog(
            self,
            self.tr("Pause the clock"),
            day=self._today(),
            day_label=self.tr("Paused from"),
            text_hint=self.tr("waiting for the requester"),
        )
        dialog.text.setText(self.tr("waiting for the requester"))

        def pause(d: ChangeDialog) -> str:
            schedule.pause_deadline(case_id, d.text.text(), on=d.chosen_date)
            return self.tr("The response clock is paused.")

        self._open(dialog, pause)

    def _covers_chosen(self, _index: int) -> None:
        if self._schedule is None or self._case_id is None:
            return
        covers = str(self.covers.currentData())
        if self._view and self._view.order and self._view.order.covers == covers:
            return
        try:
            self._schedule.set_covers(self._case_id, covers)
        except DeskError as exc:
            self.refresh()
            self.changed.emit(str(exc))
            return
        self.refresh()
        self.changed.emit(
            self.tr("The secrecy order covers {COVERS_LABELS}.").format(
                COVERS_LABELS=QCoreApplication.translate("Labels", COVERS_LABELS[covers])
            )
        )

    def record_order(self) -> None:
        if self._schedule is None or self._case_id is None:
            return
        schedule, case_id = self._schedule, self._case_id
        dialog = OrderDialog(self, self._today())

        def apply(d: ChangeDialog) -> str:
            assert isinstance(d, OrderDialog)
            schedule.record_order(
                case_id,
                issued=d.chosen_date,
                expires=d.chosen_expiry,
                statute=d.statute.text(),
                reason=d.text.text(),
                covers=d.chosen,
            )
            until = d.chosen_expiry.isoformat() if d.chosen_expiry else self.tr("further order")
            return self.tr("Secrecy order recorded, until {until}.").format(until=until)

        self._open(dialog, apply)

    def extend_secrecy(self) -> None:
        if self._schedule is None or self._case_id is None or self._view is None:
            return
        schedule, case_id = self._schedule, self._case_id
        dialog = ChangeDialog(
            self,
            self.tr("Secrecy order extended"),
            day=self._view.order_expiry or self._today(),
            day_label=self.tr("New expiry"),
            text_hint=self.tr("the court's order and its date"),
        )

        def apply(d: ChangeDialog) -> str:
            schedule.extend_order(case_id, d.chosen_date, d.text.text())
            return self.tr("Secrecy order extended to {isoformat}.").format(
                isoformat=d.chosen_date.isoformat()
            )

        self._open(dialog, apply)

    def record_challenge(self) -> None:
        if self._schedule is None or self._case_id is None:
            return
        schedule, case_id = self._schedule, self._case_id
        dialog = ChallengeDialog(self, self._today())

        def apply(d: ChangeDialog) -> str:
            assert isinstance(d, ChallengeDialog)
            won = d.succeeded.isChecked()
            schedule.record_challenge(case_id, d.chosen_date, d.text.text(), succeeded=won)
            if won:
                return self.tr("Secrecy order set aside on the challenge: notice may go.")
            return self.tr("Challenge to the secrecy order recorded.")

        self._open(dialog, apply)

    def record_reconsidered(self) -> None:
        if self._schedule is None or self._case_id is None:
            return
        schedule, case_id = self._schedule, self._case_id
        dialog = ChangeDialog(
            self,
            self.tr("Secrecy order reconsidered"),
            day=self._today(),
            day_label=self.tr("Reconsidered on"),
            text_label=self.tr("Note"),
            text_hint=self.tr("why it is (or is not) challenged"),
        )

        def apply(d: ChangeDialog) -> str:
            schedule.record_reconsidered(case_id, d.chosen_date, d.text.text())
            return self.tr("Reconsideration recorded; the order comes back after the cycle.")

        self._open(dialog, apply)

    def lift_order(self) -> None:
        if self._schedule is None or self._case_id is None:
            return
        schedule, case_id = self._schedule, self._case_id
        dialog = ChangeDialog(
            self,
            self.tr("Secrecy order lifted"),
            day=self._today(),
            day_label=self.tr("Lifted on"),
            text_label=self.tr("Note"),
        )

        def apply(d: ChangeDialog) -> str:
            schedule.lift_order(case_id, d.chosen_date)
            return self.tr("Secrecy order lifted on {isoformat}: delayed notice is due.").format(
                isoformat=d.chosen_date.isoformat()
            )

        self._open(dialog, apply)

    def record_given(self) -> None:
        if self._schedule is None or self._case_id is None or self._view is None:
            return
        schedule, case_id, recipient = self._schedule, self._case_id, self._view.recipient
        dialog = ChangeDialog(
            self,
            self.tr("Notice given"),
            day=self._today(),
            day_label=self.tr("Given on"),
            text_label=self.tr("How"),
            text_hint=self.tr("e-mail to the account address, letter, admin console"),
        )

        def apply(d: ChangeDialog) -> str:
            schedule.record_notice_given(case_id, d.text.text(), d.chosen_date, recipient)
            return self.tr("Notice recorded as given.")

        self._open(dialog, apply)

    def record_withheld(self) -> None:
        if self._schedule is None or self._case_id is None or self._view is None:
            return
        schedule, case_id, recipient = self._schedule, self._case_id, self._view.recipient
        dialog = ChangeDialog(
            self,
            self.tr("Withhold notice"),
            day=None,
            text_hint=self.tr("what makes the exception apply"),
            choices=dict(EXCEPTION_LABELS),
            choice_label=self.tr("Exception"),
        )

        def apply(d: ChangeDialog) -> str:
            schedule.record_notice_exception(case_id, d.chosen, d.text.text(), recipient)
            return self.tr("Notice withheld; the exception and its reason are recorded.")

        self._open(dialog, apply)
