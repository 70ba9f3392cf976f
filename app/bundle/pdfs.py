"""The PDFs a bundle carries pass intake's reader checks before the bundle is taken in.

A bundle comes from whoever holds the team key; its demand and its letters are as
untrusted as a file opened for intake. Each goes to the same reader process intake uses
(``app.intake.pdf.probe_pdf``: size, page count, page size, image pixels, content that
inflates too far, under the reader's memory and time limits); one that fails refuses
the whole bundle, with the reader's reason, before anything is stored. Runs where the
bundle is read (a worker thread in the window), never on the thread that owns the store.
"""

from __future__ import annotations

from collections.abc import Callable

from app.bundle.format import BundleError
from app.bundle.pack import Bundle
from app.intake.pdf import IntakeCancelledError, IntakeError, probe_pdf

# Which rows carry a PDF, and what the reviewer calls it.
_PDF_COLUMNS = (("documents", "pdf", "demand"), ("letters", "pdf", "letter"))


def check_pdfs(bundle: Bundle, cancelled: Callable[[], bool] | None = None) -> None:
    """Raise BundleError naming the first PDF of the bundle that intake would refuse."""
    for table, column, what in _PDF_COLUMNS:
        for row in bundle.snapshot.tables.get(table, []):
            body = row.get(column)
            if body is None:
                continue
            if not isinstance(body, bytes | bytearray):
                raise BundleError(f"its {what} PDF is not a file")
            try:
                probe_pdf(bytes(body), cancelled=cancelled)
            except IntakeCancelledError:
                raise BundleError("reading it was cancelled") from None
            except IntakeError as exc:
                raise BundleError(
                    f"its {what} PDF does not pass intake's checks: {str(exc).rstrip('.')}"
                ) from None
