"""A case's letters: drafted from the decision, edited, finalised (locked), exported and packaged."""

from __future__ import annotations

import hashlib
import io

import pypdf
import pytest

from app import services
from app.letters.service import Letters
from app.review.service import Review
from app.services import DeskError
from tests.app.test_review_service import SUBPOENA, demand_pdf
from tests.conftest import use_our_letterhead

IDENTIFIER = "alice.example@example.com"


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def case_id(desk: services.Desk) -> str:
    return desk.intake(demand_pdf(*SUBPOENA), "subpoena.pdf")


@pytest.fixture
def letters(desk: services.Desk) -> Letters:
    return Letters(desk)


def test_no_letter_before_a_decision(letters, case_id):
    assert letters.allowed_kinds(case_id) == []
    with pytest.raises(DeskError, match="decision first"):
        letters.draft(case_id, "rejection")


def test_a_narrowing_letter_lists_exactly_the_identifiers_in_scope(letters, desk, case_id):
    Review(desk).decide(case_id, "narrow")
    assert "narrowing" in letters.allowed_kinds(case_id)
    letter = letters.draft(case_id, "narrowing")
    assert (letter.status, letter.revision) == ("draft", 1) and IDENTIFIER in letter.body
    text = text_of(letters.render(letter))
    reference = desk.facts(case_id)["reference"]
    assert IDENTIFIER in text and reference in text


def test_a_kind_the_decision_does_not_allow_is_refused(letters, desk, case_id):
    Review(desk).decide(case_id, "reject", ["validity.signed"])
    with pytest.raises(DeskError, match="does not answer a decision to reject"):
        letters.draft(case_id, "disclosure_cover")
    rejection = letters.draft(case_id, "rejection")
    assert rejection.body.strip()


def test_a_final_letter_is_locked_and_a_change_is_a_new_revision(letters, desk, case_id):
    Review(desk).decide(case_id, "narrow")
    draft = letters.draft(case_id, "narrowing")
    edited = letters.edit(draft.id, draft.body + "\n\nWe look forward to your reply.")
    assert edited.id == draft.id and "look forward" in edited.body
    final = letters.finalise(draft.id)
    stored = letters.render(final)
    assert final.final and final.sha256 == hashlib.sha256(stored).hexdigest()
    with pytest.raises(DeskError, match="already final"):
        letters.finalise(draft.id)
    again = letters.edit(draft.id, "A different text.")
    assert (again.revision, again.supersedes, again.status) == (2, draft.id, "draft")
    assert letters.render(letters.letter(draft.id)) == stored  # the final one is unchanged
    actions = [e.action for e in desk.audit_trail(case_id)]
    assert actions.count("letter.finalised") == 1 and "letter.edited" in actions


def test_export_and_package_write_pdfs_and_are_audited(letters, desk, case_id, tmp_path):
    use_our_letterhead(letters)
    Review(desk).decide(case_id, "narrow")
    letter = letters.finalise(letters.draft(case_id, "narrowing").id)
    out = letters.export(letter.id, tmp_path / "out" / "narrowing.pdf")
    assert out.read_bytes() == letters.render(letter)
    package = letters.package(case_id, tmp_path / "package.pdf", with_demand=True)
    pages = pypdf.PdfReader(io.BytesIO(package.read_bytes())).pages
    assert len(pages) >= 2  # the letter and the demand
    reference = desk.facts(case_id)["reference"]
    assert all(reference in (p.extract_text() or "") for p in pages)
    assert {"letter.exported", "letters.packaged"} <= {e.action for e in desk.audit_trail(case_id)}


def test_a_package_prints_the_audit_chain_head_it_was_made_at(letters, desk, case_id, tmp_path):
    use_our_letterhead(letters)
    Review(desk).decide(case_id, "narrow")
    letters.finalise(letters.draft(case_id, "narrowing").id)
    head = desk.store.audit_last()
    package = letters.package(case_id, tmp_path / "package.pdf")
    reader = pypdf.PdfReader(io.BytesIO(package.read_bytes()))
    first = " ".join((reader.pages[0].extract_text() or "").split())
    assert f"Made at audit event {head['seq']}, chain SHA-256 {head['hash']}" in first
    assert reader.metadata["/DemandDeskAuditHead"] == f"{head['seq']}:{head['hash']}"
    packaged = desk.audit_trail(case_id)[-1]
    assert packaged.action == "letters.packaged" and packaged.seq == head["seq"] + 1
    assert packaged.payload["audit_head"] == {"seq": head["seq"], "hash": head["hash"]}
    assert packaged.payload["sha256"] == hashlib.sha256(package.read_bytes()).hexdigest()
    # The head it names is in the trail, and the trail still verifies.
    assert desk.audit_trail()[head["seq"] - 1].hash == head["hash"] and desk.verify_audit().ok


