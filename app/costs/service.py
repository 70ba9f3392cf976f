"""Cost recovery for a case: the hours by task, the amount, and whether it is sought or waived.

``Costs(desk)`` is what the window, the command line and the letters call. The policy's
rule lives here, in ``no_charge_reason``: an emergency request, or a case marked as a known
child-exploitation investigation, is never charged. Seeking a cost and the reimbursement
letter (the invoice) both ask it, so no path charges such a case. A refusal is a
``DeskError`` raised before anything is stored or audited.

Hours are priced when they are recorded, from the rate table of the case's country
(app/costs/rates.py), and keep that price: a later rate change does not reprice an
invoice already sent. The amount sought or waived is fixed when it is decided.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TypedDict

from app.costs.rates import (
    Rates,
    RateTable,
    amount_cents,
    hours_text,
    load_rates,
    money,
    parse_hours,
)
from app.jsontypes import JsonObject
from app.model import CaseId
from app.review.evaluators import is_emergency
from app.review.policy import PolicyError
from app.review.said import Said
from app.services import Desk, DeskError
from db import cost_rows

MAX_REASON = 2000


class CostLetterValues(TypedDict):
    """What a reimbursement letter fills in (``LetterContext``'s cost fields)."""

    cost_items: list[dict[str, str]]
    cost_total: str
    cost_statute: str
    payment_details: list[str]


@dataclass(frozen=True)
class CostLine:
    task: str
    label: str
    centi_hours: int
    rate_cents: int
    reviewer: str
    at: str

    @property
    def amount_cents(self) -> int:
        return amount_cents(self.centi_hours, self.rate_cents)


@dataclass(frozen=True)
class CostRecord:
    case_id: str
    jurisdiction: str | None
    rates_version: str | None
    currency: str | None
    lines: tuple[CostLine, ...]
    decision: str  # open | sought | waived
    reason: str | None
    decided_by: str | None
    decided_on: str | None
    decided_cents: int | None  # the amount sought or waived, fixed when decided
    child_exploitation: bool
    invoice: str | None  # unpaid | paid | written_off, once sought
    settled_on: str | None
    settled_reason: str | None
    no_charge: str | None  # why the case may not be charged, or None

    @property
    def total_cents(self) -> int:
        """What was decided, or what the hours come to while it is open."""
        if self.decided_cents is not None:
            return self.decided_cents
        return sum(line.amount_cents for line in self.lines)

    def total_text(self) -> str:
        return money(self.total_cents, self.currency) if self.currency else Said("costs.nothing_recorded")

    def to_json(self) -> JsonObject:
        return {
            "case_id": self.case_id,
            "jurisdiction": self.jurisdiction,
            "rates_version": self.rates_version,
            "currency": self.currency,
            "lines": [
                {
                    "task": x.task,
                    "label": x.label,
                    "hours": hours_text(x.centi_hours),
                    "rate": _decimal(x.rate_cents),
                    "amount": _decimal(x.amount_cents),
                    "reviewer": x.reviewer,
                    "at": x.at,
                }
                for x in self.lines
            ],
            "amount": _decimal(self.total_cents),
            "decision": self.decision,
            "reason": self.reason,
            "decided_by": self.decided_by,
            "decided_on": self.decided_on,
            "child_exploitation": self.child_exploitation,
            "invoice": self.invoice,
            "settled_on": self.settled_on,
            "settled_reason": self.settled_reason,
            "chargeable": self.no_charge is None,
            "no_charge": self.no_charge,
        }


@dataclass(frozen=True)
class UnpaidInvoice:
    case_id: str
    reference: str
    sent_on: str  # the reimbursement letter's day, or the day the cost was sought
    amount: str  # "USD 450.00"
    days: int


def _decimal(cents: int) -> str:
    """JSON money: a string with two decimals (a float would round)."""
    return f"{cents // 100}.{cents % 100:02d}" if cents >= 0 else "-" + _decimal(-cents)


class Costs:
    def __init__(self, desk: Desk, rates: Rates | None = None) -> None:
        self.desk = desk
        self.store = desk.store
        try:
            self.rates = rates or load_rates()
        except PolicyError as exc:
            raise DeskError(str(exc)) from None

    # -- the rule --------------------------------------------------------------------------

    def no_charge_reason(self, case_id: CaseId) -> str | None:
        """Why the policy forbids charging for this case, or None. The one place the rule lives.
        A ``Said``: English where printed, the display language in the window."""
        if is_emergency(self.desk.facts(case_id)):
            return Said("costs.emergency")
        row = cost_rows.get_record(self.store, case_id)
        if row is not None and row["child_exploitation"]:
            return Said("costs.child_exploitation")
        for notice in self.store.get_notices(case_id):
            if notice.get("exception_kind") == "child_exploitation":
                return Said("costs.child_notice")
        return None

    # -- reading ---------------------------------------------------------------------------

    def record(self, case_id: CaseId) -> CostRecord:
        row = cost_rows.get_record(self.store, case_id)
        no_charge = self.no_charge_reason(case_id)
        if row is None:
            table = self.rates.table(self.desk.facts(case_id).get("country"))
            return CostRecord(
                case_id, table.jurisdiction if table else None, None, table.currency if table else None,
                (), "open", None, None, None, None, False, None, None, None, no_charge,
            )  # fmt: skip
        lines = tuple(
            CostLine(h["task"], self.rates.label(h["task"]), h["centi_hours"], h["rate_cents"],
                     h["reviewer"], h["at"])
            for h in cost_rows.get_hours(self.store, case_id)
        )  # fmt: skip
        return CostRecord(
            case_id=case_id,
            jurisdiction=row["jurisdiction"] or None,
            rates_version=row["rates_version"],
            currency=row["currency"] or None,
            lines=lines,
            decision=row["decision"],
            reason=row["reason"],
            decided_by=row["decided_by"],
            decided_on=row["decided_on"],
            decided_cents=row["amount_cents"],
            child_exploitation=bool(row["child_exploitation"]),
            invoice=row["invoice"],
            settled_on=row["settled_on"],
            settled_reason=row["settled_reason"],
            no_charge=no_charge,
        )

    def tasks(self, case_id: CaseId) -> list[tuple[str, str, int]]:
        """(task, label, cents per hour) the case's rate table prices; empty when it has none."""
        table = self._table(case_id, required=False)
        return [(t, self.rates.label(t), c) for t, c in table.rates.items()] if table else []

    # -- changing --------------------------------------------------------------------------

    def add_hours(self, case_id: CaseId, task: str, hours: str | float) -> CostRecord:
        """Record hours spent on ``task``, priced from the case's rate table now."""
        actor = self.desk.actor()
        try:
            centi = parse_hours(hours)
        except ValueError as exc:
            raise DeskError(f"{exc} Nothing was recorded.") from None
        record = self.record(case_id)
        self._still_open(record, "add hours")
        table = self._table(case_id, required=True)
        assert table is not None  # noqa: S101 - required
        if record.currency and record.currency != table.currency:
            raise DeskError(
                f"The case's costs are kept in {record.currency}; its country's rate table is now in "
                f"{table.currency}. Amounts in two currencies are never added up: nothing was recorded."
            )
        if task not in table.rates:
            raise DeskError(
                f"The {table.jurisdiction} rate table has no task {task!r}; "
                f"it prices: {', '.join(table.rates)}. Nothing was recorded."
            )
        now = self.desk.now()
        with self.store.atomic():
            self._ensure_row(case_id)
            # A record made before the case had a rate table (waived, marked) takes it now.
            cost_rows.update_record(
                self.store, case_id, {"jurisdiction": table.jurisdiction, "currency": table.currency}
            )
            cost_rows.insert_hours(
                self.store,
                {"case_id": case_id, "task": task, "centi_hours": centi, "rate_cents": table.rates[task],
                 "reviewer": actor, "at": now},
            )  # fmt: skip
            cost_rows.update_record(self.store, case_id, {"updated_at": now})
            self.desk.record(
                "cost.hours_added",
                case_id,
                {"task": task, "hours": hours_text(centi), "rate": _decimal(table.rates[task]),
                 "currency": table.currency, "rates_version": self.rates.version},
                actor=actor,
            )  # fmt: skip
        return self.record(case_id)

    def seek(self, case_id: CaseId, reason: str) -> CostRecord:
        """Decide to seek reimbursement: refused for a case the policy never charges."""
        actor = self.desk.actor()
        record = self.record(case_id)
        if record.no_charge is not None:
            raise DeskError(f"No cost may be sought on this case: {record.no_charge}. Nothing was changed.")
        reason = _reason(reason, "Say why the cost is sought")
        self._still_open(record, "seek it")
        if not record.lines:
            raise DeskError("Record the hours spent first (by task); there is nothing to charge yet.")
        decision = self._decided_outcome(case_id)
        if decision not in self.rates.chargeable_outcomes:
            raise DeskError(
                "A cost is sought only for a demand the provider complied with (decided "
                f"{' or '.join(self.rates.chargeable_outcomes)}); this case is "
                f"{'not decided yet' if decision is None else 'decided ' + decision}. Nothing was changed."
            )
        return self._decide(case_id, record, "sought", reason, actor, invoice="unpaid")

    def waive(self, case_id: CaseId, reason: str) -> CostRecord:
        """Decide not to charge, with the reason (allowed on any case, with or without hours)."""
        actor = self.desk.actor()
        reason = _reason(reason, "Say why the cost is waived")
        self._still_open(self.record(case_id), "waive it")
        with self.store.atomic():
            self._ensure_row(case_id)
            return self._decide(case_id, self.record(case_id), "waived", reason, actor, invoice=None)

    def mark_child_exploitation(self, case_id: CaseId, reason: str) -> CostRecord:
        """Mark the case as a known child-exploitation investigation: it can no longer be charged."""
        actor = self.desk.actor()
        reason = _reason(reason, "Say what shows it is a child-exploitation investigation")
        record = self.record(case_id)
        if record.decision == "sought" and record.invoice == "unpaid":
            raise DeskError(
                f"The cost was sought on {record.decided_on}: write the invoice off first "
                "(it may not be pursued), then mark the case. Nothing was changed."
            )
        now = self.desk.now()
        with self.store.atomic():
            self._ensure_row(case_id)
            cost_rows.update_record(self.store, case_id, {"child_exploitation": 1, "updated_at": now})
            self.desk.record("cost.child_exploitation", case_id, {"reason": reason}, actor=actor)
        return self.record(case_id)

    def mark_paid(self, case_id: CaseId, on: date) -> CostRecord:
        """The reimbursement was received in full on ``on``."""
        return self._settle(case_id, "paid", on, "")

    def write_off(self, case_id: CaseId, on: date, reason: str) -> CostRecord:
        """The reimbursement will not be pursued (written off), with the reason."""
        return self._settle(case_id, "written_off", on, _reason(reason, "Say why it is written off"))

    # -- Today and the letters ---------------------------------------------------------------

    def unpaid_invoices(self, today: date) -> list[UnpaidInvoice]:
        """Invoices unpaid more than the pack's days (60) after they were sent, oldest first."""
        out = []
        for row in cost_rows.unpaid_invoices(self.store):
            sent = (row["invoiced_at"] or "")[:10] or row["decided_on"]
            days = (today - date.fromisoformat(sent)).days
            if days > self.rates.unpaid_after_days:
                out.append(
                    UnpaidInvoice(row["case_id"], row["reference"], sent,
                                  money(row["amount_cents"] or 0, row["currency"]), days)
                )  # fmt: skip
        return out

    def invoice_refusal(self, case_id: CaseId) -> str | None:
        """Why a reimbursement letter may not be drafted for the case, or None."""
        record = self.record(case_id)
        if record.no_charge is not None:
            return f"No reimbursement may be requested: {record.no_charge}."
        if record.decision != "sought":
            return (
                "Seek the cost first (cost CASE --seek --reason …, or the Cost dialog); "
                "the invoice is drafted from it."
            )
        return None

    def letter_values(self, case_id: CaseId, payment_lines: list[str]) -> CostLetterValues:
        """What the reimbursement letter fills in: the itemised amount and how to pay."""
        record = self.record(case_id)
        currency = record.currency or ""
        table = self.rates.table(record.jurisdiction)
        return CostLetterValues(
            cost_items=[
                {
                    "task": x.label,
                    "hours": hours_text(x.centi_hours),
                    "rate": money(x.rate_cents, currency),
                    "amount": money(x.amount_cents, currency),
                }
                for x in record.lines
            ],  # fmt: skip
            cost_total=money(record.total_cents, currency) if currency else "",
            cost_statute=table.statute if table else "",
            payment_details=list(payment_lines),
        )

    # -- helpers -----------------------------------------------------------------------------

    def _table(self, case_id: CaseId, *, required: bool) -> RateTable | None:
        country = self.desk.facts(case_id).get("country")
        table = self.rates.table(country)
        if table is None and required:
            known = ", ".join(self.rates.tables) or "none"
            raise DeskError(
                f"There is no rate table for {country or 'an unknown country'} (rate tables: {known}); "
                "the policy charges only where the law lets it. Nothing was recorded."
            )
        return table

    def _ensure_row(self, case_id: CaseId) -> None:
        """The case's record, made on first use (a case from a country without rates gets one
        with no currency: it can be waived or marked, never charged)."""
        if cost_rows.get_record(self.store, case_id) is not None:
            return
        table = self._table(case_id, required=False)
        cost_rows.insert_record(
            self.store,
            {
                "case_id": case_id,
                "jurisdiction": table.jurisdiction if table else "",
                "rates_version": self.rates.version,
                "currency": table.currency if table else "",
                "updated_at": self.desk.now(),
            },
        )

    def _still_open(self, record: CostRecord, what: str) -> None:
        if record.decision != "open":
            raise DeskError(
                f"The cost was already {record.decision} on {record.decided_on} by {record.decided_by}; "
                f"it cannot {what} now. Nothing was changed."
            )

    def _decided_outcome(self, case_id: CaseId) -> str | None:
        from app.review.service import Review  # the policy pack loads only when it is needed

        decision = Review(self.desk).decision(case_id)
        if decision is None or decision.needs_approval:
            return None
        return str(decision.outcome)

    def _decide(
        self,
        case_id: CaseId,
        record: CostRecord,
        decision: str,
        reason: str,
        actor: str,
        *,
        invoice: str | None,
    ) -> CostRecord:
        today = self.desk.clock().date().isoformat()
        cents = sum(line.amount_cents for line in record.lines)
        with self.store.atomic():
            cost_rows.update_record(
                self.store,
                case_id,
                {"decision": decision, "reason": reason, "decided_by": actor, "decided_on": today,
                 "amount_cents": cents, "invoice": invoice, "updated_at": self.desk.now()},
            )  # fmt: skip
            self.desk.record(
                f"cost.{decision}",
                case_id,
                {"reason": reason, "amount": _decimal(cents), "currency": record.currency},
                actor=actor,
            )
        return self.record(case_id)

    def _settle(self, case_id: CaseId, state: str, on: date, reason: str) -> CostRecord:
        actor = self.desk.actor()
        record = self.record(case_id)
        if record.decision != "sought" or record.invoice != "unpaid":
            now = "no cost was sought" if record.decision != "sought" else f"the invoice is {record.invoice}"
            raise DeskError(f"Only an unpaid invoice can be marked so; {now}. Nothing was changed.")
        today = self.desk.clock().date()
        if on > today:
            raise DeskError(f"{on} is still to come; record it when it happens. Nothing was changed.")
        if record.decided_on and on < date.fromisoformat(record.decided_on):
            raise DeskError(f"{on} is before the cost was sought ({record.decided_on}). Nothing was changed.")
        with self.store.atomic():
            cost_rows.update_record(
                self.store,
                case_id,
                {"invoice": state, "settled_on": on.isoformat(), "settled_reason": reason or None,
                 "updated_at": self.desk.now()},
            )  # fmt: skip
            self.desk.record(
                f"cost.{state}",
                case_id,
                {"on": on.isoformat(), "reason": reason, "amount": _decimal(record.total_cents),
                 "currency": record.currency},
                actor=actor,
            )  # fmt: skip
        return self.record(case_id)


def _reason(text: str, ask: str) -> str:
    text = (text or "").strip()
    if not text:
        raise DeskError(f"{ask}: the reason is kept with the case. Nothing was changed.")
    if len(text) > MAX_REASON:
        raise DeskError(f"A reason has at most {MAX_REASON} characters. Nothing was changed.")
    return text
