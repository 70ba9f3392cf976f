# ruff: noqa: TID251  - a GUI script: it drives the real window to photograph it
"""Screenshots of a preservation hold: the hold case's Dates tab, and Today listing it.

Run: xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshot_hold.py DATES.png [TODAY.png]

A workstation is set up in a temporary folder (deleted afterwards) with a synthetic
18 U.S.C. § 2703(f) preservation request served 80 days ago (its 90-day hold ends in 10
days, so Today lists it) and a later grand-jury subpoena for the same account, which is
linked to the hold.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.datadir import DataDir  # noqa: E402
from docs.screenshot_notice_waits import run, workstation  # noqa: E402
from tests.holds.test_holds_service import preservation, subpoena  # noqa: E402
from ui.main import make_application  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402


def shoot(data_dir: DataDir, out: Path) -> None:
    app = make_application()
    desk = workstation(data_dir)
    held = desk.intake(preservation(), "preservation-request.pdf", received=date.today() - timedelta(days=80))
    desk.intake(subpoena(), "grand-jury-subpoena.pdf", received=date.today() - timedelta(days=2))
    window = MainWindow(data_dir, desk)
    window.resize(1500, 900)
    window.show()

    def open_case() -> None:
        window._on_case_selected(held)
        window.tabs.setCurrentWidget(window.dates_tab)
        QTimer.singleShot(600, grab)

    def grab() -> None:
        assert window.dates_tab.hold_box.isVisible(), "the hold should be shown"
        window.grab().save(str(out))
        print(f"wrote {out}")
        if len(sys.argv) > 2:
            window.show_today()
            QTimer.singleShot(600, grab_today)
        else:
            finish()

    def grab_today() -> None:
        today = Path(sys.argv[2]).absolute()
        window.grab().save(str(today))
        print(f"wrote {today}")
        finish()

    def finish() -> None:
        window.close()
        app.quit()

    QTimer.singleShot(800, open_case)
    app.exec()
    desk.close()


if __name__ == "__main__":
    QApplication.setApplicationName("Demand Desk")
    sys.exit(run(shoot))
