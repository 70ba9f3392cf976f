"""Tools ▸ Cost recovery…: the open case's costs — record hours, seek or waive, mark paid.

Every rule (what may be charged, what a reason needs, which dates are accepted) is in
app/costs/service.py; this dialog only collects what it asks for and shows its refusal
in the dialog, with nothing changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.costs.rates import hours_text, money, shown_task
from app.costs.service import CostRecord, Costs
from app.model import CaseId
from app.review.said import said_in
from app.services import DeskError
from ui.dialogs.access import error_label

COLUMNS = (
    QT_TRANSLATE_NOOP("Labels", "Task"),
    QT_TRANSLATE_NOOP("Labels", "Hours"),
    QT_TRANSLATE_NOOP("Labels", "Rate"),
    QT_TRANSLATE_NOOP("Labels", "Amount"),
    QT_TRANSLATE_NOOP("Labels", "By"),
)


class CostDialog(QDialog):
    def __init__(self, costs: Costs, case_id: CaseId, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.costs = costs
        self.case_id = case_id
        self.setWindowTitle(self.tr("Cost recovery · {reference}").format(reference=reference))
        self.setMinimumWidth(640)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.refusal = QLabel()
        self.refusal.setObjectName("error")
        self.refusal.setWordWrap(True)

        self._build_table()
        hours_row = self._build_hours_row()
        decide_row = self._build_decide_row()
        settle_row = self._build_settle_row()

        form = QFormLayout()
        form.addRow(self.tr("Record hours"), hours_row)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Decide"), decide_row)
        form.addRow(self.tr("Invoice"), settle_row)
        self.error = error_label()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.refusal)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(close)
        self.refresh()

    def _build_table(self) -> None:
        """The hours recorded, by task."""
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(
            [QCoreApplication.translate("Labels", title) for title in COLUMNS]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Hours by task"))
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(140)

    def _build_hours_row(self) -> QHBoxLayout:
        """Record hours: a task (at its rate) and how many."""
        costs, case_id = self.costs, self.case_id
        self.task = QComboBox()
        self.task.setAccessibleName(self.tr("Task"))
        for task, label, cents in costs.tasks(case_id):
            currency = costs.record(case_id).currency or ""
            self.task.addItem(
                self.tr("{label} ({money} an hour)").format(
                    label=shown_task(task, label), money=money(cents, currency)
                ),
                task,
            )
        self.hours = QLineEdit(placeholderText=self.tr("e.g. 1.5"))
        self.hours.setAccessibleName(self.tr("Hours"))
        self.hours.setMaximumWidth(90)
        self.add_button = QPushButton(self.tr("Add hours"))
        self.add_button.clicked.connect(self.add_hours)
        hours_row = QHBoxLayout()
        hours_row.addWidget(self.task, 1)
        hours_row.addWidget(self.hours)
        hours_row.addWidget(self.add_button)
        return hours_row

    def _build_decide_row(self) -> QHBoxLayout:
        """Seek, waive, or mark a child-exploitation investigation (never charged)."""
        costs, case_id = self.costs, self.case_id
        self.reason = QLineEdit(placeholderText=self.tr("why it is sought, waived or written off"))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.seek_button = QPushButton(self.tr("Seek reimbursement"))
        self.seek_button.clicked.connect(lambda: self._do(lambda: costs.seek(case_id, self.reason.text())))
        self.waive_button = QPushButton(self.tr("Waive"))
        self.waive_button.clicked.connect(lambda: self._do(lambda: costs.waive(case_id, self.reason.text())))
        self.child_button = QPushButton(self.tr("Child-exploitation investigation"))
        self.child_button.setToolTip(
            self.tr("Mark the case as a known child-exploitation investigation: never charged")
        )
        self.child_button.clicked.connect(
            lambda: self._do(lambda: costs.mark_child_exploitation(case_id, self.reason.text()))
        )
        decide_row = QHBoxLayout()
        for button in (self.seek_button, self.waive_button, self.child_button):
            decide_row.addWidget(button)
        decide_row.addStretch(1)
        return decide_row

    def _build_settle_row(self) -> QHBoxLayout:
        """The invoice: paid or written off, on a date."""
        costs, case_id = self.costs, self.case_id
        self.on = QDateEdit(QDate.currentDate())
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.on.setAccessibleName(self.tr("Paid or written off on"))
        self.paid_button = QPushButton(self.tr("Mark paid"))
        self.paid_button.clicked.connect(lambda: self._do(lambda: costs.mark_paid(case_id, self._day())))
        self.write_off_button = QPushButton(self.tr("Write off"))
        self.write_off_button.clicked.connect(
            lambda: self._do(lambda: costs.write_off(case_id, self._day(), self.reason.text()))
        )
        settle_row = QHBoxLayout()
        settle_row.addWidget(self.on)
        settle_row.addWidget(self.paid_button)
        settle_row.addWidget(self.write_off_button)
        settle_row.addStretch(1)
        return settle_row

    def _day(self) -> date:
        return self.on.date().toPython()  # type: ignore[return-value]  # PySide6 types it as object

    def add_hours(self) -> None:
        self._do(
            lambda: self.costs.add_hours(self.case_id, str(self.task.currentData() or ""), self.hours.text())
        )

    def _do(self, action: Callable[[], CostRecord]) -> None:
        try:
            action()
        except DeskError as exc:
            self.show_error(str(exc))
            return
        self.error.hide()
        self.hours.clear()
        self.reason.clear()
        self.refresh()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def refresh(self) -> None:
        record = self.costs.record(self.case_id)
        currency = record.currency or ""
        self.model.removeRows(0, self.model.rowCount())
        for line in record.lines:
            cells = [
                shown_task(line.task, line.label),
                hours_text(line.centi_hours),
                money(line.rate_cents, currency),
                money(line.amount_cents, currency),
                line.reviewer,
            ]
            items = [QStandardItem(text) for text in cells]
            for item in items[1:4]:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.model.appendRow(items)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.summary.setText(_summary(record))
        self.refusal.setText(
            self.tr("Not chargeable: {no_charge}.").format(no_charge=said_in(record.no_charge))
            if record.no_charge
            else ""
        )
        self.refusal.setVisible(bool(record.no_charge))
        is_open = record.decision == "open"
        self.add_button.setEnabled(is_open and self.task.count() > 0)
        self.seek_button.setEnabled(is_open and record.no_charge is None and bool(record.lines))
        self.waive_button.setEnabled(is_open)
        self.child_button.setEnabled(not record.child_exploitation and record.invoice != "unpaid")
        unpaid = record.invoice == "unpaid"
        self.paid_button.setEnabled(unpaid)
        self.write_off_button.setEnabled(unpaid)


def _summary(record: CostRecord) -> str:
    table = (
        QCoreApplication.translate("cost", "{jurisdiction} rate table {value}, in {currency}").format(
            jurisdiction=record.jurisdiction, value=record.rates_version or "", currency=record.currency
        )
        if record.currency
        else QCoreApplication.translate("cost", "No rate table prices this case's country")
    )
    state = {
        "open": QCoreApplication.translate("cost", "not decided"),
        "sought": QCoreApplication.translate("cost", "sought on {decided_on} by {decided_by}").format(
            decided_on=record.decided_on, decided_by=record.decided_by
        ),
        "waived": QCoreApplication.translate("cost", "waived on {decided_on} by {decided_by}").format(
            decided_on=record.decided_on, decided_by=record.decided_by
        ),
    }[record.decision]
    text = f"<b>{said_in(record.total_text())}</b> · {state}"
    if record.reason:
        text += f" ({_escape(record.reason)})"
    if record.invoice:
        text += "<br>" + _invoice_words(record.invoice, record.settled_on)
    return f"{text}<br><span>{_escape(table)}</span>"


def _invoice_words(invoice: str, settled_on: object) -> str:
    """Where the invoice stands, as one phrase (unpaid | paid | written_off, with its day)."""
    if invoice == "unpaid":
        return QCoreApplication.translate("cost", "Invoice unpaid")
    if invoice == "paid":
        if not settled_on:
            return QCoreApplication.translate("cost", "Invoice paid")
        return QCoreApplication.translate("cost", "Invoice paid on {on}").format(on=settled_on)
    if invoice == "written_off":
        if not settled_on:
            return QCoreApplication.translate("cost", "Invoice written off")
        return QCoreApplication.translate("cost", "Invoice written off on {on}").format(on=settled_on)
    return invoice


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
