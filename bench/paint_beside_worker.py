"""How much a busy worker thread slows the window's painting, at the report's switch interval.

Run: .venv/bin/python bench/paint_beside_worker.py [--cases 1000]

The report window counts on a worker thread in this process (issue 20, point 8). Python
lets one thread run at a time: the GUI thread, which calls into Python for every cell it
paints, waits for the worker to let go of the interpreter at each call, up to the switch
interval each time. Fills a temporary store like bench/report.py, opens the real main
window (offscreen, 1600×1000), and times a full repaint of it (median of REPAINTS) beside
the named peer, the same repaint with no other thread running; then with a thread busy in
Python, at Python's usual 5 ms switch interval and at ``SHARED_SWITCH_S``, the interval
the report's worker counts at (``ui/report/collector.py``). Prints each with its ratio to
the peer. The folder is deleted afterwards.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import services  # noqa: E402
from app.datadir import DataDir  # noqa: E402
from app.model import KeyStorage  # noqa: E402
from bench.report import fill  # noqa: E402
from ui.main import make_application  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.report.collector import SHARED_SWITCH_S, gui_first  # noqa: E402

REPAINTS = 15


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1000)
    count = parser.parse_args().cases
    app = make_application()
    with tempfile.TemporaryDirectory(prefix="demand-desk-bench-") as folder:
        data_dir = DataDir(Path(folder) / "data")
        desk = services.set_up(data_dir, workstation="bench", reviewer="Ada", pin="246813",
                               passphrase="bench passphrase", key_storage=KeyStorage.PASSPHRASE)  # fmt: skip
        fill(desk.store, count)
        window = MainWindow(data_dir, desk)
        window.resize(1600, 1000)
        window.show()
        for _ in range(50):
            app.processEvents()

        def repaint_ms() -> float:
            times = []
            for _ in range(REPAINTS):
                start = time.perf_counter()
                window.repaint()
                times.append((time.perf_counter() - start) * 1000)
            return statistics.median(times)

        peer = repaint_ms()
        print(f"{count:,} cases: a full repaint of the main window, alone (peer): {peer:.1f} ms")
        stop = threading.Event()

        def busy() -> None:  # pure Python, as counting a report is
            while not stop.is_set():
                sum(range(1000))

        worker = threading.Thread(target=busy)
        worker.start()
        try:
            usual = repaint_ms()
            with gui_first():
                shared = repaint_ms()
        finally:
            stop.set()
            worker.join()
        interval = sys.getswitchinterval() * 1000
        print(f"  beside a busy worker, {interval:g} ms switch interval (the window's): "
              f"{usual:.1f} ms ({usual / peer:.2f}× the peer)")  # fmt: skip
        print(f"  beside a busy worker, {SHARED_SWITCH_S * 1000:g} ms (the report's): "
              f"{shared:.1f} ms ({shared / peer:.2f}× the peer)")  # fmt: skip
        window.lock()
    return 0


if __name__ == "__main__":
    sys.exit(main())
