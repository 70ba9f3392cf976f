"""How long does a two-page letter take to render?

Run:  .venv/bin/python bench/letters.py

Drafts a narrowing letter with enough reasons, identifiers and categories to run to two
pages, renders it once to load the fonts (a cost paid once per process), then renders it
20 times and prints the median. Exits 1 if the median is over 150 ms or the letter is
not two pages long.
"""

from __future__ import annotations

import io
import statistics
import sys
import time

from pypdf import PdfReader

from app.letters.pdf import Letterhead, render
from app.letters.templates import LetterContext, Reason, draft

RUNS = 20
TARGET_S = 0.150

LETTERHEAD = Letterhead(
    organisation="Northwind Mail",
    legal_entity="Northwind Mail Ltd.",
    address_lines=["Law Enforcement Response Team", "1 Harbour Square", "Dublin 2, D02 X285", "Ireland"],
    contact="lerequests@northwind.example\n+353 1 555 0100",
    signature_name="Alex Morgan",
    signature_title="Legal Compliance Counsel",
)

CONTEXT = LetterContext(
    reference="DEMO-2026-0005",
    date="2026-03-14",
    requester_name="Federal Bureau of Investigation, Newark Field Office",
    requester_address=["Claremont Tower", "11 Centre Place", "Newark, NJ 07102", "United States"],
    addressee_name="Special Agent Dana Whitfield",
    instrument_label="Grand-jury subpoena",
    country="United States",
    date_issued="2026-03-02",
    demand_reference="NK-2026-0193",
    outcome="narrow",
    reasons=[
        Reason("validity.specific_identifiers"),
        Reason("validity.identifiers_well_formed"),
        Reason("validity.not_overly_broad", note="The demand covers eleven years of records."),
        Reason("validity.instrument_sufficient"),
    ],
    identifiers=[f"user{n}@example.com" for n in range(8)] + ["203.0.113.7", "+1 202 555 0147"],
    categories=["subscriber_info", "ip_history", "billing"],
    date_from="2025-01-01",
    date_to="2025-06-30",
    excluded_identifiers=["all accounts that signed in from Newark", "jdoe@@example"],
    excluded_categories=["content", "traffic"],
    instrument_needed="search_warrant",
)


def main() -> int:
    letter = draft("narrowing", CONTEXT)

    def once() -> bytes:
        return render(
            letter.title,
            letter.body,
            reference=CONTEXT.reference,
            date=CONTEXT.date,
            addressee_lines=letter.addressee_lines,
            letterhead=LETTERHEAD,
            author="Alex Morgan",
            subject="Narrowing request",
            their_reference=CONTEXT.demand_reference,
        )

    start = time.perf_counter()
    pdf = once()
    first = time.perf_counter() - start
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        once()
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"first render (loads fonts): {first * 1000:.0f} ms")
    print(
        f"{pages}-page letter, median of {RUNS}: {median * 1000:.1f} ms (target <= {TARGET_S * 1000:.0f} ms)"
    )
    if pages != 2:
        print(f"FAIL: the letter has {pages} pages, not 2")
        return 1
    if median > TARGET_S:
        print("FAIL: over target")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
