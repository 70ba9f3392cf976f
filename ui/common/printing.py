"""Printing through Qt's print dialog, and a preview of the same pages.

What is printed comes from ``app.printing`` (a letter's or report's PDF, or the case
summary sheet); here it is only laid out and drawn. A PDF is drawn page by page from
memory (QtPdf renders each page to an image, at most ``PRINT_DPI``, scaled to fit the
paper); the summary is a text document, so its text stays text. Nothing is written to
disk by this module: the print system receives the pages, or the file the reviewer
chose in the print dialog, and every print is recorded (``Prints.printed``).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize, QSizeF
from PySide6.QtGui import QPainter, QTextDocument
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from app.services import DeskError

if TYPE_CHECKING:
    from app.printing import CaseSheet, Printout, Prints

# A page image finer than this adds nothing a printer shows and costs memory (an A4 page at
# 300 dpi is 35 MB as an image): higher resolutions are drawn scaled up by the printer.
PRINT_DPI = 300
_SHEET_STYLE = """
body { font-family: sans-serif; font-size: 10pt; }
h1 { font-size: 15pt; margin-bottom: 2pt; }
h2 { font-size: 12pt; margin-top: 12pt; margin-bottom: 4pt; }
p.meta { color: #555555; }
td.what { color: #333333; padding-right: 12pt; }
"""


class PrintFailedError(Exception):
    """The printer could not take the pages; nothing was printed."""


class PrintJob:
    """One printout laid out for printers: ``paint(printer)`` draws every page and says how many."""

    def __init__(self, printout: Printout) -> None:
        self.printout = printout
        self.pages = 0  # the pages of the last paint
        self._pdf: QPdfDocument | None = None
        self._buffer: QBuffer | None = None
        if printout.pdf is not None:
            self._buffer = QBuffer()
            self._buffer.setData(QByteArray(printout.pdf))
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self._pdf = QPdfDocument()
            self._pdf.load(self._buffer)
            if self._pdf.status() != QPdfDocument.Status.Ready:
                raise PrintFailedError(
                    QCoreApplication.translate("printing", "The document to print could not be read.")
                )

    def paint(self, printer: QPrinter) -> int:
        printer.setDocName(self.printout.title)
        if self._pdf is not None:
            self.pages = self._paint_pdf(self._pdf, printer)
        else:
            assert self.printout.sheet is not None
            self.pages = _paint_sheet(self.printout.sheet, printer)
        return self.pages

    @staticmethod
    def _paint_pdf(document: QPdfDocument, printer: QPrinter) -> int:
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintFailedError(
                QCoreApplication.translate("PrintJob", "The printer could not be started.")
            )
        try:
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            for page in range(document.pageCount()):
                if page and not printer.newPage():
                    raise PrintFailedError(
                        QCoreApplication.translate("PrintJob", "The printer refused a new page.")
                    )
                points = document.pagePointSize(page)
                scale = min(
                    area.width() / points.width(), area.height() / points.height()
                )  # pixels per point
                drawn = QSizeF(points.width() * scale, points.height() * scale)
                rendered = min(scale, PRINT_DPI / 72)
                image = document.render(
                    page, QSize(round(points.width() * rendered), round(points.height() * rendered))
                )
                left = (area.width() - drawn.width()) / 2
                painter.drawImage(QRectF(left, 0, drawn.width(), drawn.height()), image)
        finally:
            painter.end()
        return document.pageCount()

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.setData(QByteArray())


def sheet_html(sheet: CaseSheet) -> str:
    """The case summary as the HTML of a text document (every value escaped: it came from a scan)."""
    e = html.escape
    parts = [
        f"<h1>{e(sheet.heading)}</h1>",
        f"<p class='meta'>{e(sheet.title)}<br>{e(sheet.byline)}</p>",
    ]
    for section in sheet.sections:
        parts.append(f"<h2>{e(section.title)}</h2>")
        if not section.rows:
            parts.append(f"<p>{e(section.empty)}</p>")
            continue
        rows = "".join(
            f"<tr><td class='what' width='38%'>{e(what)}</td><td>{e(value)}</td></tr>"
            for what, value in section.rows
        )
        parts.append(f"<table cellspacing='0' cellpadding='2' width='100%'>{rows}</table>")
    return "".join(parts)


def _paint_sheet(sheet: CaseSheet, printer: QPrinter) -> int:
    document = QTextDocument()
    document.setDefaultStyleSheet(_SHEET_STYLE)
    document.setHtml(sheet_html(sheet))
    # Laid out on the printer itself, in its pixels: the pages counted are the pages printed.
    document.documentLayout().setPaintDevice(printer)
    area = printer.pageLayout().paintRectPixels(printer.resolution())
    document.setPageSize(QSizeF(area.width(), area.height()))
    pages = document.pageCount()
    document.print_(printer)
    return pages


def destination(printer: QPrinter) -> str:
    """Where the pages went, for the audit trail: the printer, or the file's name (not its folder)."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        return f"file {Path(printer.outputFileName()).name}"
    return f"printer {printer.printerName() or 'default'}"


Opened = Callable[[QDialog | None], None]


def print_interactively(
    parent: QWidget,
    prints: Prints,
    printout: Printout,
    printer: QPrinter | None = None,
    opened: Opened | None = None,
) -> bool:
    """Qt's print dialog, then the pages, then the audit event. False: cancelled or failed (shown).

    ``opened`` is told the dialog while it is open (and None after), so that locking can close it.
    """
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(printout.title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(
        QCoreApplication.translate("printing", "Print {title}").format(title=printout.title)
    )
    if not _run(dialog, opened):
        return False
    return _print(parent, prints, printout, printer)


def _run(dialog: QDialog, opened: Opened | None) -> bool:
    if opened is not None:
        opened(dialog)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        if opened is not None:
            opened(None)
        dialog.deleteLater()


def preview(
    parent: QWidget,
    prints: Prints,
    printout: Printout,
    printer: QPrinter | None = None,
    opened: Opened | None = None,
) -> bool:
    """The pages on screen; printing from the preview prints and records as the print dialog does.

    ``opened`` as for ``print_interactively``: a preview shows case data, so locking must close it.
    """
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(printout.title)
    try:
        job = PrintJob(printout)
    except PrintFailedError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("printing", "Nothing was printed"), str(exc))
        return False
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(
        QCoreApplication.translate("printing", "Print preview · {title}").format(title=printout.title)
    )
    dialog.paintRequested.connect(job.paint)
    try:
        accepted = _run(dialog, opened)
    finally:
        job.close()
    # A preview alone prints nothing; "Print" in it does (unless a file was asked for and not given).
    to_nowhere = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and not printer.outputFileName()
    if not accepted or to_nowhere:
        return False
    return _record(parent, prints, printout, job.pages, printer)


def _print(parent: QWidget, prints: Prints, printout: Printout, printer: QPrinter) -> bool:
    try:
        job = PrintJob(printout)
        try:
            pages = job.paint(printer)
        finally:
            job.close()
    except PrintFailedError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("printing", "Nothing was printed"), str(exc))
        return False
    return _record(parent, prints, printout, pages, printer)


def _record(parent: QWidget, prints: Prints, printout: Printout, pages: int, printer: QPrinter) -> bool:
    try:
        prints.printed(printout, pages=pages, destination=destination(printer))
    except DeskError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("printing", "Print not recorded"),
            QCoreApplication.translate(
                "printing", "The pages were printed, but not recorded: {error}"
            ).format(error=exc),
        )
        return False
    return True
