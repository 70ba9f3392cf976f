"""File ▸ Print… on the real window: the case summary, the selected letter and the report go
through Qt's print dialog (answered here) to a PDF printer writing the test's own file; each
print is audited, a cancelled print or a preview leaves nothing."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pypdf
import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog

from tests.conftest import use_our_letterhead
from tests.report.conftest import add_known_cases
from tests.ui.test_access import answer_dialogs
from tests.ui.test_letters_tab import _draft_narrowing, _finalise_via_dialog, _narrowed, two_targets  # noqa: F401
from tests.ui.test_report_view import open_report, recount
from tests.ui.test_review_tabs import _open

pytestmark = pytest.mark.gui


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def printed(window, action: str) -> list[dict]:
    return [json.loads(e["payload"]) for e in window.desk.store.audit_events() if e["action"] == action]


def pages_of(path: Path) -> list[str]:
    """The text of each page, its words one space apart (Qt's PDF spaces words with tabs)."""
    return [
        " ".join((p.extract_text() or "").split())
        for p in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages
    ]


def _accept(dialog) -> None:
    assert isinstance(dialog, QPrintDialog)
    dialog.accept()


def _cancel(dialog) -> None:
    assert isinstance(dialog, QPrintDialog)
    dialog.reject()


def test_ctrl_p_prints_the_open_cases_summary_through_the_print_dialog_and_audits_it(
    window, qtbot, demand_file, tmp_path
):
    _open(window, qtbot, demand_file)
    assert window.print_action.shortcut().toString() == "Ctrl+P"
    assert window.print_action in window.menuBar().actions()[0].menu().actions()  # File ▸ Print…
    out = tmp_path / "summary.pdf"
    answer_dialogs([_accept])
    assert window.print_interactively(printer=pdf_printer(out))

    text = "\n".join(pages_of(out))
    reference = window.desk.facts(window.case_id)["reference"]
    for words in (f"Case summary · {reference}", "Facts", "Checklist as answered", "Decision", "Dates",
                  "wombat.gui7@example.org", "Not decided yet."):  # fmt: skip
        assert words in text, words
    [event] = printed(window, "case.summary_printed")
    assert event["pages"] == len(pages_of(out)) and event["to"] == "file summary.pdf"
    assert window.desk.verify_audit().ok


def test_a_cancelled_print_prints_nothing_and_records_nothing(window, qtbot, demand_file, tmp_path):
    _open(window, qtbot, demand_file)
    out = tmp_path / "cancelled.pdf"
    answer_dialogs([_cancel])
    assert not window.print_interactively(printer=pdf_printer(out))
    assert not out.exists()
    assert printed(window, "case.summary_printed") == []


def test_the_selected_letter_prints_its_pages(window, qtbot, two_targets, tmp_path):  # noqa: F811
    use_our_letterhead(window._letters_service())
    _narrowed(window, qtbot, two_targets)
    tab = _draft_narrowing(window, qtbot)
    final = _finalise_via_dialog(tab, qtbot)
    assert final is not None
    letter_pdf = window._letters_service().render(final)
    out = tmp_path / "letter.pdf"
    answer_dialogs([_accept])
    assert window.print_interactively(printer=pdf_printer(out))

    expected = len(pypdf.PdfReader(io.BytesIO(letter_pdf)).pages)
    assert len(pages_of(out)) == expected
    # The pages are drawn, not blank: the printed file carries the page images.
    assert out.stat().st_size > 20_000
    [event] = printed(window, "letter.printed")
    assert event["letter"] == final.id and event["final"] is True and event["pages"] == expected
    assert printed(window, "case.summary_printed") == []


def test_a_preview_shows_the_pages_and_records_nothing_unless_printed(window, qtbot, demand_file, tmp_path):
    _open(window, qtbot, demand_file)
    out = tmp_path / "preview.pdf"
    shown: list[int] = []

    def look_and_close(dialog) -> None:
        assert isinstance(dialog, QPrintPreviewDialog)
        from PySide6.QtPrintSupport import QPrintPreviewWidget

        shown.append(dialog.findChild(QPrintPreviewWidget).pageCount())
        dialog.reject()

    answer_dialogs([look_and_close])
    assert not window.print_preview(printer=pdf_printer(out))
    assert shown and shown[0] >= 1
    assert not out.exists()
    assert printed(window, "case.summary_printed") == []


def test_the_report_prints_as_its_pdf_export_and_is_audited(window, qtbot, tmp_path):
    add_known_cases(window.desk)
    view = open_report(window, qtbot)
    report = recount(view, qtbot, "2026H1")
    assert view.print_button.isEnabled()
    exported = view.reports.render(report, "pdf")
    out = tmp_path / "report.pdf"
    answer_dialogs([_accept])
    assert view.print_report(printer=pdf_printer(out))

    assert len(pages_of(out)) == len(pypdf.PdfReader(io.BytesIO(exported)).pages)
    [event] = printed(window, "report.printed")
    assert event["period"] == "2026H1" and event["to"] == "file report.pdf"


def test_nothing_to_print_without_a_case(window, qtbot, tmp_path):
    out = tmp_path / "nothing.pdf"
    assert not window.print_interactively(printer=pdf_printer(out))
    assert not out.exists()
    assert "Open a case" in window.statusBar().currentMessage()


def test_locking_closes_an_open_preview_and_prints_nothing(window, qtbot, demand_file, tmp_path):
    _open(window, qtbot, demand_file)
    out = tmp_path / "locked.pdf"
    seen: list[object] = []

    def lock_meanwhile(dialog) -> None:
        seen.append(type(dialog))
        window.lock()  # the idle lock, while the case's pages are on screen

    answer_dialogs([lock_meanwhile])
    assert not window.print_preview(printer=pdf_printer(out))
    assert seen == [QPrintPreviewDialog]
    assert window.desk is None and window._print_dialog is None
    assert not out.exists()
