# ruff: noqa: TID251  - a GUI script: it drives the real window to photograph it
"""The README's screenshot of the transparency report window, taken on the demo workstation.

Run: xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshot_report.py OUT.png [DATA_DIR]

Without DATA_DIR a demo workstation is made in a temporary folder (about 20 s: it reads
the sample scans) and deleted afterwards. The main window is opened on it, then the
report window; the first figure of the by-country table is selected so the cases
behind it are listed, and the report window is grabbed.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app import demo, services  # noqa: E402
from app.datadir import DataDir  # noqa: E402
from ui.main import make_application  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.report.model import FigureKey  # noqa: E402


def shoot(data_dir: DataDir, out: Path) -> None:
    app = make_application()
    desk = services.unlock(data_dir, passphrase=demo.DEMO_PASSPHRASE)
    desk.sign_in(demo.DEMO_REVIEWER, demo.DEMO_PIN)
    window = MainWindow(data_dir, desk)
    window.resize(1400, 880)
    window.show()
    report = window.show_report()
    assert report is not None
    report.resize(1360, 860)
    report.move(20, 10)

    def select() -> None:
        shown = report.report
        assert shown is not None, "the report was not counted"
        first = shown.table("outcomes_by_country").rows[0]
        report.show_figure(FigureKey("outcomes_by_country", first.key, "demands"))
        QTimer.singleShot(300, grab)

    def grab() -> None:
        report.grab().save(str(out))
        print(f"wrote {out}")
        window.close()
        app.quit()

    report.report_shown.connect(lambda _r: QTimer.singleShot(300, select))
    app.exec()


def main() -> int:
    out = Path(sys.argv[1])
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
