"""Facts are read in a child process: the same facts as inline, and a clear message when it fails."""

from __future__ import annotations

import sys
import time
from datetime import date

import pytest

from app.intake import factsproc
from app.intake.extract import extract_facts
from app.intake.factsproc import extract_isolated, facts_from_json, facts_to_json
from app.intake.pdf import IntakeCancelledError, IntakeError, probe_pdf
from app.model import PageSource, PageText, Word

TODAY = date(2026, 11, 28)


def _page(text: str) -> PageText:
    words, y = [], 72.0
    for line_no, line in enumerate(text.splitlines()):
        x = 72.0
        for token in line.split():
            words.append(Word(token, (x, y, x + 6 * len(token), y + 10), 91.5, line_no))
            x += 6 * len(token) + 4
        y += 14
    return PageText(1, 612.0, 792.0, PageSource.OCR, text, words)


DEMAND = _page(
    "UNITED STATES DISTRICT COURT\n"
    "SUBPOENA TO PRODUCE DOCUMENTS\n"
    "To: Example Online Services LLC\n"
    "Produce the subscriber information for the account alice.smith@example.com\n"
    "and the IP address 203.0.113.7 from January 1, 2026 to March 1, 2026.\n"
)


def test_the_child_reads_the_same_facts_as_inline(canary_pdf):
    pages = probe_pdf(canary_pdf).pages
    assert extract_isolated(pages, today=TODAY) == extract_facts(pages, today=TODAY)
    inline = extract_facts([DEMAND], today=TODAY)
    assert extract_isolated([DEMAND], today=TODAY) == inline
    assert {i.value for i in inline.identifiers} >= {"alice.smith@example.com", "203.0.113.7"}


def test_facts_survive_the_trip_through_json():
    facts = extract_facts([DEMAND], today=TODAY)
    again = facts_from_json(facts_to_json(facts))
    assert again == facts
    assert all(isinstance(i.box, tuple) for i in again.identifiers if i.box is not None)


def _child(monkeypatch: pytest.MonkeyPatch, code: str) -> None:
    monkeypatch.setattr(factsproc, "reader_argv", lambda _module: [sys.executable, "-c", code])


def test_a_child_that_dies_gives_a_message(monkeypatch):
    _child(monkeypatch, "import os; os._exit(9)")
    with pytest.raises(IntakeError, match="stopped on this demand"):
        extract_isolated([DEMAND], today=TODAY)


def test_a_child_that_answers_nonsense_gives_a_message(monkeypatch):
    _child(monkeypatch, "import sys; sys.stdin.read(); print('{\"scalars\": 1}')")
    with pytest.raises(IntakeError, match="gave no answer"):
        extract_isolated([DEMAND], today=TODAY)


def test_a_child_that_hangs_is_stopped_at_its_time_limit(monkeypatch):
    _child(monkeypatch, "import time; time.sleep(60)")
    started = time.monotonic()
    with pytest.raises(IntakeError, match="took longer than 1 s"):
        extract_isolated([DEMAND], today=TODAY, timeout=1.0)
    assert time.monotonic() - started < 5


def test_cancelling_stops_the_child(monkeypatch):
    _child(monkeypatch, "import time; time.sleep(60)")
    started = time.monotonic()
    with pytest.raises(IntakeCancelledError):
        extract_isolated([DEMAND], today=TODAY, cancelled=lambda: time.monotonic() - started > 0.3)
    assert time.monotonic() - started < 5
