"""Issue 16, "done when": a poor scan, a counsel's letter and a gag-modifying order each get the
right outcome, with the reason shown in the Decision tab of the real window."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.test_reading_budget import specked_pdf
from tests.app.test_reading_links import COUNSEL, ORDER
from tests.ui.conftest import make_pdf

pytestmark = pytest.mark.gui


def _decision_text(window, qtbot, path: Path) -> str:
    window.intake_files([path])
    qtbot.waitUntil(lambda: window._task is None and not window._pending_files, timeout=60_000)
    qtbot.waitUntil(lambda: window.case_id is not None, timeout=5_000)
    window.tabs.setCurrentWidget(window.decision_tab)
    label = window.decision_tab.recommendation
    qtbot.waitUntil(lambda: bool(label.text()), timeout=5_000)
    return label.text()


@pytest.mark.parametrize(
    ("name", "content", "outcome", "reason"),
    [
        ("poor-scan.pdf", lambda: specked_pdf(1), "Escalate to senior review", "could not be read"),
        ("counsel.pdf", lambda: make_pdf(list(COUNSEL)), "Not a data demand", "asks for no customer data"),
        ("order.pdf", lambda: make_pdf(list(ORDER)), "Not a data demand", "asks for no customer data"),
    ],
    ids=["poor-scan", "counsel-letter", "gag-modifying-order"],
)
def test_the_decision_tab_shows_the_outcome_and_why(window, qtbot, tmp_path, name, content, outcome, reason):
    path = tmp_path / name
    path.write_bytes(content())
    shown = _decision_text(window, qtbot, path)
    assert outcome in shown
    assert reason in shown
    assert "Reject" not in shown and "Disclose" not in shown
