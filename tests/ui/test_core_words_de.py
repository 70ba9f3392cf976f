"""A German window shows the core's words in German (issue 20, point 7): the Facts tab's
names, the checklist's items and the audit trail's sentences, on a case opened as a
reviewer opens one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from app.display_language import ENGLISH, set_display_language
from tests.ui.conftest import open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def german_window(qtbot, gui_data_dir):
    from ui.common.language import remove_translators
    from ui.main import make_application

    app = make_application()
    translators = []
    try:
        # As the window starts in German: Qt's catalogue and the core's words, before it is built.
        from ui.common.language import install_translators

        translators = install_translators(app, "de")
        set_display_language("de")
        window = open_window(qtbot, gui_data_dir)
        yield window
        window.lock()
    finally:
        set_display_language(ENGLISH)
        remove_translators(app, translators)


def _column(model, column: int, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    return [model.index(r, column, parent).data() for r in range(model.rowCount(parent))]


def test_a_case_opened_in_german_shows_german_facts_items_and_audit_sentences(
    german_window, qtbot, demand_file
):
    window = german_window
    window.intake_files([demand_file])
    qtbot.waitUntil(lambda: window._task is None and not window._pending_files, timeout=20_000)
    qtbot.waitUntil(lambda: window.checklist_tab.model.rowCount() > 0, timeout=5_000)

    facts = _column(window.facts_tab.model, 0)
    assert {"Rechtsinstrument", "Ausstellende Stelle", "Ausstellungsdatum"} <= set(facts)
    assert "Issuing authority" not in facts

    checklist = window.checklist_tab.model
    validity = checklist.index(0, 0)
    assert checklist.data(validity).startswith("Gültigkeit (")
    items = _column(checklist, 0, validity)
    assert "Unterschrieben" in items and "Signed" not in items
    answers = set(_column(checklist, 1, validity))
    assert answers & {"✓ erfüllt", "? offen", "✗ nicht erfüllt"}
    window.checklist_tab.select_item("validity.signed", show_source=False)
    assert "Ist das Schriftstück unterschrieben?" in window.checklist_tab.details.toPlainText()
    # The checklist's own notes are German too (resources/review/notes.de.toml).
    notes = _column(checklist, 3, validity)
    assert "gelesen als Auskunftsersuchen (oder Gleichwertiges); verlangt Daten" in notes, notes
    assert not any(n.startswith("read as a") for n in notes), notes
    window.checklist_tab.select_item("validity.readable", show_source=False)
    assert "verlangt Daten" in window.checklist_tab.details.toPlainText()

    trail = window.audit_tab.model
    last = trail.columnCount() - 1  # "What happened" is the last column
    sentences = [trail.index(r, last).data() for r in range(trail.rowCount())]
    assert any(s.startswith("grand-jury-subpoena.pdf (1 S.) als ") for s in sentences), sentences
    assert not any(s.startswith("Took in") for s in sentences)
    # The stored codes are unchanged: only their words are German.
    assert "case.intake" in {
        trail.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(trail.rowCount())
    }


def test_today_in_a_german_window_has_german_section_titles(german_window):
    view = german_window.today_view
    assert german_window.case_stack.currentWidget() is view
    model = view.model
    titles = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert titles[:3] == [
        "Notfallersuchen (0)",
        "Überfällige Antworten (0)",
        "Antworten fällig in den nächsten 7 Tagen (0)",
    ]
    assert "Unbezahlte Kostenerstattungsanträge (0)" in titles
    assert not any(t.startswith(("Emergency", "Responses", "Notices")) for t in titles), titles
    assert model.index(0, 0, model.index(0, 0)).data() == "Nichts"
    assert view.as_of.text().startswith("Stand: ")


def test_a_scope_reads_in_german_with_singular_and_plural(german_window):
    from ui.case.scope_editor import scope_summary

    scope = {
        "identifiers": ["a@example.com"],
        "categories": ["subscriber", "ip_logs", "content"],
        "date_range": {"from": "2026-09-07", "to": "2026-11-26"},
    }
    assert scope_summary(scope) == "1 Kennung · 3 Kategorien · 2026-09-07 bis 2026-11-26"
    two = {"identifiers": ["a", "b"], "categories": ["subscriber"], "date_range": {}}
    assert scope_summary(two) == "2 Kennungen · 1 Kategorie"


def test_the_override_dialog_names_the_item_by_its_german_label(german_window):
    from PySide6.QtWidgets import QLabel

    from ui.case.checklist import OverrideDialog

    dialog = OverrideDialog("validity.signed", "Ist das Schriftstück unterschrieben?", "fail", german_window)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any(t.startswith("Unterschrieben · jetzt ") for t in texts), texts
    assert not any("validity.signed" in t for t in texts)
    dialog.deleteLater()


def test_a_german_window_quotes_the_policy_and_the_packs_prose_in_german(german_window, qtbot, demand_file):
    """The policy sentence under an item, a country's rights notes, the prose of a statute and
    the disclosure grounds are German in a German window (their English is what is stored)."""
    from datetime import date

    from ui.dialogs.disclosure import DisclosureDialog

    window = german_window
    window.intake_files([demand_file])
    qtbot.waitUntil(lambda: window._task is None and not window._pending_files, timeout=20_000)
    qtbot.waitUntil(lambda: window.checklist_tab.model.rowCount() > 0, timeout=5_000)
    tab = window.checklist_tab

    tab.select_item("validity.signed", show_source=False)
    details = tab.details.toPlainText()
    assert "Der Anbieter verlangt ein unterschriebenes Schriftstück und lehnt ein nicht" in details, details
    assert "requires a signed document" not in details
    tab.select_item("human_rights.country_baseline", show_source=False)
    details = tab.details.toPlainText()
    assert "Vereinigte Staaten: Standard. Unabhängige Gerichte prüfen" in details, details
    assert "Independent courts" not in details and "Requests are reviewed against" not in details
    tab.select_item("validity.issued_under_local_law", show_source=False)
    assert "z. B. 21 U.S.C. § 876 (DEA)" in tab.details.toPlainText()

    dialog = DisclosureDialog(window._services().disclosures, date(2026, 12, 7), window)
    grounds = [dialog.ground.itemText(i) for i in range(dialog.ground.count())]
    assert "Notfall mit Gefahr für Leib oder Leben" in grounds, grounds
    dialog.ground.setCurrentIndex(grounds.index("Notfall mit Gefahr für Leib oder Leben"))
    assert "Gefahr des Todes oder einer schweren körperlichen Verletzung" in dialog.policy.text()
    assert dialog.ground.currentData() == "emergency"  # what is recorded is the pack's key
    dialog.deleteLater()


def test_a_disclosure_its_report_note_and_the_data_categories_read_in_german(german_window, qtbot):
    """A disclosure made before approval: its tab (data, flags, notice), the disclosure dialog's
    data categories and the report window's note on it are German; its stored words English."""
    from datetime import date

    from app.disclosure.service import Disclosures
    from tests.ui.test_report_view import open_report, recount
    from ui.dialogs.disclosure import DisclosureDialog

    window = german_window
    case_id = Disclosures(window.desk).record(
        "emergency",
        "Polizei Berlin",
        country="DE",
        identifiers=["d@example.net"],
        categories=["ip_history", "subscriber_info"],
        justification="threat to life",
        made_before_approval=True,
    )
    window.refresh_queue(select=case_id)
    window._on_case_selected(case_id)
    qtbot.waitUntil(lambda: window.disclosure_tab.summary.text() != "", timeout=5_000)
    summary = window.disclosure_tab.summary.text()
    assert summary.startswith("Notfall-Herausgabe ohne förmliches Ersuchen\n"), summary
    assert "Daten: IP-Verlauf, Bestandsdaten" in summary, summary
    assert "d@example.net (E-Mail-Adresse)" in summary, summary
    assert "Zurückgehalten: Gefahr für Leib oder Leben" in summary, summary
    assert "ip history" not in summary and "Withheld" not in summary
    flags = window.disclosure_tab.flags.text()
    assert flags.startswith("Herausgegeben, bevor ein zweiter Prüfer sie genehmigt hatte (Notfall)"), flags
    assert Disclosures(window.desk).get(case_id).flags[0].startswith("Made before a second reviewer")

    dialog = DisclosureDialog(window._services().disclosures, date(2026, 12, 7), window)
    boxes = [box.text() for box in dialog.categories.values()]
    assert boxes[:2] == ["Bestandsdaten", "IP-Verlauf"], boxes
    assert not any("_" in b or b == "subscriber info" for b in boxes)
    dialog.deleteLater()

    year, month = int(window.desk.now()[:4]), int(window.desk.now()[5:7])
    view = open_report(window, qtbot)
    recount(view, qtbot, f"{year}H{1 if month <= 6 else 2}")
    reference = window.desk.store.get_case(case_id)["reference"]
    notes = view.notes_label.text()
    assert f"Hinweis: {reference}: am " in notes and "NOCH NICHT GENEHMIGT" in notes, notes
    assert "before a second reviewer" not in notes
    assert any("before a second reviewer approved it" in n for n in view.report.notes)  # as exported


def test_the_facts_tab_shows_a_response_period_in_german_and_keeps_it_english(qtbot):
    """The Facts tab says a counted period as the Dates tab does ("7 Tage ab Ausstellung");
    what is stored and edited stays the English the app writes."""
    from app.model import FactValue
    from ui.case.facts import FactsModel

    model = FactsModel()
    period = FactValue("response_period", "7 days from issue", "auto")
    model.set_facts([period, FactValue("response_period", "by return of post", "auto")])
    try:
        set_display_language("de")
        assert model.index(0, 1).data() == "7 Tage ab Ausstellung"
        assert model.index(1, 1).data() == "by return of post"  # a period the app did not write
    finally:
        set_display_language(ENGLISH)
    assert model.index(0, 1).data() == "7 days from issue"
    assert model.fact_at(0).value == "7 days from issue"
