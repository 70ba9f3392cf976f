# ruff: noqa: TID251  - a GUI script: it drives the real window to photograph it
"""Each case tab of the demo's French réquisition, at the size of the screen (issue 20).

Run: xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshot_tabs.py OUTDIR DEMO_DIR

DEMO_DIR is a demo data directory made by ``app.demo.create_demo`` (the French case is
decided and its narrowing letter finalised first, so every tab has something to show).
The window speaks the language kept in DEMO_DIR/ui.ini, as the app would. Each tab is shot
with the keyboard on its first control, so the focus ring shows. Writes
tab-WIDTH-NAME.png (tab-WIDTH-de-NAME.png in German) into OUTDIR, one per tab.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app import demo, services  # noqa: E402
from app.datadir import DataDir  # noqa: E402
from ui.common.language import effective_language, saved_language, settings_for  # noqa: E402
from ui.main import make_application  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402


def shoot(demo_dir: DataDir, out: Path) -> None:
    language = saved_language(settings_for(demo_dir.root))
    app = make_application(language=language)
    code = effective_language(language)
    prefix = f"tab-{{width}}-{code}-" if code != "en" else "tab-{width}-"
    screen = app.primaryScreen().availableGeometry()
    desk = services.unlock(demo_dir, passphrase=demo.DEMO_PASSPHRASE)
    desk.sign_in(demo.DEMO_REVIEWER, demo.DEMO_PIN)
    built = services.Services(desk)
    french = next(c for c in desk.cases() if c.title == "fr-requisition")
    if not any(letter.status == "final" for letter in built.letters.letters(french.case_id)):
        built.review.decide(french.case_id, "narrow")
        built.letters.finalise(built.letters.draft(french.case_id, "narrowing").id)
    window = MainWindow(demo_dir, desk)
    window.resize(screen.width(), screen.height())
    window.show()
    window.activateWindow()
    tabs = [window.tabs.widget(i) for i in range(window.tabs.count())]
    # File names by the tab's English name, whatever the window's language.
    names = [type(tab).__name__.removesuffix("Tab").lower() for tab in tabs]
    steps = [(600, lambda: window.queue.select_case(french.case_id))]
    for n, (tab, name) in enumerate(zip(tabs, names, strict=True)):
        if not window.tabs.isTabVisible(n):
            continue

        def show(tab=tab) -> None:
            window.tabs.setCurrentWidget(tab)
            widget: QWidget = tab
            for _ in range(500):  # the tab's first control in Tab order
                widget = widget.nextInFocusChain()
                if widget is tab:
                    break
                if (
                    tab.isAncestorOf(widget)
                    and widget.isVisible()
                    and widget.isEnabled()
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                ):
                    widget.setFocus(Qt.FocusReason.TabFocusReason)
                    break

        def grab(name=name) -> None:
            path = out / (prefix.format(width=screen.width()) + f"{name}.png")
            window.grab().save(str(path))
            focused = QApplication.focusWidget()
            on = f"{type(focused).__name__} {focused.accessibleName()}" if focused else "nothing"
            print(f"wrote {path} (keyboard on {on})")

        at = 1500 + 900 * n
        steps += [(at, show), (at + 700, grab)]
    steps.append((1500 + 900 * len(tabs) + 300, app.quit))
    for ms, fn in steps:
        QTimer.singleShot(ms, fn)
    app.exec()
    window.lock()


def run(shoot: Callable[[DataDir, Path], None]) -> int:
    """``shoot`` the demo data directory argv[2] into the folder argv[1] (made if missing)."""
    out = Path(sys.argv[1]).absolute()
    out.mkdir(parents=True, exist_ok=True)
    shoot(DataDir(Path(sys.argv[2])), out)
    return 0


def main() -> int:
    return run(shoot)


if __name__ == "__main__":
    QApplication.setApplicationName("Demand Desk")
    sys.exit(main())
