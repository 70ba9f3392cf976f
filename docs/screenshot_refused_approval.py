# ruff: noqa: TID251  - a GUI script: it drives the real window to photograph it
"""The screenshot of an approval refused because the approver was enrolled after the decision.

Run: QT_QPA_PLATFORM=xcb xvfb-run -a --server-args="-screen 0 1600x1000x24" \
     .venv/bin/python docs/screenshot_refused_approval.py OUT.png

A workstation is set up in a temporary folder (deleted afterwards). Ada, its administrator,
enrols Bob; Bob decides to disclose a subscriber's non-content data; then Ada enrols
"Heidi" and Heidi tries to approve. The approval dialog shows what would leave, the
recommendation and the open items, and Heidi's refusal.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.datadir import DataDir  # noqa: E402
from app.review.service import Review  # noqa: E402
from docs.screenshot_notice_waits import PIN, REVIEWER, run, workstation  # noqa: E402
from tests.review_support import answer_blocking_pass  # noqa: E402
from tests.ui.conftest import make_pdf  # noqa: E402
from ui.main import make_application  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

BOB_PIN, HEIDI_PIN = "135790", "975310"  # noqa: S105 - throwaway reviewers, deleted after the shot

SUBPOENA = [
    "UNITED STATES DISTRICT COURT FOR THE DISTRICT OF OREGON",
    "GRAND JURY SUBPOENA",
    "Date: November 30, 2026",
    "To: Custodian of Records, Example Online Services LLC",
    "You are commanded to produce basic subscriber information (name, address,",
    "length of service) for the account wren.s4fe9@example.net.",
    "/s/ Jane Roe, Assistant United States Attorney",
]


def shoot(data_dir: DataDir, out: Path) -> None:
    app = make_application()
    desk = workstation(data_dir)
    desk.add_reviewer("Bob", BOB_PIN, admin_pin=PIN)
    desk.sign_in("Bob", BOB_PIN)
    case_id = desk.intake(make_pdf(SUBPOENA), "grand-jury-subpoena.pdf")
    review = Review(desk)
    answer_blocking_pass(review, case_id)
    review.decide(case_id, "disclose_noncontent")
    desk.sign_in(REVIEWER, PIN)
    time.sleep(1.1)  # times are kept to the second: Heidi's enrolment must fall after the decision
    desk.add_reviewer("Heidi", HEIDI_PIN, admin_pin=PIN)
    window = MainWindow(data_dir, desk)
    window.resize(1500, 900)
    window.move(0, 0)
    window.show()

    def open_case() -> None:
        window._on_case_selected(case_id)
        window.tabs.setCurrentWidget(window.decision_tab)
        QTimer.singleShot(300, as_heidi)
        window.decision_tab.approve_interactively()

    def as_heidi() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.reviewer.setCurrentText("Heidi")
        dialog.pin.setText(HEIDI_PIN)
        dialog.accept()
        QTimer.singleShot(600, grab)

    def grab() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None and "after this decision" in dialog.error.text(), "not refused"
        QApplication.primaryScreen().grabWindow(0).copy(0, 0, 1500, 900).save(str(out))
        print(f"wrote {out}")
        dialog.reject()
        window.close()
        app.quit()

    QTimer.singleShot(800, open_case)
    app.exec()
    desk.close()


def main() -> int:
    return run(shoot)


if __name__ == "__main__":
    QApplication.setApplicationName("Demand Desk")
    sys.exit(main())
