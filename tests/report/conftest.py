"""A store with known figures for 2026H1, and the numbers a reviewer should see in every format."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from app import services
from app.report.service import Reports
from tests.report.builder import add_case


@dataclass(frozen=True)
class Known:
    """Case ids of the known store, by what makes each one an edge case."""

    rejected_federal_order: str
    enterprise_above: str
    enterprise_at_threshold: str
    awaiting_approval: str
    decided_next_period: str
    emergency: str
    civil: str
    redirected: str
    national_security: str
    preservation: str
    not_a_data_demand: str
    challenged_no_country: str
    escalated: str
    undecided: str
    next_half: str
    previous_half: str


@pytest.fixture
def known(desk: services.Desk) -> Known:
    """Sixteen cases around 2026H1 whose figures are worked out by hand in the tests."""
    return add_known_cases(desk)


def add_known_cases(desk: services.Desk) -> Known:
    """The ``known`` store's cases, added to any desk (the window tests build them in the window's)."""
    s = desk.store
    return Known(
        rejected_federal_order=add_case(s, received="2026-02-01", instrument="subpoena", accounts=2,
                                        secrecy=True, authority="Federal Bureau of Investigation",
                                        outcome="reject", reference="H1-REJECT"),
        enterprise_above=add_case(s, received="2026-03-01", instrument="search_warrant",
                                  outcome="disclose_content", approved=True, enterprise=True, seats=51,
                                  stored_in="IE", reference="H1-ENT51"),
        # The last second of the half-year; 50 seats is not "more than 50".
        enterprise_at_threshold=add_case(s, received="2026-06-30T23:59:59+00:00", instrument="court_order",
                                         outcome="disclose_noncontent", approved=True, enterprise=True,
                                         seats=50, secrecy=True, authority="Superior Court of California",
                                         reference="H1-ENT50"),
        awaiting_approval=add_case(s, received="2026-04-10", country="DE", instrument="court_order",
                                   outcome="disclose_content", approved=False, reference="H1-AWAIT"),
        decided_next_period=add_case(s, received="2026-05-05", country="IE", instrument="production_order",
                                     reference="H1-LATE"),
        emergency=add_case(s, received="2026-01-15", instrument="emergency_request", emergency=True,
                           outcome="disclose_noncontent", approved=True, reference="H1-EMERG"),
        civil=add_case(s, received="2026-02-20", instrument="civil_subpoena", outcome="withdrawn",
                       reference="H1-CIVIL"),
        redirected=add_case(s, received="2026-03-03", country="GB", instrument="other", outcome="redirect",
                            reference="H1-REDIR"),
        national_security=add_case(s, received="2026-04-01", instrument="nsl", accounts=3, secrecy=True,
                                   authority="Federal Bureau of Investigation", reference="H1-NSL"),
        preservation=add_case(s, received="2026-05-01", instrument="preservation_request", accounts=2,
                              reference="H1-PRESERVE"),
        not_a_data_demand=add_case(s, received="2026-06-01", country="FR", instrument="subpoena",
                                   outcome="not_a_data_demand", reference="H1-NODATA"),
        challenged_no_country=add_case(s, received="2026-03-15", country=None, instrument="subpoena",
                                       outcome="challenge", reference="H1-CHALLENGE"),
        escalated=add_case(s, received="2026-03-20", instrument="subpoena", outcome="escalate",
                           reference="H1-ESCALATE"),
        undecided=add_case(s, received="2026-06-15", instrument="subpoena", reference="H1-UNDECIDED"),
        next_half=add_case(s, received="2026-07-01T00:00:00+00:00", instrument="subpoena", outcome="reject",
                           reference="H2-FIRST"),
        previous_half=add_case(s, received="2025-12-31T23:59:59+00:00", instrument="subpoena",
                               outcome="disclose_noncontent", approved=True, reference="H2025-LAST"),
    )  # fmt: skip


@pytest.fixture
def known_decided_late(desk: services.Desk, known: Known) -> Known:
    """The known store, after the case received in May was decided in July."""
    from tests.report.builder import decide

    decide(desk.store, known.decided_next_period, "no_data", at="2026-07-03T09:00:00+00:00")
    return known


@pytest.fixture
def reports(desk: services.Desk) -> Reports:
    return Reports(desk)


# What 2026H1 must show: worked out by hand from the sixteen cases above.
EXPECTED_TOTALS = {
    "demands": 11,
    "accounts": 12,
    "secrecy_orders": 2,
    "secrecy_orders_federal": 1,
    "emergency": 1,
    "outcomes": {
        "rejected": 2,
        "withdrawn": 1,
        "no_data": 1,
        "redirected": 1,
        "noncontent_only": 2,
        "content": 1,
        "pending": 3,
    },
}
EXPECTED_BY_COUNTRY = {"US": 7, "DE": 1, "IE": 1, "GB": 1, "ZZ": 1}
EXPECTED_BY_PROCESS = {
    "subpoena": 4,
    "search_warrant": 1,
    "court_order": 2,
    "production_order": 1,
    "emergency": 1,
    "civil": 1,
    "other": 1,
}
