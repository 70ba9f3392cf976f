"""The core runs without Qt: the CLI and these tests never need a display."""

from __future__ import annotations

import subprocess
import sys


def test_core_and_cli_import_without_qt():
    code = (
        "import sys\n"
        "import app.cli, app.services, app.intake.pdfprobe, db\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "sys.exit(f'Qt imported: {qt}' if qt else 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
