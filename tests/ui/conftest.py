"""A real main window, offscreen, on a freshly set-up workstation."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from app.datadir import DataDir
from tests.sync.stations import _stations_template, shared, station_a, station_b, team_file  # noqa: F401

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

GUI_PASSPHRASE = "gui passphrase 42"
GUI_PIN = "135792"


def make_pdf(lines: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    y = 780
    for line in lines:
        pdf.drawString(72, y, line)
        y -= 18
    pdf.showPage()
    pdf.save()
    return out.getvalue()


@pytest.fixture
def gui_data_dir(tmp_path: Path):
    from app.datadir import DataDir
    from app.model import KeyStorage
    from app.services import set_up

    data_dir = DataDir(tmp_path / "data")
    desk = set_up(
        data_dir,
        workstation="gui-ws",
        reviewer="Ada",
        pin=GUI_PIN,
        passphrase=GUI_PASSPHRASE,
        key_storage=KeyStorage.PASSPHRASE,
    )
    desk.close()
    return data_dir


def open_window(qtbot, data_dir: DataDir, size: tuple[int, int] = (1280, 800)):
    """The main window of ``data_dir``, unlocked and signed in as Ada, shown at ``size``."""
    from app import services
    from ui.main import make_application
    from ui.main_window import MainWindow

    make_application()
    desk = services.unlock(data_dir, passphrase=GUI_PASSPHRASE)
    desk.sign_in("Ada", GUI_PIN)
    win = MainWindow(data_dir, desk)
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def window(qtbot, gui_data_dir):
    win = open_window(qtbot, gui_data_dir)
    yield win
    win.lock()


@pytest.fixture
def demand_file(tmp_path: Path) -> Path:
    path = tmp_path / "incoming" / "grand-jury-subpoena.pdf"
    path.parent.mkdir()
    path.write_bytes(
        make_pdf(
            [
                "UNITED STATES DISTRICT COURT",
                "GRAND JURY SUBPOENA",
                "Produce subscriber information for wombat.gui7@example.org",
                "Reference GUICANARY7731",
            ]
        )
    )
    return path
