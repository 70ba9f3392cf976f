# ruff: noqa: TID251  - a GUI script: it drives the real window to photograph it
"""The screenshot of File ▸ New disclosure… filled in for an emergency disclosure.

Run: xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshot_disclosure.py OUT.png
(OUT-window.png is written too: the window on the recorded case, with its flag.)

A workstation is set up in a temporary folder (deleted afterwards); the dialog is filled in
for a synthetic emergency disclosure that went out before a second reviewer approved it.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialogButtonBox  # noqa: E402

from app.datadir import DataDir  # noqa: E402
from docs.screenshot_notice_waits import run, workstation  # noqa: E402
from ui.dialogs.disclosure import DisclosureDialog  # noqa: E402
from ui.main import make_application  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402


def shoot(data_dir: DataDir, out: Path) -> None:
    app = make_application()
    desk = workstation(data_dir)
    window = MainWindow(data_dir, desk)
    window.resize(1500, 900)
    window.show()

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DisclosureDialog)
        dialog.ground.setCurrentIndex(dialog.ground.findData("emergency"))
        dialog.recipient.setText("Portland Police Bureau")
        dialog.country.setText("US")
        dialog.identifiers.setPlainText("kestrel.e9mg4@example.net")
        dialog.categories["subscriber_info"].setChecked(True)
        dialog.categories["ip_history"].setChecked(True)
        dialog.justification.setPlainText(
            "A child abducted this morning; the account's login IP addresses of the last 48 hours "
            "locate the phone she carries. Sergeant Lee Park asked by phone, written request to follow."
        )
        dialog.made_early.setChecked(True)
        QTimer.singleShot(400, lambda: grab_dialog(dialog))

    def grab_dialog(dialog: DisclosureDialog) -> None:
        dialog.grab().save(str(out))
        print(f"wrote {out}")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        QTimer.singleShot(800, grab_window)

    def grab_window() -> None:
        path = out.with_name(out.stem + "-window.png")
        window.grab().save(str(path))
        print(f"wrote {path}")
        window.close()
        app.quit()

    QTimer.singleShot(600, lambda: (QTimer.singleShot(400, fill), window.new_disclosure_action.trigger()))
    app.exec()
    desk.close()


if __name__ == "__main__":
    QApplication.setApplicationName("Demand Desk")
    sys.exit(run(shoot))
