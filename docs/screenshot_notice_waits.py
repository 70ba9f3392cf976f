# ruff: noqa: TID251  - a GUI script: it drives the real window to photograph it
"""The screenshot of the Dates tab explaining why a customer notice waits for a gag order.

Run: xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshot_notice_waits.py OUT.png

A workstation is set up in a temporary folder (deleted afterwards) with one synthetic
grand-jury subpoena carrying an 18 U.S.C. § 2705(b) order "until further order of the
Court"; the reviewer decides to seek narrowing, and the window is opened on the case's
Dates tab, where "Draft the notice letter" is disabled with the reason beside it.
"""

from __future__ import annotations

import io
import sys
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app import services  # noqa: E402
from app.datadir import DataDir  # noqa: E402
from app.model import KeyStorage  # noqa: E402
from app.review.service import Review  # noqa: E402
from ui.main import make_application  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

PASSPHRASE = "screenshot passphrase"  # noqa: S105 - a throwaway workstation, deleted after the shot
REVIEWER, PIN = "Ada", "246813"


def gagged_subpoena() -> bytes:
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen import canvas

    issued = (date.today() - timedelta(days=12)).strftime("%B %-d, %Y")
    due = (date.today() + timedelta(days=9)).strftime("%B %-d, %Y")
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=LETTER)
    lines = [
        "UNITED STATES DISTRICT COURT FOR THE WESTERN DISTRICT OF WASHINGTON",
        "GRAND JURY SUBPOENA",
        f"Date: {issued}",
        "To: Custodian of Records, Example Online Services LLC",
        "You are commanded to produce basic subscriber information (name, address,",
        "length of service) for the account ibis.g7ag2@example.net.",
        f"Respond by {due}.",
        "ORDER PURSUANT TO 18 U.S.C. 2705(b): the provider shall not disclose the existence",
        "of this subpoena to any person until further order of the Court.",
        "/s/ John Doe, United States Magistrate Judge",
    ]
    y = 720
    for line in lines:
        pdf.drawString(60, y, line)
        y -= 18
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def shoot(data_dir: DataDir, out: Path) -> None:
    app = make_application()
    desk = workstation(data_dir)
    case_id = desk.intake(gagged_subpoena(), "grand-jury-subpoena.pdf")
    Review(desk).decide(case_id, "narrow")
    window = MainWindow(data_dir, desk)
    window.resize(1500, 900)
    window.show()

    def open_case() -> None:
        window._on_case_selected(case_id)
        window.tabs.setCurrentWidget(window.dates_tab)
        QTimer.singleShot(600, grab)

    def grab() -> None:
        assert not window.dates_tab.letter.isEnabled(), "the notice letter should wait"
        window.grab().save(str(out))
        print(f"wrote {out}")
        window.close()
        app.quit()

    QTimer.singleShot(800, open_case)
    app.exec()
    desk.close()


def workstation(data_dir: DataDir) -> services.Desk:
    """A throwaway workstation with Ada, its administrator, signed in."""
    return services.set_up(
        data_dir,
        workstation="lert-1",
        reviewer=REVIEWER,
        pin=PIN,
        passphrase=PASSPHRASE,
        key_storage=KeyStorage.PASSPHRASE,
    )


def run(shoot: Callable[[DataDir, Path], None]) -> int:
    """``shoot`` a workstation made in a temporary folder (deleted after) into argv[1]."""
    out = Path(sys.argv[1]).absolute()
    with tempfile.TemporaryDirectory(prefix="demand-desk-shot-") as folder:
        shoot(DataDir(Path(folder) / "data"), out)
    return 0


def main() -> int:
    return run(shoot)


if __name__ == "__main__":
    QApplication.setApplicationName("Demand Desk")
    sys.exit(main())