def test_a_package_needs_a_final_letter(letters, desk, case_id, tmp_path):
    Review(desk).decide(case_id, "narrow")
    letters.draft(case_id, "narrowing")
    with pytest.raises(DeskError, match="no final letter"):
        letters.package(case_id, tmp_path / "p.pdf")
    assert not (tmp_path / "p.pdf").exists()


def test_letterhead_settings_are_validated_and_used(letters, desk, case_id):
    with pytest.raises(DeskError, match="Unknown letterhead setting"):
        letters.set_letterhead(colour="blue")
    with pytest.raises(DeskError, match="A4 or Letter"):
        letters.set_letterhead(page_size="A3")
    # A logo with a PNG's header and nothing drawable behind it: refused, not kept to break every letter.
    broken = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000100000001008060000") + bytes(40)
    with pytest.raises(DeskError, match="not a PNG image that can be drawn"):
        letters.set_letterhead(logo_png=broken.hex())
    assert letters.letterhead().logo_png is None
    letters.set_letterhead(organisation="Quokka Mail", page_size="A4")
    Review(desk).decide(case_id, "narrow")
    pdf = letters.render(letters.draft(case_id, "narrowing"))
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]
    assert "Quokka Mail" in (page.extract_text() or "")
    assert round(float(page.mediabox.width)) == 595  # A4


def test_the_reference_number_format_is_used_and_checked(letters, desk, case_id):
    with pytest.raises(DeskError, match="must contain"):
        letters.set_letterhead(reference_format="LERT/{year}")
    with pytest.raises(DeskError, match="only"):
        letters.set_letterhead(reference_format="{reference}/{colour}")
    letters.set_letterhead(reference_format="LERT/{year}/{reference}")
    Review(desk).decide(case_id, "narrow")
    text = text_of(letters.render(letters.draft(case_id, "narrowing")))
    assert f"LERT/{desk.now()[:4]}/{desk.facts(case_id)['reference']}" in text


# -- the package is assembled in a child process, under the reader's limits ----------------


def _flood(operators: int) -> bytes:
    """One page of ``operators`` text-drawing operators: small on disk, slow for pypdf to parse."""
    import zlib

    from tests.app.test_hostile_pdfs import one_page, stream

    body = b"BT /F1 1 Tf " + b"1 0 0 1 10 10 Tm (x) Tj " * operators + b"ET"
    return one_page(stream(b"/Filter /FlateDecode", zlib.compress(body, 9)))


@pytest.mark.parametrize(
    "make, said",
    [
        pytest.param(
            "decompression_bomb", "page 1 of the demand has content that inflates", id="content-bomb"
        ),
        pytest.param("form_bomb", "may be a decompression bomb", id="form-bomb"),
        pytest.param("text_flood", "MB of drawing instructions", id="text-flood"),
    ],
)
def test_a_hostile_stored_demand_ends_the_package_with_a_message(
    letters, desk, case_id, tmp_path, monkeypatch, make, said
):
    """Stored demands passed intake's checks; the package does not rely on that alone."""
    import time

    from tests.app import test_hostile_pdfs

    hostile = _flood(200_000) if make == "text_flood" else getattr(test_hostile_pdfs, make)(b"")
    use_our_letterhead(letters)
    Review(desk).decide(case_id, "narrow")
    letters.finalise(letters.draft(case_id, "narrowing").id)
    monkeypatch.setattr(desk, "document", lambda _case_id: hostile)
    trail = desk.audit_trail(case_id)
    started = time.monotonic()

    with pytest.raises(DeskError, match=said):
        letters.package(case_id, tmp_path / "package.pdf", with_demand=True)

    assert time.monotonic() - started < 15  # in-process, the flood alone took 18-20 s
    assert not (tmp_path / "package.pdf").exists()
    assert desk.audit_trail(case_id) == trail


def test_a_package_that_takes_too_long_is_stopped(monkeypatch):
    import sys

    from app.letters import packageproc
    from app.letters.package import PackageError

    monkeypatch.setattr(
        packageproc, "reader_argv", lambda module: [sys.executable, "-c", "import time; time.sleep(30)"]
    )
    with pytest.raises(PackageError, match="took longer than 1 s"):
        packageproc.package_isolated([b"%PDF-1.4"], None, "R", timeout=1)


def test_a_package_child_that_dies_is_a_message(monkeypatch):
    import sys

    from app.letters import packageproc
    from app.letters.package import PackageError

    monkeypatch.setattr(
        packageproc, "reader_argv", lambda module: [sys.executable, "-c", "raise SystemExit(9)"]
    )
    with pytest.raises(PackageError, match="may be damaged or hostile"):
        packageproc.package_isolated([b"%PDF-1.4"], None, "R")
