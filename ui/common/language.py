"""The window's language: English, German, or the desktop's (the default), kept in ui.ini.

The window's own words are translated here (resources/i18n); the core's words for codes
(fact names, checklist items, audit sentences) follow the same choice through
``app.display_language``, set beside the translators (``ui/main.py``). Letters, exports and
the command line carry their own language. The choice is read once at start, before any
window is built, so it applies at the next start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

I18N = Path(__file__).resolve().parent.parent.parent / "resources" / "i18n"
LANGUAGE_KEY = "language"
SYSTEM = "system"
# The languages the window speaks, by the code kept in ui.ini; English is the source text.
LANGUAGES = ("en", "de")


def settings_for(root: Path) -> QSettings:
    """The window's settings file of a data directory (geometry, folders, language; no case data)."""
    return QSettings(str(root / "ui.ini"), QSettings.Format.IniFormat)


def saved_language(settings: QSettings) -> str:
    value = str(settings.value(LANGUAGE_KEY, SYSTEM))
    return value if value in LANGUAGES else SYSTEM


def save_language(settings: QSettings, language: str) -> None:
    settings.setValue(LANGUAGE_KEY, language if language in LANGUAGES else SYSTEM)
    settings.sync()


def effective_language(language: str, system: QLocale | None = None) -> str:
    """The language to show: the chosen one, or the desktop's when it is one the window speaks."""
    if language in LANGUAGES:
        return language
    name = (system or QLocale.system()).name().split("_")[0]
    return name if name in LANGUAGES else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the window's catalogue and Qt's own (standard buttons) for ``language``.

    Returns the translators installed, so that a test can remove them again.
    """
    code = effective_language(language)
    if code == "en":
        return []
    installed = []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{code}", qt_folder), (f"demanddesk_{code}", str(I18N))):
        translator = QTranslator(app)
        if translator.load(name, folder) and app.installTranslator(translator):
            installed.append(translator)
    QLocale.setDefault(QLocale(code))
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())
