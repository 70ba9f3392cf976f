"""Cost recovery through the service: hours priced from the rate table, seek or waive, payment,
the rule that an emergency or a child-exploitation investigation is never charged, the
invoice letter, Today and the report."""

from __future__ import annotations

import dataclasses
import io
import json
from datetime import date, timedelta
from pathlib import Path

import pypdf
import pytest

from app import services
from app.corrections import Corrections
from app.costs import rates as rates_module
from app.costs.rates import PolicyError, load_rates
from app.costs.service import Costs
from app.letters.service import Letters
from app.report.service import Reports
from app.review.said import said_in
from app.review.service import Review
from app.schedule.service import Schedule
from app.services import DeskError
from tests.app.test_review_service import SUBPOENA, demand_pdf
from tests.conftest import use_our_letterhead
from tests.review_support import answer_blocking_pass

EMERGENCY = (
    "PORTLAND POLICE BUREAU",
    "EMERGENCY DISCLOSURE REQUEST",
    "Date: March 2, 2026",
    "To: Example Online Services LLC, Law Enforcement Response Team",
    "Summary of the emergency: a child has been abducted and is believed to be in danger.",
    "How the information will help: the login IP addresses will locate the child.",
    "Information requested: subscriber information for the account kestrel.e9mg4@example.net.",
    "/s/ Sergeant Lee Park, Portland Police Bureau",
)
PAYMENT = ["Example Online Services LLC", "First Example Bank, ABA 021000021", "Account 4455667788"]


@pytest.fixture
def costs(desk: services.Desk) -> Costs:
    return Costs(desk)


@pytest.fixture
def case_id(desk: services.Desk) -> str:
    return desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")


def decided(desk: services.Desk, case_id: str, outcome: str = "no_data") -> str:
    review = Review(desk)
    answer_blocking_pass(review, case_id)
    review.decide(case_id, outcome)
    return case_id


def events(desk: services.Desk, case_id: str) -> list[str]:
    return [e.action for e in desk.audit_trail(case_id)]


def write_rates(folder: Path, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / rates_module.RATES_FILE).write_text(body, encoding="utf-8")
    return folder


GOOD_RATES = """
version = "2027.1"
chargeable_outcomes = ["no_data", "disclose_noncontent"]
[jurisdictions.US]
currency = "{currency}"
statute = "18 U.S.C. § 2706"
effective = "2027-01-01"
[jurisdictions.US.rates]
review = {rate}
[labels]
review = "Legal review of the demand"
"""


# -- hours ------------------------------------------------------------------------------


def test_hours_are_priced_from_the_case_countrys_rate_table(desk, costs, case_id):
    costs.add_hours(case_id, "review", "1.5")
    record = costs.add_hours(case_id, "search", 2)
    assert (record.jurisdiction, record.currency, record.rates_version) == ("US", "USD", "2026.1")
    assert [(x.task, x.centi_hours, x.rate_cents, x.amount_cents) for x in record.lines] == [
        ("review", 150, 7500, 11250),
        ("search", 200, 6000, 12000),
    ]
    shown = record.to_json()
    assert shown["amount"] == "232.50" and shown["lines"][0]["hours"] == "1.5"
    assert events(desk, case_id).count("cost.hours_added") == 2


@pytest.mark.parametrize("hours", ["-1", "0", "abc", "1.234", "nan", "5000"])
def test_bad_hours_are_refused_and_nothing_is_recorded(desk, costs, case_id, hours):
    before = events(desk, case_id)
    with pytest.raises(DeskError, match="Nothing was recorded"):
        costs.add_hours(case_id, "review", hours)
    assert costs.record(case_id).lines == () and events(desk, case_id) == before


def test_a_task_the_rate_table_does_not_price_is_refused(costs, case_id):
    with pytest.raises(DeskError, match="no task 'coffee'; it prices: review, search"):
        costs.add_hours(case_id, "coffee", "1")


def test_hours_keep_the_rate_they_were_priced_at_when_the_table_changes(desk, costs, case_id, tmp_path):
    costs.add_hours(case_id, "review", "1")
    newer = Costs(desk, load_rates(write_rates(tmp_path / "p", GOOD_RATES.format(currency="USD", rate=90))))
    record = newer.add_hours(case_id, "review", "1")
    assert [x.rate_cents for x in record.lines] == [7500, 9000]
    assert record.total_cents == 16500


def test_a_rate_table_in_another_currency_is_not_mixed_into_a_record(desk, costs, case_id, tmp_path):
    costs.add_hours(case_id, "review", "1")
    euros = Costs(desk, load_rates(write_rates(tmp_path / "p", GOOD_RATES.format(currency="EUR", rate=90))))
    with pytest.raises(DeskError, match="kept in USD.*never added up"):
        euros.add_hours(case_id, "review", "1")
    assert len(costs.record(case_id).lines) == 1


