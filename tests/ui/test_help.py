"""Help: the user guide on F1, the keyboard shortcuts read from the actions, and About."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def _shown(kind: type) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_f1_opens_the_offline_guide_once_however_often_it_is_pressed(window, qtbot):
    from ui.help.guide import GuideWindow

    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: len(_shown(GuideWindow)) == 1, timeout=2000)
    guide = _shown(GuideWindow)[0]
    text = guide.browser.toPlainText()
    assert "a reviewer's day" in text.casefold()
    for step in ("Unlock and sign in", "Check the facts", "Decide", "Write the letter", "Report"):
        assert step in text
    assert "**" not in text and "# " not in text  # rendered, not shown as Markdown source
    window.guide_action.trigger()
    assert len(_shown(GuideWindow)) == 1


def test_the_guide_opens_while_the_window_is_locked(window, qtbot):
    from ui.help.guide import GuideWindow

    window.lock()
    assert window.guide_action.isEnabled()
    window.guide_action.trigger()
    qtbot.waitUntil(lambda: len(_shown(GuideWindow)) == 1, timeout=2000)


def test_about_names_the_app_version_the_policy_pack_and_the_licences(window, qtbot):
    from app.about import about
    from app.review.policy import load_pack
    from ui.help.about import AboutDialog

    window.about_action.trigger()
    qtbot.waitUntil(lambda: len(_shown(AboutDialog)) == 1, timeout=2000)
    dialog = _shown(AboutDialog)[0]
    summary = dialog.summary.text()
    pack = load_pack()
    assert f"Demand Desk {about().version}" in summary and about().version != "unknown"
    assert f"Policy pack <b>{pack.version}</b>, made {pack.date}" in summary
    licences = dialog.licences.toPlainText()
    for shipped in (
        "DejaVu fonts",
        "Bitstream Vera",
        "PySide6",
        "LGPL-3.0",
        "SQLCipher",
        "Tesseract",
        "ReportLab",
    ):
        assert shipped in licences
    dialog.reject()


def test_every_dependency_of_the_project_has_its_licence_in_about():
    """A library added to pyproject.toml without a line in resources/help/licences.toml fails here."""
    import re
    import tomllib

    from app.about import LICENCES

    project = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text())
    needed = {re.split(r"[<>=!~ ;\[]", d)[0].casefold() for d in project["project"]["dependencies"]}
    listed = {str(c.get("package", "")).casefold() for c in tomllib.loads(LICENCES.read_text())["components"]}
    assert needed <= listed, needed - listed


def test_a_pack_date_that_is_no_day_is_refused(tmp_path):
    from app.review.policy import POLICY_DIR, PolicyError, load_pack

    root = tmp_path / "policy"
    shutil.copytree(POLICY_DIR, root)
    pack = root / "pack.toml"
    pack.write_text(pack.read_text().replace("date = 2026-12-07", 'date = "last Tuesday"'))
    with pytest.raises(PolicyError, match="date"):
        load_pack(root)


def test_the_shortcuts_list_is_read_from_the_actions(window, qtbot):
    from PySide6.QtGui import QAction

    from ui.help.shortcuts import ShortcutsDialog

    window.shortcuts_action.trigger()
    qtbot.waitUntil(lambda: len(_shown(ShortcutsDialog)) == 1, timeout=2000)
    dialog = _shown(ShortcutsDialog)[0]
    rows = {tuple(dialog.model.item(r, c).text() for c in range(3)) for r in range(dialog.model.rowCount())}
    assert ("Ctrl+L", "Lock", "File menu") in rows
    assert ("F1", "User guide", "Help menu") in rows
    assert ("J", "Next checklist item", "Checklist tab") in rows
    assert any(keys.startswith("F2") and where == "Facts tab" for keys, _what, where in rows)
    # A shortcut given to any action later shows up without touching the list.
    extra = QAction("Pour the coffee", window.audit_tab)
    extra.setShortcut("Ctrl+Alt+K")
    window.audit_tab.addAction(extra)
    dialog.close()
    window.shortcuts_action.trigger()
    again = [d for d in _shown(ShortcutsDialog) if d is not dialog][0]
    texts = {
        again.model.item(r, 1).text(): again.model.item(r, 2).text() for r in range(again.model.rowCount())
    }
    assert texts["Pour the coffee"] == "Audit tab"
    again.close()
