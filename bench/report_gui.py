"""How the report window feels over a busy half-year: how long until the figures show, and stalls.

Run: .venv/bin/python bench/report_gui.py [--cases 100000]

Fills a temporary store like bench/report.py, opens the real main window (offscreen) and
the report window on it, then asks for 2026H1 and prints:
- the time to open the window (building it on the GUI thread; the half-years and the
  default period are read and counted on the window's worker, not timed here);
- the longest stall of the GUI event loop while that first count runs;
- the time from asking for 2026H1 until its figures are shown;
- the longest stall of the GUI event loop meanwhile (a 5 ms timer's late ticks). The
  window reads on its own read-only connection and counts on its worker
  (``Reports.apart``), so what is left to stall the GUI thread is showing the result and
  anything that holds the interpreter lock long on the worker (the cyclic garbage
  collector's sweeps were: see ``ui/report/collector.py``). The target: no stall over 50 ms.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402

from app import services  # noqa: E402
from app.datadir import DataDir  # noqa: E402
from app.model import KeyStorage  # noqa: E402
from bench.report import fill  # noqa: E402
from ui.main import make_application  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    count = parser.parse_args().cases
    app = make_application()
    with tempfile.TemporaryDirectory(prefix="demand-desk-bench-") as folder:
        data_dir = DataDir(Path(folder) / "data")
        desk = services.set_up(data_dir, workstation="bench", reviewer="Ada", pin="246813",
                               passphrase="bench passphrase", key_storage=KeyStorage.PASSPHRASE)  # fmt: skip
        fill(desk.store, count)
        window = MainWindow(data_dir, desk)
        window.show()
        ticks, worst = QElapsedTimer(), [0]

        def tick() -> None:
            worst[0] = max(worst[0], ticks.restart())

        timer = QTimer()
        timer.timeout.connect(tick)
        start = time.perf_counter()
        view = window.show_report()
        assert view is not None
        opened = time.perf_counter() - start
        asked, first = [0.0], [0]
        ticks.start()  # stalls while the half-years and the default period are read and counted
        timer.start(5)

        def shown(_report: object) -> None:
            if not asked[0]:  # the default period is shown: now ask for 2026H1, and time it
                first[0], worst[0] = worst[0], 0
                ticks.start()
                asked[0] = time.perf_counter()
                view.select_period("2026H1")
                return
            took = time.perf_counter() - asked[0]
            print(f"{count:,} cases: window opened in {opened * 1000:.0f} ms; longest GUI stall while "
                  f"the default period was counted {first[0]} ms; 2026H1 shown {took * 1000:.0f} ms "
                  f"after asking; longest GUI stall {worst[0]} ms")  # fmt: skip
            timer.stop()
            window.lock()
            app.quit()

        view.report_shown.connect(shown)
        app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
