"""What leaves the workstation keeps its own language (issue 20, point 7): a German window
changes no byte of a report export and no word of the command line's output."""

from __future__ import annotations

from app.display_language import ENGLISH, set_display_language
from app.report.tables import Table


def test_a_german_window_changes_no_report_export_and_no_command_line_output(
    desk, known_decided_late, passphrase, monkeypatch, capsys
):
    from app.cli.main import main
    from app.report.service import Reports
    from tests.conftest import PIN, REVIEWER

    monkeypatch.setenv("DEMAND_DESK_PASSPHRASE", passphrase)
    monkeypatch.setenv("DEMAND_DESK_REVIEWER", REVIEWER)
    monkeypatch.setenv("DEMAND_DESK_PIN", PIN)
    reports = Reports(desk)

    def outputs() -> tuple[bytes, bytes, str]:
        report = reports.build("2026H1")
        assert main(["--data-dir", str(desk.data_dir.root), "report", "--period", "2026H1"]) == 0
        return reports.render(report, "pdf"), reports.render(report, "csv"), capsys.readouterr().out

    english = outputs()
    set_display_language("de")
    try:
        german = outputs()
    finally:
        set_display_language(ENGLISH)
    assert "2026H1" in english[2]
    assert german[1] == english[1]
    assert german[2] == english[2]
    assert german[0] == english[0]


# Tables whose rows are countries or the pack's grounds: named as the report names them.
_ROWS_NAMED_ELSEWHERE = {"outcomes_by_country", "disclosures_by_ground", "disclosures_by_country"}


def test_every_table_column_and_fixed_row_the_window_shows_has_its_german(desk, known_decided_late):
    """A new table, column or row in the report without its German in window.de.toml fails here."""
    from app.report import words
    from app.report.config import BUCKETS
    from app.report.service import Reports

    reports = Reports(desk)
    report = reports.build("2026H1")
    german = words._words("de")
    missing = [f"table {t.key}" for t in report.tables if t.key not in german["tables"]]
    missing += [f"note {t.key}" for t in report.tables if t.note and t.key not in german["notes"]]
    for table in report.tables:
        missing += [
            f"column {c.key}"
            for c in table.columns
            if c.key not in german["columns"] and c.key not in german["buckets"]
        ]
        if table.key in _ROWS_NAMED_ELSEWHERE or table.key in (words._PROCESS_ROWS, words._BUCKET_ROWS):
            continue
        missing += [
            f"row {table.key}.{r.key}" for r in table.rows if r.key not in german["rows"].get(table.key, {})
        ]
    missing += [f"bucket {b}" for b in BUCKETS if b not in german["buckets"]]
    missing += [f"process {p.key}" for p in reports.config.processes if p.key not in german["processes"]]
    assert sorted(set(missing)) == []


def test_the_window_reads_the_tables_in_german_and_the_report_stays_english(desk, known_decided_late):
    from app.report import words
    from app.report.service import Reports

    report = Reports(desk).build("2026H1")
    enterprise, outcomes = report.table("enterprise"), report.table("outcomes")
    set_display_language("de")
    try:
        assert words.title(report.table("secrecy_orders")) == "Geheimhaltungsanordnungen"
        assert words.column(outcomes.columns[0]) == "Ersuchen"
        above = enterprise.row("above_threshold")
        assert words.row(enterprise, above, seats=report.seat_threshold) == (
            f"Mehr als {report.seat_threshold} Lizenzen"
        )
        assert words.row(outcomes, outcomes.row("pending")) == "Offen"
        assert words.note(enterprise, seats=report.seat_threshold).endswith(
            f"mehr als {report.seat_threshold} Lizenzen gekauft haben."
        )
        by_country = report.table("outcomes_by_country")
        if any(r.key == "DE" for r in by_country.rows):
            assert words.row(by_country, by_country.row("DE")) == "Deutschland"
    finally:
        set_display_language(ENGLISH)
    assert words.title(report.table("secrecy_orders")) == "Secrecy (non-disclosure) orders"
    assert report.table("secrecy_orders").title == "Secrecy (non-disclosure) orders"
    assert words.row(enterprise, enterprise.row("above_threshold"), seats=5) == above.label


def test_the_window_names_a_period_in_german_and_the_report_in_english():
    from app.report import words
    from app.report.periods import half_year

    first, second = half_year(2026, 1), half_year(2026, 2)
    assert words.period_title(first, "de") == "1. Januar – 30. Juni 2026"
    assert words.period_title(second, "de") == "1. Juli – 31. Dezember 2026"
    assert words.period_title(first, ENGLISH) == first.title() == "1 January – 30 June 2026"


def test_the_window_names_grounds_unknown_rows_and_the_national_security_ranges_in_german():
    """The rows a German window names from the pack (a disclosure ground, a legal process the
    pack does not list) and the national-security note, with the width of its ranges."""
    from app.report import words
    from app.report.config import load_config
    from app.report.tables import TableRow, disclosure_tables, national_security_table

    config = load_config()
    by_ground = disclosure_tables([], config)[0]
    emergency = by_ground.row("emergency")
    unlisted = TableRow("rumour", "Unknown ground (rumour)", {})
    by_process = Table("outcomes_by_legal_process", "Demands by legal process", (), ())
    unknown = TableRow("letter_rogatory", "Unknown (letter_rogatory)", {})
    national = national_security_table([], config)
    assert words.row(by_ground, emergency, "de") == "Notfall mit Gefahr für Leib oder Leben (Notfall)"
    assert words.row(by_ground, by_ground.row("crime_victim"), "de") == (
        "Anbieter, Kunde oder Mitarbeiter Opfer einer Straftat (freiwillig)"
    )
    assert words.row(by_ground, unlisted, "de") == "Unbekannter Grund (rumour)"
    assert words.row(by_process, unknown, "de") == "Unbekannt (letter_rogatory)"
    assert words.note(national, "de", band=config.band) == (
        f"Das Gesetz erlaubt, diese Ersuchen nur in Spannen zu je {config.band} zu veröffentlichen; "
        "sie sind nicht in den Summen."
    )
    # The list of a figure's cases names its legal process and outcome the same way.
    assert words.process("search_warrant", "Search warrant", "de") == "Durchsuchungsbeschluss"
    assert words.process("letter_rogatory", "letter_rogatory", "de") == "letter_rogatory"
    assert words.bucket("pending", "Pending", "de") == "Offen"
    assert (
        words.bucket("approved_after_the_fact", "approved_after_the_fact", "de") == "Nachträglich genehmigt"
    )
    assert words.bucket("pending", "Pending", ENGLISH) == "Pending"
    # The report's own words, and English in the window, are as before.
    assert emergency.label == "Emergency involving danger of death or serious physical injury (emergency)"
    assert words.row(by_ground, emergency, ENGLISH) == emergency.label
    assert words.row(by_process, unknown, ENGLISH) == "Unknown (letter_rogatory)"
    assert words.note(national, ENGLISH, band=config.band) == national.note
