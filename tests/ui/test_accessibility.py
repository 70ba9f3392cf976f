"""Every control a keyboard or a screen reader can reach has a name, on every tab.

A screen reader announces a control by its accessible name: a button's text, a field's
buddy label, or the name set on it. An unnamed one is read as "edit" or "button", which
tells the reviewer nothing. The test asks Qt's accessibility layer itself, as a screen
reader does, so a buddy label counts and a stale name does not.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
    QAbstractSlider,
)


def unnamed_controls(root: QWidget) -> list[str]:
    """The interactive controls shown under ``root`` that a screen reader would read without a name."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QScrollBar):
            continue  # a scroll bar is named by its view
        if isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox):
            continue  # the editor inside a spin box or combo box: read as the box itself
        if not widget.isVisibleTo(root.window()):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and not isinstance(widget, QAbstractButton):
            continue  # a read-only display the keyboard never reaches
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name.strip():
            parent = type(widget.parentWidget()).__name__
            tip = widget.toolTip()[:40]
            found.append(f"{type(widget).__name__} {widget.objectName()!r} in {parent} ({tip!r})")
    return found


def open_a_case(window, qtbot, demand_file) -> None:
    """A case decided (narrowing) with a letter drafted: the tabs show most of their controls."""
    from app.letters.service import Letters
    from app.review.service import Review
    from ui.queue.model import CASE_ID_ROLE

    window.intake_files([demand_file])
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 1, timeout=20000)
    case_id = window.queue.model.index(0, 0).data(CASE_ID_ROLE)
    Review(window.desk).decide(case_id, "narrow")
    Letters(window.desk).draft(case_id, "narrowing")
    window.refresh_queue()
    window.queue.table.selectRow(0)
    qtbot.waitUntil(lambda: window.case_id is not None, timeout=5000)


def test_every_control_of_every_tab_has_a_name(window, qtbot, demand_file):
    open_a_case(window, qtbot, demand_file)
    problems = {}
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        page = window.tabs.widget(index)
        if missing := unnamed_controls(page):
            problems[window.tabs.tabText(index)] = missing
    for name, pane in (("queue", window.queue), ("viewer", window.viewer)):
        if missing := unnamed_controls(pane):
            problems[name] = missing
    assert not problems, "\n".join(f"{tab}: {m}" for tab, missing in problems.items() for m in missing)


def test_the_today_view_and_the_lock_screen_name_their_controls(window, qtbot):
    window.show_today()
    QApplication.processEvents()
    assert not unnamed_controls(window.today_view)
    window.lock()
    QApplication.processEvents()
    assert not unnamed_controls(window.lock_screen)
