# ruff: noqa: TID251  - a GUI script: it drives the real window to photograph it
"""The window in the language its ui.ini names (issue 20, point 7): every case tab, Today, the
report window, the sync and team dialogs, the shortcut list and each menu opened.

Run: xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshot_german.py OUTDIR DEMO_DIR

DEMO_DIR is a demo data directory made by ``app.demo.create_demo`` whose ui.ini says
``language=de`` (``ui.common.language.save_language``). Writes de-NAME.png into OUTDIR.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app import demo, services  # noqa: E402
from app.bundle import prefs as sync_prefs  # noqa: E402
from app.datadir import DataDir  # noqa: E402
from app.team import TeamKey  # noqa: E402
from docs.screenshot_tabs import run  # noqa: E402
from ui.common.language import saved_language, settings_for  # noqa: E402
from ui.main import make_application  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.sync.prefs_dialog import SyncPrefsDialog  # noqa: E402
from ui.sync.team_dialog import TeamKeyDialog  # noqa: E402


def shoot(demo_dir: DataDir, out: Path) -> None:
    app = make_application(language=saved_language(settings_for(demo_dir.root)))
    screen = app.primaryScreen()
    desk = services.unlock(demo_dir, passphrase=demo.DEMO_PASSPHRASE)
    desk.sign_in(demo.DEMO_REVIEWER, demo.DEMO_PIN)
    built = services.Services(desk)
    french = next(c for c in desk.cases() if c.title == "fr-requisition")
    if not any(letter.status == "final" for letter in built.letters.letters(french.case_id)):
        built.review.decide(french.case_id, "narrow")
        built.letters.finalise(built.letters.draft(french.case_id, "narrowing").id)
    window = MainWindow(demo_dir, desk)
    area = screen.availableGeometry()
    window.resize(area.width(), area.height())
    window.show()
    kept: list[QWidget] = []

    def grab(name: str, widget: QWidget | None = None) -> Callable[[], None]:
        def run() -> None:
            path = out / f"de-{name}.png"
            # A menu or a dialog is a window of its own: the screen shows it over the main window.
            (widget.grab() if widget is not None else screen.grabWindow(0)).save(str(path))
            print(f"wrote {path}", flush=True)

        return run

    steps: list[Callable[[], None]] = [lambda: window.queue.select_case(french.case_id)]
    for n in range(window.tabs.count()):
        if window.tabs.isTabVisible(n):
            steps += [lambda n=n: window.tabs.setCurrentIndex(n), grab(f"tab-{n}", window)]
    steps += [window.show_today, grab("today", window)]

    def open_report() -> None:
        window.show_report()

    steps += [open_report, lambda: None, lambda: None, lambda: grab("report", window._report_window)()]
    steps += [lambda: window._report_window.close()]

    def dialog(name: str, make: Callable[[], QWidget]) -> list[Callable[[], None]]:
        def show() -> None:
            widget = make()
            kept.append(widget)
            widget.show()

        return [show, lambda: grab(name, kept[-1])(), lambda: kept[-1].close()]

    steps += dialog(
        "team",
        lambda: TeamKeyDialog(
            desk, lambda: TeamKey(desk.data_dir, desk.config, demo.DEMO_PASSPHRASE), window
        ),
    )
    steps += dialog("sync-settings", lambda: SyncPrefsDialog(sync_prefs.prefs(desk), "team", window))
    steps += [
        lambda: kept.append(window.show_shortcuts()),
        lambda: grab("shortcuts", kept[-1])(),
        lambda: kept[-1].close(),
    ]
    for action in window.menuBar().actions():
        menu = action.menu()

        def pop(action=action, menu=menu) -> None:
            bar = window.menuBar()
            menu.popup(bar.mapToGlobal(bar.actionGeometry(action).bottomLeft()))

        name = action.text().replace("&", "").lower()
        steps += [pop, grab(f"menu-{name}"), lambda menu=menu: menu.hide()]
    steps.append(app.quit)
    for n, step in enumerate(steps):
        QTimer.singleShot(1500 + 700 * n, step)
    app.exec()
    window.lock()


def main() -> int:
    return run(shoot)


if __name__ == "__main__":
    QApplication.setApplicationName("Demand Desk")
    sys.exit(main())
