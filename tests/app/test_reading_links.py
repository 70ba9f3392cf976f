"""Issue 16: a document that commands nothing is recorded as such and linked to its case by file number."""

from __future__ import annotations

import pytest

from app import services
from app.review.service import Review
from tests.app.test_review_service import OTHER, OTHER_PIN, demand_pdf

NSL = (
    "U.S. Department of Justice",
    "Federal Bureau of Investigation",
    "File No. NSL-26-000123",
    "March 3, 2026",
    "Example Online Services LLC",
    "500 Example Parkway, Redwood City, CA 94063",
    "Under the authority of 18 U.S.C. 2709 you are hereby directed to provide to the FBI the name,",
    "address and length of service of the subscriber of the account heron@example.net.",
    "Sincerely,",
    "Jane Roe",
    "Special Agent in Charge",
)
COUNSEL = (
    "HARBOR & LANE LLP",
    "200 Pine Street, Kestrel, OR 97000",
    "July 19, 2026",
    "Federal Bureau of Investigation",
    "Re: National Security Letter NSL 26-000123",
    "Dear Special Agent:",
    "We write on behalf of our client Example Online Services LLC about the letter above, which",
    "directed Example to provide the name and address of a subscriber. Example asks the government",
    "to initiate judicial review of the nondisclosure requirement.",
    "Sincerely,",
    "Alex Lane",
    "Counsel for Example Online Services LLC",
)


@pytest.fixture
def review(desk: services.Desk) -> Review:
    desk.add_reviewer(OTHER, OTHER_PIN, admin_pin="246813")
    return Review(desk)


def test_counsels_letter_is_not_a_data_demand_and_is_linked_to_the_nsl_by_file_number(review, desk):
    nsl = desk.intake(demand_pdf(*NSL), "nsl.pdf")
    letter = desk.intake(demand_pdf(*COUNSEL), "letter.pdf")
    assert desk.facts(letter)["file_number"] == "NSL 26-000123"
    assert desk.facts(letter)["data_requested"] == []
    assessed = review.assess(letter)
    assert assessed.recommendation.outcome == "not_a_data_demand"
    nsl_ref = desk.facts(nsl)["reference"]
    assert assessed.related == {"file number NSL 26-000123": [nsl_ref]}
    assert review.assess(nsl).related == {"file number NSL-26-000123": [desk.facts(letter)["reference"]]}


ORDER = (
    "UNITED STATES DISTRICT COURT",
    "NORTHERN DISTRICT OF CALIFORNIA",
    "In re Grand Jury Subpoena, Docket No. GJ 2026-14",
    "ORDER MODIFYING NONDISCLOSURE REQUIREMENT",
    "On motion of the United States, the order that directed Example Online Services LLC not to",
    "disclose the existence of the grand jury subpoena for one year is hereby modified. Example may",
    "disclose the subpoena to the subscriber of the account heron@example.net.",
    "IT IS SO ORDERED.",
    "Dated: June 1, 2026",
    "/s/ Jane Roe",
    "United States Magistrate Judge",
)


def test_an_order_modifying_a_gag_is_not_a_data_demand_and_sets_no_new_gag(review, desk):
    order = desk.intake(demand_pdf(*ORDER), "order.pdf")
    facts = desk.facts(order)
    assert facts["instrument"] == "court_order" and facts["file_number"] == "GJ 2026-14"
    assert not facts["secrecy_order"]["present"]
    assert review.assess(order).recommendation.outcome == "not_a_data_demand"
