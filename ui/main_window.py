"""The main window (built in ``ui/shell/``): imported from here by ``ui/main.py``, the tests,
the benchmarks and the screenshot scripts."""

from ui.shell.intake import BUNDLE_SUFFIX, MAX_OPEN_BYTES
from ui.shell.window import MainWindow

__all__ = ["BUNDLE_SUFFIX", "MAX_OPEN_BYTES", "MainWindow"]
