# ruff: noqa: TID251  - a GUI script: it drives the real window to photograph it
"""The screenshot of Tools ▸ Cost recovery… on a subpoena whose cost is sought.

Run: xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshot_cost.py OUT.png [INVOICE.pdf]

A workstation is set up in a temporary folder (deleted afterwards) with one synthetic
grand-jury subpoena, decided "no data"; the reviewer records hours and seeks the cost, and
the dialog is photographed over the window. With a second argument, the final
reimbursement request (the invoice) is written there too, to look at.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshot_notice_waits import gagged_subpoena, run, workstation  # noqa: E402

from app import organisation  # noqa: E402
from app.costs.service import Costs  # noqa: E402
from app.datadir import DataDir  # noqa: E402
from app.letters.service import Letters  # noqa: E402
from app.review.service import Review  # noqa: E402
from ui.main import make_application  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

PAYMENT = ("Quokka Mail Inc.", "First Example Bank, ABA 021000021", "Account 4455667788 · Ref: our reference")


def shoot(data_dir: DataDir, out: Path) -> None:
    app = make_application()
    desk = workstation(data_dir)
    organisation.set_organisation(
        desk,
        organisation.Organisation(
            "Quokka Mail", ("Quokka Mail Inc.",), ("1 Harbour Street", "Portland, OR 97204", "United States"),
            "Law Enforcement Response Team · lert@quokka.example", "Law Enforcement Response Team",
            "Legal Department", PAYMENT,
        ),
    )  # fmt: skip
    case_id = desk.intake(gagged_subpoena(), "grand-jury-subpoena.pdf")
    review = Review(desk)
    for answer in review.assess(case_id).answers:
        if answer.effect == "blocks" and answer.answer in ("unknown", "fail"):
            review.answer(case_id, answer.id, "pass", "checked against the served original")
    review.decide(case_id, "no_data")
    costs = Costs(desk)
    costs.add_hours(case_id, "review", "1.5")
    costs.add_hours(case_id, "search", "2.25")
    costs.add_hours(case_id, "correspondence", "0.5")
    costs.seek(case_id, "standard rates for a grand-jury subpoena")
    if len(sys.argv) > 2:
        Letters(desk).issue(case_id, "reimbursement", Path(sys.argv[2]).absolute(), final=True)
    window = MainWindow(data_dir, desk)
    window.resize(1500, 900)
    window.show()

    def open_case() -> None:
        window._on_case_selected(case_id)
        QTimer.singleShot(400, grab)
        window.cost_action.trigger()

    def grab() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None, "the Cost recovery dialog should be open"
        dialog.grab().save(str(out))
        print(f"wrote {out}")
        dialog.reject()
        window.close()
        app.quit()

    QTimer.singleShot(800, open_case)
    app.exec()
    desk.close()


if __name__ == "__main__":
    QApplication.setApplicationName("Demand Desk")
    sys.exit(run(shoot))
