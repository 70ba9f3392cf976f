"""Files a reviewer opens are read off the window's thread: a pipe, a hung share or a slow
file cannot freeze the window, and what cannot be read ends in a message."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

import ui.shell.intake as main_window_module
from app.fsutil import read_regular_file

pytestmark = pytest.mark.gui


def test_a_fifo_chosen_for_intake_gets_a_message_and_no_case(window, qtbot, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    fifo = tmp_path / "demand.pdf"
    os.mkfifo(fifo)

    window.intake_files([fifo])
    qtbot.waitUntil(lambda: window._task is None and bool(shown), timeout=10_000)

    assert "not a regular file" in shown[0]
    assert window.queue.model.rowCount() == 0
    assert window.desk.cases() == []


def test_the_window_answers_while_a_chosen_file_is_slow_to_read(
    window, qtbot, tmp_path, monkeypatch, demand_file
):
    """A share that hangs on read: the event loop keeps running, and the read ends in a case."""
    release = threading.Event()
    reading = threading.Event()
    main_thread = threading.get_ident()
    readers: list[int] = []

    def slow_read(path: Path, limit: int) -> bytes:
        readers.append(threading.get_ident())
        reading.set()
        release.wait(20)
        return read_regular_file(path, limit)

    monkeypatch.setattr(main_window_module, "read_regular_file", slow_read)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)

    window.intake_files([demand_file])  # returns at once, the read still hanging
    qtbot.waitUntil(reading.is_set, timeout=5_000)
    before = len(ticks)
    qtbot.wait(300)
    assert len(ticks) > before + 5  # the window went on handling events while the file hung
    assert window.progress.isVisible() and window.cancel_button.isVisible()
    release.set()
    qtbot.waitUntil(lambda: window._task is None and not window._pending_files, timeout=30_000)
    timer.stop()

    assert readers and readers[0] != main_thread
    assert len(window.desk.cases()) == 1


def test_a_fifo_chosen_as_the_logo_is_refused_without_hanging(qtbot, tmp_path):
    from app.services import DeskError
    from ui.dialogs.letterhead import read_logo

    fifo = tmp_path / "logo.png"
    os.mkfifo(fifo)
    with pytest.raises(DeskError, match="not a regular file"):
        read_logo(fifo)
