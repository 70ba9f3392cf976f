"""The first run of the demo says what it sets up, with a progress bar; the queue and the
Facts tab name an instrument as its country does."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressBar


def test_the_demo_is_built_behind_a_welcome_with_a_progress_bar(qtbot, tmp_path, monkeypatch):
    from app import demo
    from app.datadir import DataDir
    from ui.dialogs.welcome import WelcomeDialog
    from ui.main import create_demo_with_progress, make_application

    class Built:
        def close(self) -> None:
            pass

    def slow_demo(_data_dir, progress):
        for n in (1, 2, 3):
            progress(n, 3, f"sample-{n}.pdf")
            time.sleep(0.15)
        return Built()

    monkeypatch.setattr(demo, "create_demo", slow_demo)
    make_application()
    seen: list[tuple[str, str, int, int]] = []

    def look() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, WelcomeDialog) and w.isVisible()]
        for dialog in shown:
            bar = dialog.findChild(QProgressBar)
            seen.append((dialog.what.text(), dialog.step.text(), bar.value(), bar.maximum()))
        if len(seen) < 5:
            QTimer.singleShot(60, look)

    QTimer.singleShot(60, look)
    assert create_demo_with_progress(DataDir(tmp_path / "d-demo"))

    assert seen, "no welcome was shown while the demo was built"
    what, step, value, maximum = seen[-1]
    assert "demo workstation" in what and "six synthetic demands" in what
    assert step.startswith("Reading demand ") and "of 3" in step
    assert 0 <= value < maximum
    assert not any(w.isVisible() for w in QApplication.topLevelWidgets() if isinstance(w, WelcomeDialog))


def test_escape_does_not_close_the_welcome_halfway(qtbot):
    from PySide6.QtCore import Qt

    from ui.dialogs.welcome import WelcomeDialog

    dialog = WelcomeDialog(6)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.on_progress(3, 6, "ie-production-order.pdf")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert dialog.bar.value() == 2 and "3 of 6" in dialog.step.text()


def test_the_queue_and_facts_tab_call_a_french_subpoena_kind_demand_a_requisition(window, qtbot, demand_file):
    from ui.queue.model import CASE_ID_ROLE, COLUMNS

    window.intake_files([demand_file])
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 1, timeout=20000)
    case_id = window.queue.model.index(0, 0).data(CASE_ID_ROLE)
    window.desk.correct_fact(case_id, "instrument", "subpoena", "test")
    window._on_case_selected(case_id)
    facts = window.facts_tab.model

    def value(key: str) -> str:
        return facts.index(next(r for r in range(facts.rowCount()) if facts.fact_at(r).key == key), 1).data()

    assert value("instrument") == "Subpoena (or equivalent)"  # a US demand: two kinds of subpoena
    country_row = next(r for r in range(facts.rowCount()) if facts.fact_at(r).key == "country")
    facts.correct(country_row, "FR", "served through the French liaison")  # as the editor does

    assert value("instrument") == "Réquisition judiciaire"
    instrument_column = COLUMNS.index("Instrument")
    in_queue = window.queue.model.index(0, instrument_column)
    qtbot.waitUntil(lambda: in_queue.data() == "Réquisition judiciaire", timeout=2000)
