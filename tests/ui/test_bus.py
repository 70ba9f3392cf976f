"""The views follow the window's bus: after an action is published, every tab that shows what
changed shows the store's new state, without the window refreshing any of them by name."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from app.changes import Aspect, Changed
from app.corrections import Corrections
from tests.ui.test_review_tabs import _open, _signed_answer
from ui.case.audit import ACTION_ROLE, SENTENCE_COLUMN

pytestmark = pytest.mark.gui

SHELL = Path(__file__).resolve().parents[2] / "ui" / "shell"


def _decision_signed_answer(window) -> str:
    assessment = window.decision_tab._assessment
    return next(a for a in assessment.answers if a.id == "validity.signed").answer


def _audit_actions(window) -> list[str]:
    trail = window.audit_tab.model
    return [trail.index(r, SENTENCE_COLUMN).data(ACTION_ROLE) for r in range(trail.rowCount())]


def test_a_fact_corrected_and_published_shows_in_the_checklist_decision_and_audit(window, qtbot, demand_file):
    _open(window, qtbot, demand_file)
    case_id = window.case_id
    signed = bool(window.desk.facts(case_id).get("signed"))
    expected = "fail" if signed else "pass"
    before = _signed_answer(window)
    assert before != expected and _decision_signed_answer(window) == before

    # The use case alone, as the CLI or a sync would change the case: the tabs still show the old answer.
    Corrections(window.desk).set_fact(case_id, "signed", "no" if signed else "yes", "the served original")
    window.bus.publish(Changed.of("another-case", Aspect.FACTS))  # the fact of another case
    assert _signed_answer(window) == before and _decision_signed_answer(window) == before
    assert _audit_actions(window)[-1] != "fact.corrected"
    window.bus.publish(Changed.of(case_id, Aspect.LETTERS))  # an aspect the review does not show
    assert _signed_answer(window) == before and _decision_signed_answer(window) == before

    window.bus.publish(Changed.of(case_id, Aspect.FACTS))
    assert _signed_answer(window) == expected
    assert _decision_signed_answer(window) == expected
    assert _audit_actions(window)[-1] == "fact.corrected"


def test_a_change_of_every_case_refreshes_the_open_case_too(window, qtbot, demand_file):
    _open(window, qtbot, demand_file)
    case_id = window.case_id
    signed = bool(window.desk.facts(case_id).get("signed"))
    expected = "fail" if signed else "pass"
    assert _signed_answer(window) != expected
    Corrections(window.desk).set_fact(case_id, "signed", "no" if signed else "yes", "the served original")
    window.bus.publish(Changed.everywhere(Aspect.FACTS))
    assert _signed_answer(window) == expected


def test_the_main_window_keeps_no_refresh_lists_and_stays_small():
    from ui.main_window import MainWindow

    assert [name for name in dir(MainWindow) if name.startswith("_after_")] == []
    for path in sorted(SHELL.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert len(source.splitlines()) <= 600, path.name
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef):
                assert node.name[:7] != "_after_", f"{path.name}: {node.name}"
                length = node.end_lineno - node.lineno + 1
                assert length <= 80, f"{path.name}: {node.name} has {length} lines"
