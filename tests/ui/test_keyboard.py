"""Keyboard: Tab leaves the queue instead of walking its cells, and focus shows as a ring."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget

RING = QColor("#1a73e8")


def _ring_on_left_edge(widget: QWidget) -> bool:
    image = widget.grab().toImage()
    return image.pixelColor(0, image.height() // 2) == RING


def test_tab_leaves_the_queue_and_keeps_the_case_selected(window, qtbot, demand_file):
    window.intake_files([demand_file])
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 1, timeout=20000)
    table = window.queue.table
    window.activateWindow()
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.waitUntil(table.hasFocus, timeout=2000)

    qtbot.keyClick(table, Qt.Key.Key_Tab)

    assert not table.hasFocus(), "Tab walked into the next cell instead of leaving the queue"
    assert QApplication.focusWidget() is not None
    assert table.currentIndex().row() == 0 and table.currentIndex().column() == 0  # nothing scrolled


def test_the_control_with_the_keyboard_has_a_blue_ring_and_the_others_none(window, qtbot):
    search, status = window.queue.search, window.queue.status
    window.activateWindow()
    search.setFocus()
    qtbot.waitUntil(search.hasFocus, timeout=2000)
    assert _ring_on_left_edge(search)
    assert not _ring_on_left_edge(status)

    status.setFocus()
    qtbot.waitUntil(status.hasFocus, timeout=2000)
    assert _ring_on_left_edge(status)
    assert not _ring_on_left_edge(search)


def test_a_focused_button_has_the_ring_too(window, qtbot):
    button = window.facts_tab.correct_button
    window.show_today()
    window.tabs.setCurrentWidget(window.facts_tab)
    window.case_stack.setCurrentWidget(window.tabs)
    window.activateWindow()
    button.setFocus()
    qtbot.waitUntil(button.hasFocus, timeout=2000)
    assert _ring_on_left_edge(button)
