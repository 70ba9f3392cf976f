"""On a 1366×768 screen the queue keeps its Reference, Due and Status columns in sight, in
English and in German: the case panel's minimum width (its widest tab) must leave it the room.
German words are longer; a German title on one line once squeezed the queue to 280 px."""

from __future__ import annotations

import pytest

from app.display_language import ENGLISH, set_display_language
from tests.ui.conftest import open_window
from ui.queue.model import COLUMNS

pytestmark = pytest.mark.gui


@pytest.fixture(params=["en", "de"])
def window_1366(request, qtbot, gui_data_dir):
    from ui.common.language import install_translators, remove_translators
    from ui.main import make_application

    app = make_application()
    translators = install_translators(app, request.param)
    set_display_language(request.param)
    try:
        window = open_window(qtbot, gui_data_dir, (1366, 768))
        qtbot.wait(50)  # the first run's pane widths are set once the window has its size
        yield window
        window.lock()
    finally:
        set_display_language(ENGLISH)
        remove_translators(app, translators)


def test_the_queue_shows_reference_due_and_status_whole_at_1366_px(window_1366):
    table = window_1366.queue.table
    header = table.horizontalHeader()
    shown = table.viewport().width()
    key_columns = [COLUMNS.index(name) for name in ("Reference", "Due", "Status")]
    spans = {
        c: (header.sectionViewportPosition(c), header.sectionViewportPosition(c) + header.sectionSize(c))
        for c in key_columns
    }
    cut = [
        f"{header.model().headerData(c, header.orientation())}: {start}–{end} px of {shown}"
        for c, (start, end) in spans.items()
        if start < 0 or end > shown
    ]
    assert cut == [], (
        f"queue {window_1366.splitter.sizes()[0]} px wide beside a case panel of minimum "
        f"{window_1366.splitter.widget(2).minimumSizeHint().width()} px; cut: {cut}"
    )


def test_every_case_tab_title_is_in_sight_at_1366_px(window_1366, qtbot):
    window_1366.case_stack.setCurrentWidget(window_1366.tabs)  # as when a case is open
    bar = window_1366.tabs.tabBar()
    qtbot.waitUntil(bar.isVisible)
    visible = [i for i in range(bar.count()) if bar.isTabVisible(i)]
    assert visible, "the case tabs"
    assert all(bar.tabRect(i).right() < bar.width() for i in visible), [
        (bar.tabText(i), bar.tabRect(i).right(), bar.width()) for i in visible
    ]
