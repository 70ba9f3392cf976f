"""Scanned demands of any length for the benchmarks, built with the test corpus's scanner."""

from __future__ import annotations

from tests.corpus.scan import (
    Document,
    Heading,
    PageBreak,
    Paragraph,
    ScanSettings,
    Signature,
    Table,
    scan_document,
)

_PARAGRAPH = (
    "You are hereby commanded to produce the records described in Attachment A for the accounts "
    "listed below, for the period from January 1, 2026 through March 31, 2026, including subscriber "
    "names, addresses, length of service, session times and durations, and the IP addresses used."
)


def scanned_demand(pages: int, dpi: int = 200) -> bytes:
    """An image-only demand of ``pages`` pages, each with a heading, text and an identifier table."""
    blocks: list = []
    for page in range(1, pages + 1):
        blocks += [
            Heading(f"GRAND JURY SUBPOENA — PAGE {page}"),
            Paragraph(_PARAGRAPH),
            Table([(f"Account {page}.{n}", f"bench.target{page}x{n}@example.org") for n in range(1, 4)]),
            Paragraph(_PARAGRAPH),
        ]
        if page < pages:
            blocks.append(PageBreak())
    blocks.append(Signature(lines=["/s/ Jane Roe", "Assistant United States Attorney"]))
    return scan_document(Document(blocks), ScanSettings(dpi=dpi, seed=pages))