# -- the rate tables --------------------------------------------------------------------


def test_the_shipped_rate_tables_load():
    rates = load_rates()
    assert rates.table("US").currency == "USD" and rates.table("DE") is None


@pytest.mark.parametrize(
    ("currency_line", "rate", "message"),
    [
        ('currency = "USD"', "-5", "rate for review is negative"),
        ("", "75", "has no currency"),
        ('currency = "dollars"', "75", "is not an ISO 4217 code"),
        ('currency = "USD"', "75.555", "at most two decimals"),
    ],
)
def test_a_bad_rate_table_is_refused_when_the_pack_loads(
    tmp_path, currency_line, rate, message, desk, monkeypatch
):
    body = GOOD_RATES.format(currency="USD", rate=rate).replace('currency = "USD"', currency_line)
    folder = write_rates(tmp_path / "bad", body)
    with pytest.raises(PolicyError, match=message) as caught:
        load_rates(folder)
    assert "costs.toml" in str(caught.value) and "cost recovery is unavailable" in str(caught.value)
    # The service refuses with the same words, before anything is done.
    monkeypatch.setattr("app.costs.service.load_rates", lambda: load_rates(folder))
    with pytest.raises(DeskError, match=message):
        Costs(desk)


# -- the rule: never on an emergency or a child-exploitation investigation -------------------


def test_no_cost_is_sought_on_an_emergency_request(desk, costs):
    emergency = desk.intake(demand_pdf(*EMERGENCY), "emergency.pdf")
    Corrections(desk).set_fact(emergency, "country", "US", "the request is from Portland, Oregon")
    costs.add_hours(emergency, "review", "2")
    before = events(desk, emergency)
    with pytest.raises(DeskError, match="emergency request, and the policy never charges in emergencies"):
        costs.seek(emergency, "routine")
    record = costs.record(emergency)
    assert record.decision == "open" and record.invoice is None and events(desk, emergency) == before
    assert record.to_json()["chargeable"] is False
    # The window says why in its language; the record, the CLI and the refusal above in English.
    assert record.no_charge == "it is an emergency request, and the policy never charges in emergencies"
    assert record.to_json()["no_charge"] == record.no_charge
    assert said_in(record.no_charge, "de") == (
        "es ist ein Notfallersuchen, und das Regelwerk berechnet in Notfällen nie Kosten"
    )
    # Waiving it is what the policy expects.
    assert costs.waive(emergency, "emergency: never charged").decision == "waived"


def test_a_case_marked_as_a_child_exploitation_investigation_is_never_charged(desk, costs, case_id):
    decided(desk, case_id)
    costs.add_hours(case_id, "review", "1")
    costs.mark_child_exploitation(case_id, "the subpoena cites 18 U.S.C. § 2252")
    with pytest.raises(DeskError, match="child-exploitation investigation"):
        costs.seek(case_id, "routine")
    assert costs.record(case_id).decision == "open"
    assert "cost.child_exploitation" in events(desk, case_id)


def test_a_notice_withheld_for_child_exploitation_marks_the_case_too(desk, costs, case_id):
    decided(desk, case_id)
    costs.add_hours(case_id, "review", "1")
    Schedule(desk).record_notice_exception(case_id, "child_exploitation", "NCMEC referral")
    with pytest.raises(DeskError, match="child-exploitation"):
        costs.seek(case_id, "routine")


def test_a_case_with_a_sought_cost_is_written_off_before_it_is_marked(desk, costs, case_id):
    decided(desk, case_id)
    costs.add_hours(case_id, "review", "1")
    costs.seek(case_id, "standard rates")
    with pytest.raises(DeskError, match="write the invoice off first"):
        costs.mark_child_exploitation(case_id, "found out later")
    costs.write_off(case_id, desk.clock().date(), "a child-exploitation investigation after all")
    assert costs.mark_child_exploitation(case_id, "found out later").child_exploitation


# -- seeking, waiving, paying ---------------------------------------------------------------


def test_a_cost_is_sought_only_for_a_decided_demand_the_provider_complied_with(desk, costs, case_id):
    costs.add_hours(case_id, "review", "1")
    with pytest.raises(DeskError, match="not decided yet"):
        costs.seek(case_id, "standard rates")
    Review(desk).decide(case_id, "reject", ["validity.signed"])
    with pytest.raises(DeskError, match="decided reject"):
        costs.seek(case_id, "standard rates")


