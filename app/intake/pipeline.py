"""Reading a demand end to end, without touching the store: check, OCR, extract.

Slow and thread-safe: the GUI runs it on a worker, the CLI inline. Storing what was
read is ``Desk.store_intake``'s job, in one transaction, so a crash or a cancel in the
middle leaves nothing half-stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from app.intake.facts import ExtractedFacts
from app.intake.factsproc import extract_isolated
from app.intake.ocr import ocr_pages
from app.intake.pdf import ProbedPdf, probe_pdf
from app.model import PageSource, PageText

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ReadDemand:
    pages: list[PageText]
    facts: ExtractedFacts
    ocr_used: bool

    @property
    def nothing_read(self) -> bool:
        """No letter or digit on any page: blank pages, or a scan OCR found nothing in."""
        return not any(has_text(p) for p in self.pages)


def has_text(page: PageText) -> bool:
    """Whether anything was read on the page: a letter or a digit (OCR of a blank page gives specks)."""
    return any(c.isalnum() for w in page.words for c in w.text)


def read_demand(
    untrusted_pdf: bytes,
    *,
    today: date,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    languages: str | None = None,
    probed: ProbedPdf | None = None,
    ocr_seconds_per_page: float | None = None,
) -> ReadDemand:
    """``probed``: the result of an earlier ``probe_pdf`` of the same bytes, to skip a second check.

    ``ocr_seconds_per_page``: the workstation's OCR time allowance (``limits.ocr_budget``).
    """
    report = progress or (lambda _done, _total, _label: None)
    if probed is None:
        report(0, 0, "Checking the PDF")
        probed = probe_pdf(untrusted_pdf, cancelled=cancelled)
    unread = [p.page_no for p in probed.pages if p.source is not PageSource.TEXT_LAYER]
    pages = list(probed.pages)
    if unread:
        read = {
            p.page_no: p
            for p in ocr_pages(
                untrusted_pdf,
                unread,
                languages=languages,
                progress=progress,
                cancelled=cancelled,
                seconds_per_page=ocr_seconds_per_page,
            )
        }
        pages = [read.get(p.page_no, p) for p in pages]
    report(len(pages), len(pages), "Reading the facts")
    # In a process of its own: see factsproc for why.
    return ReadDemand(pages, extract_isolated(pages, today=today, cancelled=cancelled), bool(unread))
