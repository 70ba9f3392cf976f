"""Who a real workstation answers for: the first-run Organisation step and Tools ▸ Organisation…."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from tests.ui.test_access import answer_dialogs
from tests.ui.test_review_tabs import _drive_dialogs, _ok
from ui.dialogs.access import SetUpDialog
from ui.dialogs.organisation import OrganisationDialog

pytestmark = pytest.mark.gui

NEW_PIN = "864213"
ENTITIES = "Quokka Mail Inc.\nQuokka Mail Europe B.V."


def _set_up(dialog: QDialog) -> None:
    assert isinstance(dialog, SetUpDialog)
    dialog.workstation.setText("legal-ws-07")
    dialog.reviewer.setText("Grace")
    dialog.pin.setText(NEW_PIN)
    dialog.pin_again.setText(NEW_PIN)
    dialog.use_passphrase.setChecked(True)
    dialog.passphrase.setText("first run passphrase")
    dialog.passphrase_again.setText("first run passphrase")
    dialog._check()


def _fill(name: str = "Quokka Mail", entities: str = ENTITIES) -> Callable[[QDialog], None]:
    def step(dialog: QDialog) -> None:
        assert isinstance(dialog, OrganisationDialog)
        dialog.name.setText(name)
        dialog.entities.setPlainText(entities)
        dialog.address.setPlainText("1 Harbour Road\n\nSydney NSW 2000\nAustralia")
        dialog.contact.setText("Law enforcement requests · lawful@quokka.example")
        dialog.signature_name.setText("Lawful Requests Team")
        dialog.signature_title.setText("Legal")
        _ok(dialog)

    return step


def _letterhead(desk) -> dict:
    from app.letters.service import Letters

    return Letters(desk).letterhead_settings()


def test_setting_up_a_real_workstation_asks_for_the_organisation_and_stores_it(qtbot, tmp_path):
    from app.datadir import DataDir
    from ui.main import first_run, make_application

    make_application()
    shown: list[OrganisationDialog] = []

    def organisation(dialog: QDialog) -> None:
        assert isinstance(dialog, OrganisationDialog)
        assert dialog.first_run and dialog.name.text() == ""  # the example company is not offered
        shown.append(dialog)
        _fill()(dialog)

    answer_dialogs([_set_up, organisation])
    desk = first_run(DataDir(tmp_path / "fresh"))

    assert desk is not None and shown
    try:
        assert desk.provider_entities() == ("Quokka Mail Inc.", "Quokka Mail Europe B.V.")
        head = _letterhead(desk)
        assert (head["organisation"], head["legal_entity"]) == ("Quokka Mail", "Quokka Mail Inc.")
        assert head["address_lines"] == ["1 Harbour Road", "Sydney NSW 2000", "Australia"]
        assert (head["signature_name"], head["signature_title"]) == ("Lawful Requests Team", "Legal")
        actions = [e.action for e in desk.audit_trail()]
        assert {"settings.provider_entities", "settings.letterhead"} <= set(actions)
        assert all(e.reviewer == "Grace" for e in desk.audit_trail() if e.action.startswith("settings."))
    finally:
        desk.close()


def test_the_organisation_step_may_be_skipped_and_says_what_that_means(qtbot, tmp_path):
    from app.datadir import DataDir
    from app.letters.service import DEFAULT_LETTERHEAD
    from ui.main import first_run, make_application

    make_application()
    notes: list[str] = []

    def skip(dialog: QDialog) -> None:
        assert isinstance(dialog, OrganisationDialog)
        assert dialog.note is not None and dialog.note.isVisible()
        notes.append(dialog.note.text())
        assert dialog.skip_button.text() == "Skip for now"
        dialog.skip_button.click()

    answer_dialogs([_set_up, skip])
    desk = first_run(DataDir(tmp_path / "fresh"))

    assert desk is not None  # skipping the step does not undo the set-up
    try:
        assert "example company" in notes[0] and "cannot be exported" in notes[0]
        assert _letterhead(desk)["organisation"] == DEFAULT_LETTERHEAD["organisation"]
        assert desk.provider_entities() == ()
    finally:
        desk.close()


def test_the_demo_workstation_has_no_organisation_step(qtbot, tmp_path, monkeypatch):
    from app import services
    from app.datadir import DataDir
    from app.model import KeyStorage
    from ui.dialogs import organisation

    def never(*_args, **_kwargs):
        raise AssertionError("the Organisation step was shown on the demo")

    monkeypatch.setattr(organisation, "edit_organisation", never)
    desk = services.set_up(
        DataDir(tmp_path / "demo"),
        workstation="demo",
        reviewer="Demo Reviewer",
        pin=NEW_PIN,
        passphrase="demo passphrase",
        key_storage=KeyStorage.PASSPHRASE,
        demo=True,
    )
    try:
        assert organisation.organisation_step(desk) is False
    finally:
        desk.close()


def test_tools_organisation_stores_entities_and_letterhead_and_refuses_what_is_missing(window, qtbot):
    def example_name(dialog: QDialog) -> None:
        _fill(name="Example Online Services")(dialog)

    def no_entities(dialog: QDialog) -> None:
        _fill(entities="  \n")(dialog)

    errors = _drive_dialogs(qtbot, example_name, no_entities, _fill())
    window.organisation_action.trigger()

    assert len(errors) == 2
    assert "example company" in errors[0]
    assert "at least one legal entity" in errors[1]
    desk = window.desk
    assert desk.provider_entities() == ("Quokka Mail Inc.", "Quokka Mail Europe B.V.")
    assert _letterhead(desk)["organisation"] == "Quokka Mail"
    # Shown again as stored, not as placeholders.
    seen: list[tuple[str, str]] = []

    def look(dialog: QDialog) -> None:
        assert isinstance(dialog, OrganisationDialog) and not dialog.first_run
        seen.append((dialog.name.text(), dialog.entities.toPlainText()))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()

    _drive_dialogs(qtbot, look)
    window.organisation_action.trigger()
    assert seen == [("Quokka Mail", ENTITIES)]


def test_a_refused_organisation_stores_nothing(window, qtbot):
    from app import organisation
    from app.services import DeskError

    before = organisation.organisation(window.desk)
    blank = organisation.Organisation("Quokka Mail", ("Quokka Mail Inc.",), (), "", "Team", "")
    with pytest.raises(DeskError, match="address"):
        organisation.set_organisation(window.desk, blank)
    assert organisation.organisation(window.desk) == before
    assert window.desk.provider_entities() == ()
