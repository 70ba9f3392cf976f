# ruff: noqa: TID251  - a GUI script: it drives the real window to photograph it
"""Screenshots of the first-run welcome, the demo queue, the focus ring and Help (issue 20).

Run: xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshot_polish.py OUTDIR [DEMO_DIR]

DEMO_DIR is a demo data directory made by ``app.demo.create_demo`` (made in a temporary
folder, and deleted after, when not given). Writes welcome.png, queue-focus.png,
guide.png, about.png, shortcuts.png, letters-sha.png and facts-button-focus.png into
OUTDIR (the French case is decided and its narrowing letter finalised first), at the size of the screen.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app import demo, services  # noqa: E402
from app.datadir import DataDir  # noqa: E402
from app.letters.service import Letters  # noqa: E402
from app.review.service import Review  # noqa: E402
from ui.dialogs.welcome import WelcomeDialog  # noqa: E402
from ui.main import make_application  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402


def shoot(demo_dir: DataDir, out: Path) -> None:
    app = make_application()
    screen = app.primaryScreen().availableGeometry()
    welcome = WelcomeDialog(len(demo.sample_pdfs()))
    welcome.show()
    welcome.on_progress(3, 6, "ie-production-order.pdf")
    steps: list = []

    def later(ms: int, fn) -> None:
        steps.append((ms, fn))

    def grab(widget: QWidget, name: str) -> None:
        widget.grab().save(str(out / name))
        print(f"wrote {out / name}")

    desk = services.unlock(demo_dir, passphrase=demo.DEMO_PASSPHRASE)
    desk.sign_in(demo.DEMO_REVIEWER, demo.DEMO_PIN)
    french = next(c for c in desk.cases() if c.title == "fr-requisition")
    letters = Letters(desk)
    if not any(letter.status == "final" for letter in letters.letters(french.case_id)):
        Review(desk).decide(french.case_id, "narrow")
        letters.finalise(letters.draft(french.case_id, "narrowing").id)
    window = MainWindow(demo_dir, desk)

    def show_window() -> None:
        grab(welcome, "welcome.png")
        welcome.accept()
        window.resize(screen.width(), screen.height())
        window.show()
        window.activateWindow()  # no window manager under Xvfb: focus (and its ring) needs this

    def focus_queue() -> None:
        window.queue.select_case(french.case_id)
        window.queue.table.setFocus(Qt.FocusReason.TabFocusReason)

    def tab_on() -> None:
        from PySide6.QtTest import QTest

        window.queue.table.setFocus()
        QTest.keyClick(window.queue.table, Qt.Key.Key_Tab)  # the real key: it leaves the queue

    later(300, show_window)
    later(1200, focus_queue)
    later(1800, lambda: grab(window, "queue-focus.png"))
    later(2000, tab_on)
    later(2400, lambda: grab(window, "tab-out-of-queue.png"))
    later(2600, lambda: setattr(window, "_g", window.show_guide()))
    later(3200, lambda: grab(window._g, "guide.png"))
    later(3400, window._about)

    def about_dialog() -> QWidget:
        return next(w for w in app.topLevelWidgets() if w.windowTitle() == "About Demand Desk")

    later(3900, lambda: grab(about_dialog(), "about.png"))
    later(4100, lambda: setattr(window, "_s", window.show_shortcuts()))
    later(4600, lambda: grab(window._s, "shortcuts.png"))

    def back_to_window() -> None:
        for dialog in (window._g, window._s, about_dialog()):
            dialog.close()
        window.activateWindow()
        window.tabs.setCurrentWidget(window.letters_tab)

    later(4800, back_to_window)
    later(5400, lambda: window.letters_tab.sha.copy_button.setFocus())
    later(5800, lambda: grab(window, "letters-sha.png"))
    later(6000, lambda: window.tabs.setCurrentWidget(window.facts_tab))
    later(6300, lambda: window.facts_tab.correct_button.setFocus())
    later(6700, lambda: grab(window, "facts-button-focus.png"))
    later(7000, app.quit)
    for ms, fn in steps:
        QTimer.singleShot(ms, fn)
    app.exec()
    window.lock()


def main() -> int:
    out = Path(sys.argv[1]).absolute()
    out.mkdir(parents=True, exist_ok=True)
    if len(sys.argv) > 2:
        shoot(DataDir(Path(sys.argv[2])), out)
        return 0
    with tempfile.TemporaryDirectory(prefix="demand-desk-shot-") as folder:
        data_dir = DataDir(Path(folder) / "demo")
        demo.create_demo(data_dir).close()
        shoot(data_dir, out)
    return 0


if __name__ == "__main__":
    QApplication.setApplicationName("Demand Desk")
    sys.exit(main())
