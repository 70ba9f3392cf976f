"""Tools ▸ Reviewers…: an administrator's PIN for every change, the newcomer's own PIN."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from app.reviewers import Role
from tests.ui.conftest import GUI_PIN
from tests.ui.test_access import answer_dialogs
from ui.dialogs.reviewers import EnrolDialog, ReviewersDialog


def _enrol(name: str, pin: str, admin_pin: str, role: Role = Role.REVIEWER):
    def step(dialog: QDialog) -> None:
        assert isinstance(dialog, EnrolDialog)
        dialog.admin.pin.setText(admin_pin)
        dialog.name.setText(name)
        dialog.role.setCurrentIndex(dialog.role.findData(role.value))
        dialog.pin.setText(pin)
        dialog.pin_again.setText(pin)
        dialog._check()

    return step


def _cancel(dialog: QDialog) -> None:
    dialog.reject()


def test_enrolling_needs_the_administrators_pin_and_a_wrong_one_changes_nothing(window, qtbot):
    desk = window.desk
    roster = ReviewersDialog(desk, window)
    qtbot.addWidget(roster)
    events = len(desk.audit_trail())
    errors = answer_dialogs([_enrol("Grace", "424242", "000001"), _cancel])
    roster.enrol()
    assert errors and "administrator's PIN" in errors[0]
    assert [r.name for r in desk.reviewers()] == ["Ada"]
    assert len(desk.audit_trail()) == events

    answer_dialogs([_enrol("Grace", "424242", GUI_PIN, Role.SENIOR)])
    roster.enrol()
    assert [(r.name, r.role) for r in desk.reviewers()] == [
        ("Ada", Role.ADMINISTRATOR),
        ("Grace", Role.SENIOR),
    ]
    assert roster.model.item(1, 2).text() == "Ada"  # enrolled by
    assert "Enrolled Grace" in roster.message.text()
    assert desk.reviewer.name == "Ada"  # enrolling signs nobody in


def test_a_reviewer_signed_in_can_enrol_only_with_an_administrator_walking_up(window, qtbot):
    desk = window.desk
    desk.add_reviewer("Bob", "135790", admin_pin=GUI_PIN)
    desk.sign_in("Bob", "135790")
    roster = ReviewersDialog(desk, window)
    qtbot.addWidget(roster)
    seen: list[list[str]] = []

    def offered(dialog: QDialog) -> None:
        seen.append([dialog.admin.name.itemText(i) for i in range(dialog.admin.name.count())])
        _enrol("Mallory", "999990", "135790")(dialog)  # Bob's own PIN under Ada's name

    errors = answer_dialogs([offered, _cancel])
    roster.enrol()
    assert seen == [["Ada"]]  # only administrators are offered
    assert errors and "not Ada's" in errors[0]
    assert "Mallory" not in [r.name for r in desk.reviewers()]


def test_a_look_alike_name_is_refused_in_the_dialog(window, qtbot):
    roster = ReviewersDialog(window.desk, window)
    qtbot.addWidget(roster)
    errors = answer_dialogs([_enrol("\u0410da", "424242", GUI_PIN), _cancel])
    roster.enrol()
    assert errors and "looks like the existing reviewer 'Ada'" in errors[0]


def test_changing_a_role_and_removing_need_the_administrators_pin(window, qtbot):
    desk = window.desk
    desk.add_reviewer("Bob", "135790", admin_pin=GUI_PIN)
    roster = ReviewersDialog(desk, window)
    qtbot.addWidget(roster)
    roster.table.selectRow(1)
    assert roster.selected() == "Bob"

    def promote(pin: str):
        def step(dialog: QDialog) -> None:
            dialog.role.setCurrentIndex(dialog.role.findData(Role.SENIOR.value))
            dialog.admin.pin.setText(pin)
            dialog.accept()

        return step

    errors = answer_dialogs([promote("000001"), promote(GUI_PIN)])
    roster.change_role()
    assert errors and "not Ada's" in errors[0]
    assert [r.role for r in desk.reviewers()] == [Role.ADMINISTRATOR, Role.SENIOR]
    assert "Bob is now a senior reviewer" in roster.message.text()

    def remove(dialog: QDialog) -> None:
        dialog.admin.pin.setText(GUI_PIN)
        dialog.accept()

    roster.table.selectRow(1)
    answer_dialogs([remove])
    roster.remove()
    assert [r.name for r in desk.reviewers()] == ["Ada"]
    assert roster.model.item(1, 3).text().startswith("Left")


def test_a_reviewer_enrolled_on_another_workstation_sets_a_pin_here(window, qtbot):
    from datetime import UTC, datetime

    from app import roster_log
    from app.roster import Action, RosterEvent

    desk = window.desk
    came = RosterEvent.new(
        after=roster_log.events(desk.store),
        at=datetime.now(UTC).isoformat(),
        workstation="wsA",
        actor="Ada",
        action=Action.ENROLLED,
        name="Grace",
        role=Role.SENIOR,
    )
    with desk.store.atomic():
        # As the team key file's roster brings it: checked already (sync checks signatures).
        roster_log.merge_trusted(desk.store, [came], here=desk.workstation)
    roster = ReviewersDialog(desk, window)
    qtbot.addWidget(roster)
    assert roster.model.item(1, 3).text() == "Present · from wsA · no PIN here yet"
    roster.table.selectRow(1)

    def set_pin(dialog: QDialog) -> None:
        assert isinstance(dialog, EnrolDialog)
        assert (dialog.name.text(), dialog.name.isReadOnly(), dialog.role.isEnabled()) == (
            "Grace",
            True,
            False,
        )
        dialog.admin.pin.setText(GUI_PIN)
        dialog.pin.setText("424242")
        dialog.pin_again.setText("424242")
        dialog._check()

    answer_dialogs([set_pin])
    roster.admit_here()
    assert "Grace may now sign in here, as senior reviewer" in roster.message.text()
    assert desk.check_pin("Grace", "424242").role is Role.SENIOR
    assert roster.model.item(1, 3).text() == "Present · from wsA"
