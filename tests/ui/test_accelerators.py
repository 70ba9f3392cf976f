"""Alt+letter reaches one thing (issue 20, point 7): in English and in German, no two items of
one menu, and no two controls of one dialog, share an accelerator letter. A clash makes the
letter only cycle between the items, so the key a reviewer learnt stops doing what it says."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenu, QTabWidget, QWidget

from app.bundle import prefs as sync_prefs
from app.team import TeamKey
from tests.ui.conftest import GUI_PASSPHRASE, open_window


def accelerator(text: str) -> str | None:
    """The letter after a single '&' ("&&" is a literal ampersand), lower-cased; None if none."""
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def _shared(named: list[str]) -> dict[str, list[str]]:
    by_letter: dict[str, list[str]] = defaultdict(list)
    for text in named:
        if (letter := accelerator(text)) is not None:
            by_letter[letter].append(text)
    return {letter: texts for letter, texts in by_letter.items() if len(texts) > 1}


def menu_clashes(title: str, menu: QMenu) -> Iterator[str]:
    menu.aboutToShow.emit()  # a menu filled as it opens shows its real items
    shown = [a for a in menu.actions() if not a.isSeparator() and a.isVisible()]
    for letter, texts in _shared([a.text() for a in shown]).items():
        yield f"{title}: &{letter} on {texts}"
    for action in shown:
        if action.menu() is not None:
            yield from menu_clashes(f"{title} ▸ {action.text()}", action.menu())


def _labelled(panel: QWidget) -> list[str]:
    """The texts whose letter Alt reaches in ``panel``: buttons, group boxes and buddied labels
    that show with it (a control hidden in this state takes no Alt key)."""
    texts = []
    for widget in panel.findChildren(QWidget):
        if not widget.isVisibleTo(panel) or _on_a_hidden_tab(widget, panel):
            continue
        if isinstance(widget, QAbstractButton) and not isinstance(widget.parent(), QTabWidget):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            texts.append(widget.title())
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
    return texts


def _on_a_hidden_tab(widget: QWidget, panel: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not panel:
        if isinstance(parent, QTabWidget) and parent.currentWidget() is not None:
            page = parent.currentWidget()
            if not (widget is page or page.isAncestorOf(widget)):
                return True
        parent = parent.parentWidget()
    return False


def panel_clashes(title: str, panel: QWidget) -> list[str]:
    return [f"{title}: &{letter} on {texts}" for letter, texts in _shared(_labelled(panel)).items()]


@pytest.fixture(params=["en", "de"])
def language(request, qtbot):
    from ui.common.language import install_translators, remove_translators
    from ui.main import make_application

    app = make_application()
    translators = install_translators(app, request.param)
    assert len(translators) == (0 if request.param == "en" else 2)
    yield request.param
    remove_translators(app, translators)


@pytest.fixture
def main_window(qtbot, gui_data_dir, language):
    window = open_window(qtbot, gui_data_dir, (1366, 768))
    yield window
    window.lock()


def test_the_checker_sees_a_clash_and_a_literal_ampersand():
    assert accelerator("Zoom &in") == "i" and accelerator("Q&&A") is None and accelerator("&&Q &a") == "a"
    assert _shared(["&Fit width", "&First page", "&Open"]) == {"f": ["&Fit width", "&First page"]}


def test_no_two_items_of_a_menu_share_an_accelerator(main_window, language):
    bar = main_window.menuBar()
    menus = [a for a in bar.actions() if a.menu() is not None]
    assert len(menus) >= 6
    if language == "de":
        assert main_window.report_action.text() != "Transparency &report…"  # the German is shown
    clashes = [f"menu bar: &{k} on {v}" for k, v in _shared([a.text() for a in menus]).items()]
    for action in menus:
        clashes += menu_clashes(action.text(), action.menu())
    assert clashes == [], "accelerators shared:\n" + "\n".join(clashes)


def _dialogs(window, tmp_path) -> Iterator[tuple[str, QWidget]]:
    """Each dialog a reviewer can reach, built as its menu item builds it."""
    from ui.common.language import settings_for
    from ui.dialogs.access import ChangePassphraseDialog, SetUpDialog, SignInDialog, UnlockDialog
    from ui.dialogs.language import LanguageDialog
    from ui.dialogs.received import ReceivedDialog
    from ui.dialogs.reviewers import EnrolDialog, ReviewersDialog
    from ui.sync.prefs_dialog import SyncPrefsDialog
    from ui.sync.team_dialog import KeyFilePassphraseDialog, TeamKeyDialog

    desk = window.desk
    window.report_action.trigger()
    yield "report window", window._report_window
    yield "team key", TeamKeyDialog(desk, lambda: TeamKey(desk.data_dir, desk.config, GUI_PASSPHRASE), window)
    yield "sync settings", SyncPrefsDialog(sync_prefs.prefs(desk), "team", window)
    yield "language", LanguageDialog(settings_for(tmp_path), window)
    yield "reviewers", ReviewersDialog(desk, window)
    yield "enrol", EnrolDialog(["Ada"], "Ada", window)
    yield "set up", SetUpDialog(str(tmp_path), True, window)
    yield "unlock", UnlockDialog("gui-ws", parent=window)
    yield "sign in", SignInDialog(["Ada"], "Ada", parent=window)
    yield "change passphrase", ChangePassphraseDialog(window)
    yield "team key file", KeyFilePassphraseDialog(True, window)
    yield "received", ReceivedDialog(window, date(2026, 3, 2), 1)


def test_no_two_controls_of_a_dialog_share_an_accelerator(main_window, language, tmp_path, qtbot):
    clashes: list[str] = []
    seen = 0
    for title, dialog in _dialogs(main_window, tmp_path):
        texts = _labelled(dialog)
        seen += sum(accelerator(t) is not None for t in texts)
        clashes += panel_clashes(title, dialog)
        if dialog is not main_window._report_window:
            dialog.deleteLater()
    main_window._report_window.close()
    assert clashes == [], "accelerators shared:\n" + "\n".join(clashes)
    assert seen > 15, "too few accelerators found: is the walk reading the dialogs?"