def test_seeking_fixes_the_amount_and_opens_an_unpaid_invoice(desk, costs, case_id):
    decided(desk, case_id)
    with pytest.raises(DeskError, match="Record the hours"):
        costs.seek(case_id, "standard rates")
    costs.add_hours(case_id, "review", "2")
    with pytest.raises(DeskError, match="Say why"):
        costs.seek(case_id, "  ")
    record = costs.seek(case_id, "standard rates")
    assert (record.decision, record.invoice, record.total_cents) == ("sought", "unpaid", 15000)
    assert record.decided_on == desk.clock().date().isoformat() and record.decided_by == "Ada"
    with pytest.raises(DeskError, match="already sought"):
        costs.add_hours(case_id, "review", "1")
    with pytest.raises(DeskError, match="already sought"):
        costs.waive(case_id, "changed our mind")


def test_paid_is_recorded_once_on_a_day_that_has_come(desk, costs, case_id):
    decided(desk, case_id)
    costs.add_hours(case_id, "review", "2")
    with pytest.raises(DeskError, match="no cost was sought"):
        costs.mark_paid(case_id, desk.clock().date())
    costs.seek(case_id, "standard rates")
    today = desk.clock().date()
    with pytest.raises(DeskError, match="still to come"):
        costs.mark_paid(case_id, today + timedelta(days=1))
    with pytest.raises(DeskError, match="before the cost was sought"):
        costs.mark_paid(case_id, today - timedelta(days=1))
    record = costs.mark_paid(case_id, today)
    assert (record.invoice, record.settled_on) == ("paid", today.isoformat())
    with pytest.raises(DeskError, match="the invoice is paid"):
        costs.mark_paid(case_id, today)
    assert "cost.paid" in events(desk, case_id)


def test_waiving_needs_a_reason_and_works_without_hours(desk, costs, case_id):
    with pytest.raises(DeskError, match="Say why the cost is waived"):
        costs.waive(case_id, "")
    record = costs.waive(case_id, "a small request")
    assert (record.decision, record.reason, record.total_cents) == ("waived", "a small request", 0)


# -- Today ------------------------------------------------------------------------------


def test_today_lists_an_invoice_unpaid_after_60_days(desk, costs, case_id):
    decided(desk, case_id)
    costs.add_hours(case_id, "review", "2")
    costs.seek(case_id, "standard rates")
    sought = desk.clock().date()
    schedule = Schedule(desk)
    assert schedule.today(sought + timedelta(days=60)).invoices_unpaid == []
    late = schedule.today(sought + timedelta(days=61))
    [item] = late.invoices_unpaid
    assert item.case_id == case_id and "USD 150.00 unpaid 61 days" in item.label
    assert "Reimbursement requests unpaid" in dict(late.sections())
    costs.mark_paid(case_id, sought)
    assert schedule.today(sought + timedelta(days=61)).invoices_unpaid == []


# -- the reimbursement letter -------------------------------------------------------------


def test_the_invoice_is_refused_until_the_cost_is_sought_and_payment_details_are_set(desk, costs, case_id):
    letters = Letters(desk)
    decided(desk, case_id)
    costs.add_hours(case_id, "review", "2")
    assert "reimbursement" not in letters.allowed_kinds(case_id)
    with pytest.raises(DeskError, match="Seek the cost first"):
        letters.draft(case_id, "reimbursement")
    costs.seek(case_id, "standard rates")
    with pytest.raises(DeskError, match="payment details"):
        letters.draft(case_id, "reimbursement")
    assert events(desk, case_id).count("letter.drafted") == 0


def test_the_invoice_on_an_emergency_request_is_refused(desk):
    emergency = desk.intake(demand_pdf(*EMERGENCY), "emergency.pdf")
    with pytest.raises(DeskError, match="No reimbursement may be requested: it is an emergency request"):
        Letters(desk).draft(emergency, "reimbursement")
    assert "letter.drafted" not in events(desk, emergency)


def test_the_invoice_itemises_the_amount_and_says_how_to_pay(desk, costs, case_id, tmp_path):
    letters = Letters(desk)
    use_our_letterhead(letters)
    letters.set_letterhead(payment_lines=PAYMENT)
    Corrections(desk).set_fact(case_id, "file_number", "GJ 2026-114", "on page 1")
    decided(desk, case_id)
    costs.add_hours(case_id, "review", "1.5")
    costs.add_hours(case_id, "search", "2")
    costs.seek(case_id, "standard rates")
    assert "reimbursement" in letters.allowed_kinds(case_id)
    letter = letters.issue(case_id, "reimbursement", tmp_path / "invoice.pdf", final=True)
    text = " ".join(
        " ".join(
            p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(letters.render(letter))).pages
        ).split()
    )
    reference = desk.facts(case_id)["reference"]
    for expected in (
        reference,
        "GJ 2026-114",
        "Legal review of the demand: 1.5 h at USD 75.00 an hour, USD 112.50",
        "Locating and retrieving the records: 2 h at USD 60.00 an hour, USD 120.00",
        "Amount due: USD 232.50",
        "18 U.S.C. § 2706",
        *PAYMENT,
    ):
        assert expected in text, expected


# -- the report ----------------------------------------------------------------------------


