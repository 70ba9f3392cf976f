"""The Dates tab: a case's response deadline, its secrecy order and the notice it owes.

Every change is a small dialog (a date, and the reason or how) that ``Schedule`` records
with its audit event; the service's refusals ("Say why…") are shown in the dialog, which
stays open so nothing typed is lost. What is due and when is ``Schedule``'s to say
(``app/schedule/service.py``): this tab shows its answers.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.review.said import said_in
from app.schedule.deadlines import period_words
from ui.case.date_dialogs import COVERS_LABELS
from ui.case.dates_changes import DateChangesMixin
from ui.case.hold_box import HoldBox

if TYPE_CHECKING:
    from app.holds.service import Holds
    from app.model import CaseId
    from app.schedule.service import CaseSchedule, Schedule
    from ui.case.date_dialogs import ChangeDialog

STATUS_COLOURS = {"overdue": "#b3261e", "due_today": "#b3261e", "due_soon": "#c26a00", "paused": "#5f6368"}


class DatesTab(DateChangesMixin, QWidget):
    #: (message) a date or notice was recorded; the queue, today view and audit follow.
    changed = Signal(str)
    #: (letter kind) the reviewer asked for the notice letter.
    draft_letter = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._schedule: Schedule | None = None
        self._holds: Holds | None = None
        self._case_id: CaseId | None = None
        self._view: CaseSchedule | None = None
        self.dialog: ChangeDialog | None = None  # the open dialog, for tests and for closing on lock

        due_box = self._build_due_box()
        order_box = self._build_order_box()
        notice_box = self._build_notice_box()

        self.hold_box = HoldBox()  # shown for a preservation request, or a demand linked to one
        self.hold_box.changed.connect(self.changed)

        self.unavailable = self._label(muted=True)
        self.unavailable.hide()
        body = QWidget()
        layout = QVBoxLayout(body)
        for widget in (self.unavailable, self.hold_box, due_box, order_box, notice_box):
            layout.addWidget(widget)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # Not a Tab stop of its own: Tab goes to its buttons, and it scrolls to show each one.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Labels wrap to the panel's width rather than widening it.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._boxes = (due_box, order_box, notice_box)
        self.clear()

    def _build_due_box(self) -> QGroupBox:
        self.due = self._label()
        self.due_detail = self._label(muted=True)
        self.extend_due = QPushButton(self.tr("Extend…"))
        self.extend_due.setToolTip(self.tr("Record a new due date the requester agreed to, and why"))
        self.extend_due.clicked.connect(self.extend_deadline)
        self.pause = QPushButton(self.tr("Pause the clock…"))
        self.pause.setToolTip(
            self.tr("Stop the clock while waiting for the requester (e.g. after a narrowing letter)")
        )
        self.pause.clicked.connect(self.toggle_pause)
        return self._box(
            self.tr("Response deadline"), [self.due, self.due_detail], [self.extend_due, self.pause]
        )

    def _build_order_box(self) -> QGroupBox:
        self.order = self._label()
        self.order_detail = self._label(muted=True)
        self.covers = QComboBox()
        self.covers.setAccessibleName(self.tr("The order covers"))
        for key, label in COVERS_LABELS.items():
            self.covers.addItem(QCoreApplication.translate("Labels", label), key)
        self.covers.activated.connect(self._covers_chosen)
        covers_row = QHBoxLayout()
        self.covers_label = QLabel(self.tr("Covers"))
        covers_row.addWidget(self.covers_label)
        covers_row.addWidget(self.covers, 1)
        self.extend_order = QPushButton(self.tr("Extended…"))
        self.extend_order.setToolTip(
            self.tr("The court extended the order: its new expiry and the order that did it")
        )
        self.extend_order.clicked.connect(self.extend_secrecy)
        self.challenge = QPushButton(self.tr("Challenged…"))
        self.challenge.setToolTip(self.tr("Record a challenge to the order and, when known, how it ended"))
        self.challenge.clicked.connect(self.record_challenge)
        self.reconsidered = QPushButton(self.tr("Reconsidered…"))
        self.reconsidered.setToolTip(
            self.tr("The open-ended order was looked at again; it comes back after the cycle")
        )
        self.reconsidered.clicked.connect(self.record_reconsidered)
        self.lifted = QPushButton(self.tr("Lifted…"))
        self.lifted.setToolTip(self.tr("The order was lifted: delayed notice becomes due that day"))
        self.lifted.clicked.connect(self.lift_order)
        self.add_order = QPushButton(self.tr("Record an order…"))
        self.add_order.setToolTip(
            self.tr("The demand (or a separate order) forbids notice, but intake did not read it")
        )
        self.add_order.clicked.connect(self.record_order)
        return self._box(
            self.tr("Secrecy order"),
            [self.order, self.order_detail],
            [self.add_order, self.extend_order, self.challenge, self.reconsidered, self.lifted],
            extra=covers_row,
        )

    def _build_notice_box(self) -> QGroupBox:
        self.notice = self._label()
        self.notice_detail = self._label(muted=True)
        self.given = QPushButton(self.tr("Notice given…"))
        self.given.setToolTip(self.tr("Record how and when the customer was told"))
        self.given.clicked.connect(self.record_given)
        self.withhold = QPushButton(self.tr("Withhold…"))
        self.withhold.setToolTip(self.tr("Withhold notice for a recorded exception, with the reason"))
        self.withhold.clicked.connect(self.record_withheld)
        self.letter = QPushButton(self.tr("Draft the notice letter"))
        self.letter.clicked.connect(self._draft)
        # Why the letter cannot be drafted yet: the secrecy order's reason, as the letters obey it.
        self.letter_held = self._label()
        self.letter_held.setObjectName("letterHeld")
        self.letter_held.setAccessibleName(self.tr("Why the notice letter waits"))
        self.letter_held.hide()
        return self._box(
            self.tr("Notice to the customer"),
            [self.notice, self.notice_detail, self.letter_held],
            [self.given, self.withhold, self.letter],
        )

    # -- building --------------------------------------------------------------------

    @staticmethod
    def _set_lines(label: QLabel, lines: list[str]) -> None:
        """Plain lines, escaped; an empty label is hidden so it leaves no gap."""
        label.setText("<br>".join(html.escape(line) for line in lines))
        label.setVisible(bool(lines))

    @staticmethod
    def _label(*, muted: bool = False) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)  # built from escaped values only
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if muted:
            label.setObjectName("muted")
        return label

    @staticmethod
    def _box(
        title: str, labels: list[QLabel], buttons: list[QPushButton], extra: QHBoxLayout | None = None
    ) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        for label in labels:
            layout.addWidget(label)
        if extra is not None:
            layout.addLayout(extra)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    # -- showing ---------------------------------------------------------------------

    def clear(self) -> None:
        if self.dialog is not None:  # locking closes an open dialog with the case
            self.dialog.reject()
        self._schedule = None
        self._case_id = None
        self._view = None
        self.hold_box.clear()
        for box in self._boxes:
            box.setEnabled(False)
        for label in (
            self.due,
            self.due_detail,
            self.order,
            self.order_detail,
            self.notice,
            self.notice_detail,
            self.letter_held,
        ):
            label.clear()
        self.letter_held.hide()

    def show_unavailable(self, message: str) -> None:
        self.clear()
        self.unavailable.setText(html.escape(message))
        self.unavailable.show()

    def show_case(self, schedule: Schedule, case_id: CaseId, holds: Holds) -> None:
        self._schedule, self._case_id, self._holds = schedule, case_id, holds
        self.unavailable.hide()
        self.refresh()

    def refresh(self) -> None:
        if self._schedule is None or self._case_id is None:
            return
        view = self._schedule.case_schedule(self._case_id)
        self._view = view
        for box in self._boxes:
            box.setEnabled(True)
        self._show_due(view)
        self._show_order(view)
        self._show_notice(view)
        if self._holds is not None:
            self.hold_box.show_case(self._holds, self._case_id)

    def _show_due(self, view: CaseSchedule) -> None:
        if view.due is None or view.due_status is None:
            self.due.setText(self.tr("No response date: the demand gives none that could be read."))
            self.due_detail.setText(
                html.escape(
                    self.tr(
                        "Enter it on the Facts tab (Response due) if the demand or the requester gives one."
                    )
                )
            )
            self.extend_due.setEnabled(False)
            self.pause.setEnabled(False)
            return
        status = view.due_status
        colour = STATUS_COLOURS.get(status.kind)
        label = html.escape(status.label)
        if status.kind == "ok":
            # The date itself is already in the line.
            label = (
                self.tr("in 1 day")
                if status.days == 1
                else self.tr("in {days} days").format(days=status.days)
            )
        shown = f"<span style='color:{colour}'><b>{label}</b></span>" if colour else label
        self.due.setText(
            self.tr("Due <b>{day}</b> — {shown}").format(day=view.due.due.isoformat(), shown=shown)
        )
        lines = []
        if view.period:
            lines.append(
                self.tr("Counted as {period} ({split} public holidays).").format(
                    period=period_words(view.period), split=view.due.calendar_version.split(":")[0]
                )
            )
        else:
            lines.append(self.tr("As stated in the demand."))
        if view.due.base_due != view.due.due:
            lines.append(
                self.tr("The demand's own date: {isoformat}.").format(isoformat=view.due.base_due.isoformat())
            )
        for change in view.changes:
            if change.kind == "extension":
                lines.append(
                    self.tr("Extended to {starts}: {reason}").format(
                        starts=change.starts, reason=change.reason
                    )
                )
            else:
                paused = (
                    self.tr("Paused from {starts} until {ends}: {reason}")
                    if change.ends
                    else self.tr("Paused from {starts}, still paused: {reason}")
                )
                lines.append(paused.format(starts=change.starts, ends=change.ends, reason=change.reason))
        self._set_lines(self.due_detail, lines)
        self.extend_due.setEnabled(True)
        self.pause.setEnabled(True)
        self.pause.setText(self.tr("Resume the clock") if view.paused else self.tr("Pause the clock…"))

    def _show_order(self, view: CaseSchedule) -> None:
        order = view.order
        has_order = order is not None
        for widget in (self.covers, self.extend_order, self.challenge, self.lifted):
            widget.setEnabled(has_order and (order is None or order.lifted_on is None))
        self.reconsidered.setEnabled(view.reconsider_by is not None)
        self.add_order.setVisible(not has_order)
        for widget in (self.extend_order, self.challenge, self.reconsidered, self.lifted):
            widget.setVisible(has_order)
        self.covers.setVisible(has_order)
        self.covers_label.setVisible(has_order)
        if order is None:
            self.order.setText(self.tr("No secrecy order: the demand does not forbid telling the customer."))
            self._set_lines(self.order_detail, [])
            return
        statute = f" ({order.statute})" if order.statute else ""
        if order.lifted_on is not None:
            head = self.tr("Lifted on <b>{isoformat}</b>").format(isoformat=order.lifted_on.isoformat())
        elif view.order_expiry is not None:
            day = view.order_expiry.isoformat()
            if view.order_expiry <= view.today:
                head = self.tr("In force; expired <b>{day}</b>").format(day=day)
            else:
                head = self.tr("In force; expires <b>{day}</b>").format(day=day)
        else:
            head = self.tr("In force <b>until further order</b>")
        self.order.setText(head + html.escape(statute))
        lines = []
        if order.issued:
            if not order.duration_days:
                issued = self.tr("Issued {issued}.")
            elif order.duration_days == 1:
                issued = self.tr("Issued {issued}, for 1 day.")
            else:
                issued = self.tr("Issued {issued}, for {duration_days} days.")
            lines.append(issued.format(issued=order.issued.isoformat(), duration_days=order.duration_days))
        for ext in order.extensions:
            lines.append(
                self.tr("Extended to {isoformat}: {reason}").format(
                    isoformat=ext.new_expiry.isoformat(), reason=ext.reason
                )
            )
        if order.challenged_on:
            challenged = (
                self.tr("Challenged on {isoformat}: {outcome}")
                if order.challenge_outcome
                else self.tr("Challenged on {isoformat} (outcome not yet known).")
            )
            lines.append(
                challenged.format(isoformat=order.challenged_on.isoformat(), outcome=order.challenge_outcome)
            )
        if order.reconsidered_on:
            lines.append(
                self.tr("Last reconsidered {isoformat}.").format(isoformat=order.reconsidered_on.isoformat())
            )
        if view.reconsider_by is not None:
            lines.append(
                self.tr("Reconsider by {isoformat} whether to challenge it.").format(
                    isoformat=view.reconsider_by.isoformat()
                )
            )
        self._set_lines(self.order_detail, lines)
        self.covers.setCurrentIndex(max(0, self.covers.findData(order.covers)))

    def _show_notice(self, view: CaseSchedule) -> None:
        enterprise = view.recipient == "enterprise"
        status = view.notice
        if status is None:
            self.notice.setText(
                self.tr("Owed to the enterprise customer: nothing yet.")
                if enterprise
                else self.tr("Owed to the user: nothing yet.")
            )
            lines = [self.tr("Notice falls due once data is to be disclosed, or when a secrecy order ends.")]
        else:
            due_now = status.due and status.due_on is not None and status.due_on <= view.today
            head = html.escape(said_in(status.reason))
            if due_now:
                head = f"<span style='color:#b3261e'><b>{head}</b></span>"
            self.notice.setText(
                (
                    self.tr("Owed to the enterprise customer: {head}")
                    if enterprise
                    else self.tr("Owed to the user: {head}")
                ).format(head=head)
            )
            lines = []
        for n in view.notices:
            to_enterprise = n.recipient == "enterprise"
            if n.status == "given":
                line = (
                    self.tr("Given to the enterprise customer on {on}: {how} (recorded by {decided_by})")
                    if to_enterprise
                    else self.tr("Given to the user on {on}: {how} (recorded by {decided_by})")
                )
            else:
                line = (
                    self.tr(
                        "Withheld from the enterprise customer: {how}; {reason} (decided by {decided_by})"
                    )
                    if to_enterprise
                    else self.tr("Withheld from the user: {how}; {reason} (decided by {decided_by})")
                )
            lines.append(line.format(on=n.on, how=said_in(n.how), reason=n.reason, decided_by=n.decided_by))
        self._set_lines(self.notice_detail, lines)
        held = view.notice_held
        self.letter.setEnabled(status is not None and status.kind is not None and held is None)
        self.letter.setToolTip(held or self.tr("Draft the letter that tells the customer, from the decision"))
        if held is None:
            self.letter_held.clear()
            self.letter_held.hide()
        else:
            self.letter_held.setText(
                self.tr(
                    "<span style='color:#8a5a00'>&#9888;</span> <b>The notice letter waits.</b> {why}"
                ).format(why=html.escape(held))
            )
            self.letter_held.show()

    def _draft(self) -> None:
        view = self._view
        if view is None or view.notice is None:
            return
        if view.notice.kind == "delayed":
            self.draft_letter.emit("delayed_notice")
        else:
            self.draft_letter.emit("enterprise_notice" if view.recipient == "enterprise" else "user_notice")
