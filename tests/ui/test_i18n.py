"""The window speaks German when asked (issue 20, point 7): every window string is translated,
the compiled catalogue matches its source, and the language choice is kept in ui.ini."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6
import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
I18N = ROOT / "resources" / "i18n"
TS = I18N / "demanddesk_de.ts"
QT_TOOLS = Path(PySide6.__file__).resolve().parent
# Every window module is translated now; a prefix here would leave its strings unchecked.
NOT_YET: tuple[str, ...] = ()


def _window_sources() -> list[Path]:
    return sorted(
        p for p in (ROOT / "ui").rglob("*.py") if not p.relative_to(ROOT).as_posix().startswith(NOT_YET)
    )


def _messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) → the finished translation, or None when it is missing or unfinished."""
    found: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):  # noqa: S314 - our own catalogue
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") is None and bool(translation.text)
            found[(name, message.findtext("source") or "")] = translation.text if done else None
    return found


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{[^{}]*\}", text))


def test_every_window_string_has_a_finished_german_translation(tmp_path):
    scanned = tmp_path / "scanned.ts"
    subprocess.run(
        [str(QT_TOOLS / "lupdate"), "-locations", "none", *map(str, _window_sources()), "-ts", str(scanned)],
        check=True,
        capture_output=True,
    )
    wanted = _messages(scanned)
    assert len(wanted) > 300, "lupdate found too few strings: is it reading ui/?"
    german = _messages(TS)
    untranslated = [
        f"{context}: {source!r}" for context, source in wanted if not german.get((context, source))
    ]
    assert untranslated == [], "untranslated in resources/i18n/demanddesk_de.ts:\n" + "\n".join(untranslated)
    # A translation that drops or renames a {placeholder} would raise (or say less) when formatted.
    broken = [
        f"{source!r} → {german[key]!r}"
        for key in wanted
        if _placeholders(german[key] or "") != _placeholders(source := key[1])
    ]
    assert broken == []


def test_plurals_are_whole_strings_not_bracketed_endings():
    """A count as "1 case(s)" reads wrongly in both languages and cannot be made right in
    German ("Fall/Fälle"): a count takes a singular and a plural string of its own."""
    bracketed = re.compile(r"\w\((s|es|e|en|n)\)|Fall/Fälle|Konto/Konten")
    found = [
        f"{source!r} → {german!r}"
        for (_context, source), german in _messages(TS).items()
        if bracketed.search(source) or bracketed.search(german or "")
    ]
    assert found == []


def test_the_committed_catalogue_is_compiled_from_the_source(tmp_path):
    built = tmp_path / "demanddesk_de.qm"
    subprocess.run([str(QT_TOOLS / "lrelease"), str(TS), "-qm", str(built)], check=True, capture_output=True)
    assert built.read_bytes() == (I18N / "demanddesk_de.qm").read_bytes(), (
        "resources/i18n/demanddesk_de.qm is stale: run pyside6-lrelease on demanddesk_de.ts"
    )


@pytest.fixture
def german(qtbot):
    from ui.common.language import install_translators, remove_translators
    from ui.main import make_application

    app = make_application()
    translators = install_translators(app, "de")
    assert len(translators) == 2  # the window's catalogue and Qt's own (standard buttons)
    yield app
    remove_translators(app, translators)


def test_the_main_window_shows_german_tabs_and_menus(qtbot, gui_data_dir, german):
    from app import services
    from tests.ui.conftest import GUI_PASSPHRASE, GUI_PIN
    from ui.main_window import MainWindow

    desk = services.unlock(gui_data_dir, passphrase=GUI_PASSPHRASE)
    desk.sign_in("Ada", GUI_PIN)
    window = MainWindow(gui_data_dir, desk)
    qtbot.addWidget(window)
    window.show()
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    menus = [action.text() for action in window.menuBar().actions()]
    try:
        assert {"Angaben", "Prüfliste", "Entscheidung", "Schreiben", "Fristen"} <= set(tabs)
        assert {"&Datei", "&Bearbeiten", "&Ansicht", "E&xtras", "&Hilfe"} <= set(menus)
        assert window.lock_action.text() == "&Sperren"
        assert window.reviewer_label.text() == "Prüfer: Ada"
    finally:
        window.lock()


def test_the_language_choice_is_kept_in_the_window_settings(qtbot, tmp_path):

    from ui.common.language import saved_language, settings_for
    from ui.dialogs.language import LanguageDialog
    from ui.main import make_application

    make_application()
    assert saved_language(settings_for(tmp_path)) == "system"  # nothing chosen: the desktop decides
    dialog = LanguageDialog(settings_for(tmp_path))
    qtbot.addWidget(dialog)
    dialog.choice.setCurrentIndex(dialog.choice.findData("de"))
    dialog.accept()
    assert saved_language(settings_for(tmp_path)) == "de"
    assert "language=de" in (tmp_path / "ui.ini").read_text()
    reopened = LanguageDialog(settings_for(tmp_path))
    qtbot.addWidget(reopened)
    assert reopened.choice.currentData() == "de"
    reopened.choice.setCurrentIndex(reopened.choice.findData("en"))
    reopened.reject()  # cancelled: nothing changes
    assert saved_language(settings_for(tmp_path)) == "de"


def test_the_desktop_locale_decides_unless_a_language_is_chosen():
    from PySide6.QtCore import QLocale

    from ui.common.language import effective_language

    assert effective_language("system", QLocale("de_AT")) == "de"
    assert effective_language("system", QLocale("fr_FR")) == "en"  # a language the window cannot speak
    assert effective_language("en", QLocale("de_DE")) == "en"
    assert effective_language("de", QLocale("en_US")) == "de"
