"""What leaves the workstation keeps its own language (issue 20, point 7): a German window
changes no byte of a report export and no word of the command line's output."""

from __future__ import annotations

from app.display_language import ENGLISH, set_display_language


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
