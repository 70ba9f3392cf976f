"""What may not leave the desk yet (issue 15): a notice under a secrecy order, anything that
discloses before its approval, a final letter on the example letterhead — and drafts that
leave are marked DRAFT. Every refusal leaves nothing behind: no file, no letter made
final, no audit event."""

from __future__ import annotations

import dataclasses
import io
from datetime import UTC, date, datetime, time

import pypdf
import pytest

from app import services
from app.letters.service import Letters
from app.review.service import Review
from app.schedule.service import Schedule
from app.services import DeskError
from tests.app.test_review_service import OTHER, OTHER_PIN, SUBPOENA, demand_pdf
from tests.conftest import PIN, use_our_letterhead
from tests.review_support import answer_blocking_pass

STATUTE = "18 U.S.C. § 2705(b)"
ISSUED = date(2026, 11, 11)
ENDS = date(2027, 5, 11)


def text_of(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def at(desk: services.Desk, day: date) -> None:
    """Set the desk's clock to noon (UTC) on ``day``."""
    desk.clock = lambda: datetime.combine(day, time(12), tzinfo=UTC)


@pytest.fixture
def letters(desk: services.Desk) -> Letters:
    use_our_letterhead(Letters(desk))
    return Letters(desk)


@pytest.fixture
def case_id(desk: services.Desk) -> str:
    """A decided case (seek narrowing: no approval involved) that names one user."""
    at(desk, date(2026, 12, 11))
    case_id = desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")
    Review(desk).decide(case_id, "narrow")
    return case_id


def gag(desk: services.Desk, case_id: str, *, until: date | None = ENDS, covers: str = "both") -> None:
    Schedule(desk).record_order(
        case_id, issued=ISSUED, expires=until, statute=STATUTE, reason="page 2 of the subpoena", covers=covers
    )


def trail(desk: services.Desk, case_id: str) -> list[str]:
    return [e.action for e in desk.audit_trail(case_id)]


# ------------------------------------------------------------------------------ secrecy orders


def test_a_user_notice_under_a_gag_may_be_prepared_but_not_finalised_or_exported(
    desk, letters, case_id, tmp_path
):
    gag(desk, case_id)
    draft = letters.draft(case_id, "user_notice")  # preparing it tells no one
    before = trail(desk, case_id)

    with pytest.raises(DeskError) as refused:
        letters.finalise(draft.id)
    message = str(refused.value)
    assert STATUTE in message and "2027-05-11" in message and "\n" not in message
    assert "user" in message
    with pytest.raises(DeskError, match="2705"):
        letters.export(draft.id, tmp_path / "notice-draft.pdf")
    with pytest.raises(DeskError, match="2705"):
        letters.issue(case_id, "user_notice", tmp_path / "notice.pdf", final=True)

    assert not (tmp_path / "notice-draft.pdf").exists() and not (tmp_path / "notice.pdf").exists()
    assert [x.status for x in letters.letters(case_id)] == ["draft"]  # no second draft, nothing final
    assert trail(desk, case_id) == before


def test_an_open_ended_order_holds_notice_until_further_order(desk, letters, case_id, tmp_path):
    gag(desk, case_id, until=None)
    at(desk, date(2031, 1, 1))  # years later, it still holds
    with pytest.raises(DeskError) as refused:
        letters.issue(case_id, "user_notice", tmp_path / "notice.pdf", final=True)
    assert "until further order" in str(refused.value) and STATUTE in str(refused.value)
    assert letters.letters(case_id) == []
    # The letter prepared meanwhile does not pretend the order has ended.
    body = letters.draft(case_id, "delayed_notice").body
    assert "remains in force until further order" in body
    assert "order ended" not in body and "order has ended, and" not in body


@pytest.mark.parametrize(
    ("day", "allowed"),
    [(date(2027, 5, 10), False), (date(2027, 5, 11), True), (date(2027, 5, 12), True)],
    ids=["day-before", "the-day", "day-after"],
)
def test_the_delayed_notice_is_available_from_the_day_the_order_ends(
    desk, letters, case_id, tmp_path, day, allowed
):
    gag(desk, case_id)
    at(desk, day)
    out = tmp_path / "delayed.pdf"
    if not allowed:
        with pytest.raises(DeskError, match="2027-05-11"):
            letters.issue(case_id, "delayed_notice", out, final=True)
        assert not out.exists() and letters.letters(case_id) == []
        body = letters.draft(case_id, "delayed_notice").body
        assert "ended on" not in body and "remains in force until 11 May 2027" in body
        return
    letter = letters.issue(case_id, "delayed_notice", out, final=True)
    assert letter.final and out.exists()
    assert "That order ended on 11 May 2027" in letter.body
    assert "letter.exported" in trail(desk, case_id)


def test_the_german_delayed_notice_speaks_of_the_end_only_once_it_came(desk, letters, case_id):
    gag(desk, case_id)
    at(desk, date(2027, 5, 10))
    before = letters.draft(case_id, "delayed_notice", "de").body
    assert "Anordnung ist am" not in before and "ist inzwischen ausgelaufen" not in before
    assert "gilt noch bis zum" in before
    at(desk, date(2027, 5, 11))
    assert "ist am 11. Mai 2027 ausgelaufen" in letters.draft(case_id, "delayed_notice", "de").body


def test_a_lifted_order_lets_notice_go_that_day(desk, letters, case_id, tmp_path):
    gag(desk, case_id, until=None)
    Schedule(desk).lift_order(case_id, date(2026, 12, 11))
    letter = letters.issue(case_id, "user_notice", tmp_path / "notice.pdf", final=True)
    assert letter.final and (tmp_path / "notice.pdf").exists()
    delayed = letters.draft(case_id, "delayed_notice").body
    assert "That order ended on 11 December 2026" in delayed


def test_a_successful_challenge_lets_notice_go_and_a_pending_one_does_not(desk, letters, case_id, tmp_path):
    gag(desk, case_id)
    schedule = Schedule(desk)
    schedule.record_challenge(case_id, date(2026, 12, 1))  # pending: the order still holds
    with pytest.raises(DeskError, match="2705"):
        letters.issue(case_id, "user_notice", tmp_path / "notice.pdf", final=True)
    with pytest.raises(DeskError, match="Say how the challenge ended"):
        schedule.record_challenge(case_id, date(2026, 12, 10), succeeded=True)
    schedule.record_challenge(case_id, date(2026, 12, 10), "order vacated by the magistrate", succeeded=True)
    assert letters.issue(case_id, "user_notice", tmp_path / "notice.pdf", final=True).final
    event = desk.audit_trail(case_id)[-4]
    assert event.action == "secrecy.challenged" and event.payload["succeeded"] is True


def test_an_order_that_covers_only_the_enterprise_does_not_hold_the_users_notice(
    desk, letters, case_id, tmp_path
):
    gag(desk, case_id, covers="enterprise")
    assert letters.issue(case_id, "user_notice", tmp_path / "user.pdf", final=True).final
    with pytest.raises(DeskError, match="Notice to the enterprise waits"):
        letters.issue(case_id, "enterprise_notice", tmp_path / "enterprise.pdf", final=True)


def test_a_package_that_would_hold_a_gagged_notice_is_refused_naming_why(desk, letters, case_id, tmp_path):
    notice = letters.finalise(letters.draft(case_id, "user_notice").id)  # before the order was known
    letters.finalise(letters.draft(case_id, "narrowing").id)
    gag(desk, case_id)
    before = trail(desk, case_id)
    with pytest.raises(DeskError) as refused:
        letters.package(case_id, tmp_path / "package.pdf")
    assert "user notice" in str(refused.value) and STATUTE in str(refused.value)
    with pytest.raises(DeskError, match="2705"):
        letters.export(notice.id, tmp_path / "notice.pdf")
    assert list(tmp_path.glob("*.pdf")) == [] and trail(desk, case_id) == before


def test_the_dates_view_says_why_notice_waits(desk, case_id):
    gag(desk, case_id, until=None)
    view = Schedule(desk).case_schedule(case_id)
    assert (
        view.notice_held is not None and STATUTE in view.notice_held and "further order" in view.notice_held
    )
    Schedule(desk).lift_order(case_id, date(2026, 12, 11))
    assert Schedule(desk).case_schedule(case_id).notice_held is None


def test_an_emergency_exception_is_recorded_with_its_reason_not_guessed(desk, case_id):
    schedule = Schedule(desk)
    with pytest.raises(DeskError, match="notice exception is one of"):
        schedule.record_notice_exception(case_id, "inconvenient", "the agent asked nicely")
    with pytest.raises(DeskError, match="Say why"):
        schedule.record_notice_exception(case_id, "danger", " ")
    schedule.record_notice_exception(case_id, "danger", "threats against the victim, see page 2")
    event = desk.audit_trail(case_id)[-1]
    assert event.action == "notice.withheld" and event.payload["exception_kind"] == "danger"


# ------------------------------------------------------------------------------ approval


def test_nothing_that_discloses_leaves_before_approval_and_all_of_it_may_after(
    desk, letters, case_id, tmp_path
):
    desk.add_reviewer(OTHER, OTHER_PIN, admin_pin=PIN)
    review = Review(desk)
    letters.finalise(letters.draft(case_id, "narrowing").id)  # a final letter a package could hold
    answer_blocking_pass(review, case_id)
    review.decide(case_id, "disclose_noncontent")
    cover = letters.draft(case_id, "disclosure_cover")
    before = trail(desk, case_id)

    for attempt in (
        lambda: letters.finalise(cover.id),
        lambda: letters.export(cover.id, tmp_path / "cover.pdf"),
        lambda: letters.issue(case_id, "disclosure_cover", tmp_path / "cover.pdf", final=True),
        lambda: letters.package(case_id, tmp_path / "package.pdf", with_demand=True),
    ):
        with pytest.raises(DeskError, match="Nothing leaves before approval") as refused:
            attempt()
        assert "disclose noncontent" in str(refused.value) and "second reviewer" in str(refused.value)
    assert list(tmp_path.glob("*.pdf")) == [] and trail(desk, case_id) == before
    assert not letters.letter(cover.id).final

    review.approve(case_id, OTHER, OTHER_PIN)
    assert letters.finalise(cover.id).final
    assert letters.export(cover.id, tmp_path / "cover.pdf").exists()
    assert letters.package(case_id, tmp_path / "package.pdf", with_demand=True).exists()


# ------------------------------------------------------------------------------ letterhead and DRAFT


def test_a_final_letter_leaves_a_real_workstation_only_on_its_own_letterhead(desk, case_id, tmp_path):
    letters = Letters(desk)  # the example letterhead the workstation was set up with
    final = letters.finalise(letters.draft(case_id, "narrowing").id)  # finalising stays in the desk
    before = trail(desk, case_id)
    with pytest.raises(DeskError) as refused:
        letters.export(final.id, tmp_path / "final.pdf")
    assert "Tools ▸ Letterhead" in str(refused.value) and "demand-desk letterhead --set" in str(refused.value)
    with pytest.raises(DeskError, match="letterhead"):
        letters.package(case_id, tmp_path / "package.pdf")
    with pytest.raises(DeskError, match="letterhead"):
        letters.issue(case_id, "narrowing", tmp_path / "again.pdf", final=True)
    assert list(tmp_path.glob("*.pdf")) == [] and trail(desk, case_id) == before
    assert len(letters.letters(case_id)) == 1

    letters.set_letterhead(organisation="Quokka Mail")  # the legal entity is still the example's
    with pytest.raises(DeskError, match="legal entity is still"):
        letters.export(final.id, tmp_path / "final.pdf")
    letters.set_letterhead(legal_entity="Quokka Mail GmbH")
    assert letters.export(final.id, tmp_path / "final.pdf").exists()


def test_a_draft_leaves_the_example_letterhead_with_its_mark_and_the_demo_sends_finals(
    desk, case_id, tmp_path
):
    letters = Letters(desk)
    draft = letters.draft(case_id, "narrowing")
    assert letters.export(draft.id, tmp_path / "draft.pdf").exists()
    desk.config = dataclasses.replace(desk.config, demo=True)
    final = letters.finalise(draft.id)
    assert letters.export(final.id, tmp_path / "final.pdf").exists()


def test_an_exported_draft_is_marked_on_every_page_and_in_its_metadata_and_a_final_is_not(
    letters, case_id, tmp_path
):
    draft = letters.draft(case_id, "narrowing")
    long_body = draft.body + "\n\n" + "\n\n".join(f"Paragraph {i}: " + "more words " * 50 for i in range(25))
    draft = letters.edit(draft.id, long_body)
    reader = pypdf.PdfReader(letters.export(draft.id, tmp_path / "draft.pdf"))
    assert len(reader.pages) >= 2
    assert all("DRAFT" in (page.extract_text() or "") for page in reader.pages)
    meta = reader.metadata
    assert meta is not None and meta.title.startswith("DRAFT – ") and meta["/Keywords"] == "draft"

    final = letters.finalise(draft.id)
    reader = pypdf.PdfReader(letters.export(final.id, tmp_path / "final.pdf"))
    assert not any("DRAFT" in (page.extract_text() or "") for page in reader.pages)
    assert reader.metadata is not None and "DRAFT" not in (reader.metadata.title or "")
    assert reader.metadata.get("/Keywords", "") != "draft"