def _period(desk: services.Desk) -> str:
    today = desk.clock().date()
    return f"{today.year}H{1 if today.month <= 6 else 2}"


def test_the_report_keeps_currencies_apart_and_out_of_the_public_csv(desk, costs, tmp_path):
    first = decided(desk, desk.intake(demand_pdf(*SUBPOENA), "a.pdf"))
    second = decided(desk, desk.intake(demand_pdf(*SUBPOENA), "b.pdf"))
    third = desk.intake(demand_pdf(*SUBPOENA), "c.pdf")
    costs.add_hours(first, "review", "2")
    costs.seek(first, "standard rates")
    costs.mark_paid(first, desk.clock().date())
    euros = Costs(desk, load_rates(write_rates(tmp_path / "p", GOOD_RATES.format(currency="EUR", rate=50))))
    euros.add_hours(second, "review", "3")
    euros.seek(second, "standard rates")
    costs.add_hours(third, "search", "1")
    costs.waive(third, "a small request")

    reports = Reports(desk)
    report = reports.build(_period(desk), trend=False)
    figures = json.loads(reports.render(report, "json"))["cost_recovery"]
    assert figures == [
        {"currency": "EUR", "sought": "150.00", "recovered": "0.00", "waived": "0.00",
         "cases": {"sought": 1, "recovered": 0, "waived": 0}},
        {"currency": "USD", "sought": "150.00", "recovered": "150.00", "waived": "60.00",
         "cases": {"sought": 1, "recovered": 1, "waived": 1}},
    ]  # fmt: skip
    usd = next(c for c in report.costs if c.currency == "USD")
    assert (usd.sought, usd.recovered, usd.waived) == ([first], [first], [third])
    # The drill-down (`report cases --table cost_recovery --row USD --column waived`) lists them.
    assert report.cases("cost_recovery", "USD", "waived") == [third]
    assert report.cases("cost_recovery", "EUR", "sought") == [second]
    with pytest.raises(KeyError):
        report.cases("cost_recovery", "GBP", "sought")
    for layout in ("ours", "google", "apple"):
        csv = reports.render(report, "csv", layout=layout).decode()
        assert "USD" not in csv and "EUR" not in csv and "150.00" not in csv and "recover" not in csv.lower()
    pdf_text = " ".join(
        p.extract_text() for p in pypdf.PdfReader(io.BytesIO(reports.render(report, "pdf"))).pages
    )
    assert "Cost recovery" in pdf_text and "USD 150.00 (1)" in pdf_text and "EUR 150.00 (1)" in pdf_text


def test_amounts_of_another_half_year_are_not_counted(desk, costs, case_id):
    decided(desk, case_id)
    costs.add_hours(case_id, "review", "2")
    costs.seek(case_id, "standard rates")
    today = desk.clock().date()
    other = f"{today.year - 1}H{1 if today.month <= 6 else 2}"
    assert Reports(desk).build(other, trend=False).costs == ()
    assert date.fromisoformat(costs.record(case_id).decided_on or "") == today


def test_the_organisation_keeps_the_payment_details_the_invoice_gives(desk):
    from app import organisation

    org = organisation.Organisation(
        "Quokka Mail", ("Quokka Mail Inc.",), ("1 Harbour Street",), "", "Team", "", tuple(PAYMENT)
    )
    organisation.set_organisation(desk, org)
    assert organisation.organisation(desk).payment_lines == tuple(PAYMENT)
    too_many = dataclasses.replace(org, payment_lines=tuple(f"line {n}" for n in range(9)))
    with pytest.raises(DeskError, match="Payment details have at most 8 lines"):
        organisation.set_organisation(desk, too_many)
    assert organisation.organisation(desk).payment_lines == tuple(PAYMENT)


def test_the_window_names_each_shipped_task_in_german_and_the_invoice_in_english(costs, case_id):
    from app.costs.rates import shown_task

    shipped = load_rates()
    assert set(_german_task_labels()) == set(shipped.labels)
    german = {task: shown_task(task, label, "de") for task, label in shipped.labels.items()}
    assert german["review"] == "Rechtliche Prüfung des Ersuchens"
    assert not set(german.values()) & set(shipped.labels.values()), german
    assert shown_task("review", shipped.labels["review"], "en") == "Legal review of the demand"
    # A pack that renames a task keeps its own words; the record still says the English.
    assert shown_task("review", "Counsel's review", "de") == "Counsel's review"
    costs.add_hours(case_id, "review", "1")
    [line] = costs.record(case_id).lines
    assert line.label == "Legal review of the demand"


def _german_task_labels() -> dict[str, str]:
    import tomllib

    from app.review.policy import POLICY_DIR

    with (POLICY_DIR / "costs.de.toml").open("rb") as f:
        return dict(tomllib.load(f)["labels"])
