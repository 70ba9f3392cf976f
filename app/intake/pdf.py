"""Checks an untrusted PDF before anything stores it, by asking a reader process."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass

from app.intake.child import ChildCancelledError, ChildTimeoutError, exchange, start_ahead
from app.intake.limits import MAX_PDF_BYTES, READER_TIMEOUT_S
from app.model import PageSource, PageText, Word


class IntakeError(Exception):
    """The file cannot be taken in; the message says why in the reviewer's words."""


class IntakeCancelledError(IntakeError):
    pass


@dataclass(frozen=True)
class ProbedPdf:
    pages: list[PageText]

    @property
    def has_text_layer(self) -> bool:
        return any(p.source is PageSource.TEXT_LAYER for p in self.pages)


def reader_argv(module: str) -> list[str]:
    """The command that starts one of our worker modules in a fresh interpreter."""
    if getattr(sys, "frozen", False):  # a PyInstaller build: the app binary runs workers
        return [sys.executable, "--worker", module]
    return [sys.executable, "-m", module]


def check_untrusted_pdf(untrusted_pdf: bytes) -> None:
    """Cheap checks before any parser sees the bytes."""
    if not untrusted_pdf:
        raise IntakeError("The file is empty.")
    if len(untrusted_pdf) > MAX_PDF_BYTES:
        raise IntakeError(
            f"The file is {len(untrusted_pdf) / 2**20:.0f} MB; the limit is {MAX_PDF_BYTES // 2**20} MB."
        )
    if b"%PDF-" not in untrusted_pdf[:1024]:
        raise IntakeError("The file is not a PDF.")


PROBE_MODULE = "app.intake.pdfprobe"


def start_reader_ahead() -> None:
    """Start the PDF reader for the next demand now, while nothing else is being read,
    so its page 1 shows sooner. For the window; a one-shot command has nothing to gain."""
    start_ahead(reader_argv(PROBE_MODULE))


def probe_pdf(
    untrusted_pdf: bytes,
    timeout: float = READER_TIMEOUT_S,
    cancelled: Callable[[], bool] | None = None,
) -> ProbedPdf:
    """Read the PDF in a reader process; raises IntakeError with the reason it cannot."""
    check_untrusted_pdf(untrusted_pdf)
    try:
        status, stdout = exchange(
            reader_argv(PROBE_MODULE), untrusted_pdf, timeout=timeout, cancelled=cancelled
        )
    except ChildCancelledError:
        raise IntakeCancelledError("Reading the PDF was cancelled.") from None
    except ChildTimeoutError:
        raise IntakeError(f"Reading the PDF took longer than {timeout:.0f} s; it was stopped.") from None
    if status != 0:
        raise IntakeError("The PDF reader stopped on this file (it may be damaged or hostile).")
    try:
        result = json.loads(stdout)
    except ValueError:
        raise IntakeError("The PDF reader gave no answer for this file.") from None
    if not result.get("ok"):
        raise IntakeError(str(result.get("error") or "The PDF could not be read."))
    pages = [
        PageText(
            page_no=index + 1,
            width=float(p["width"]),
            height=float(p["height"]),
            source=PageSource(p["source"]),
            text=p["text"],
            words=[Word(w[0], (w[1], w[2], w[3], w[4]), w[5], w[6]) for w in p["words"]],
        )
        for index, p in enumerate(result["pages"])
    ]
    return ProbedPdf(pages)
