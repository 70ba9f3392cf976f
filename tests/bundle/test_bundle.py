"""A case bundle: one case version as a zip inside age, readable with the standard tools,
refused whole when anything in it does not check out."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pyrage
import pytest

from app.bundle import pack as bundle_pack
from app.bundle.format import BundleError, Manifest
from app.bundle.service import Received
from app.letters.service import Letters
from app.review.service import Review
from app.schedule.service import Schedule
from db import case_copy
from tests.app.test_no_plaintext import needles
from tests.sync.stations import comparable, event_ids


def full_case(desk, pdf: bytes) -> str:
    """A case with rows in as many tables as the services fill: review, decision, letter, schedule."""
    case_id = desk.intake(pdf, "grand-jury-subpoena.pdf")
    review = Review(desk)
    review.set_context(case_id, "enterprise_customer", False)
    review.answer(case_id, "validity.signed", "pass", "signature checked against the court's register")
    review.decide(case_id, "narrow")
    letters = Letters(desk)
    letters.finalise(letters.draft(case_id, "narrowing").id)
    schedule = Schedule(desk)
    schedule.extend_deadline(case_id, date(2026, 12, 31), "the requester agreed a later date")
    schedule.record_notice_exception(case_id, "danger", "the user threatened the victim")
    return case_id


@pytest.fixture
def case_a(station_a, canary_pdf) -> str:
    return full_case(station_a.desk, canary_pdf)


@pytest.fixture
def exported(tmp_path, station_a, team_file, case_a) -> Path:
    return station_a.bundles.export_case(case_a, tmp_path / "out")


def identity_file(station, tmp_path: Path) -> Path:
    """The team key as an age identity file (plaintext: the test's own key, in its own folder)."""
    path = tmp_path / "identity.txt"
    path.write_text("\n".join(str(i) for i in station.team.identities()) + "\n")
    return path


def test_every_table_that_holds_case_data_travels_in_a_bundle(station_a):
    in_schema = case_copy.case_tables(station_a.desk.store)
    carried = {t.name for t in case_copy.TABLES}
    assert in_schema - carried <= set(case_copy.NOT_CASE_DATA), (
        "a table with case rows is neither carried nor excused"
    )


@pytest.mark.skipif(not shutil.which("age") or not shutil.which("unzip"), reason="needs age and unzip")
def test_a_bundle_opens_with_the_age_command_and_unzip(tmp_path, station_a, exported, case_a, canary_pdf):
    plain = tmp_path / "plain.zip"
    done = subprocess.run(
        ["age", "--decrypt", "-i", str(identity_file(station_a, tmp_path)), "-o", str(plain), str(exported)],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    listing = subprocess.run(["unzip", "-l", str(plain)], capture_output=True, text=True, check=True).stdout
    for name in ("manifest.json", "case.json", "demand.pdf", "audit.jsonl", "letters/"):
        assert name in listing
    manifest = json.loads(
        subprocess.run(["unzip", "-p", str(plain), "manifest.json"], capture_output=True, check=True).stdout
    )
    assert manifest["format"] == 2 and manifest["case_id"] == case_a
    assert manifest["signature"]["workstation"] == "wsA"
    assert manifest["parent_version_id"] is None and manifest["workstation"] == "wsA"
    with zipfile.ZipFile(plain) as zf:
        assert {i.compress_type for i in zf.infolist()} == {zipfile.ZIP_STORED}
        assert zf.read("demand.pdf") == canary_pdf
        for name, entry in manifest["members"].items():
            body = zf.read(name)
            assert (len(body), hashlib.sha256(body).hexdigest()) == (entry["size"], entry["sha256"])
        case = json.loads(zf.read("case.json"))
        assert case["tables"]["cases"][0]["id"] == case_a
        assert case["tables"]["decisions"][0]["outcome"] == "narrow"
        events = [json.loads(line) for line in zf.read("audit.jsonl").splitlines()]
        assert {e["action"] for e in events} >= {"case.intake", "decision.made", "letter.finalised"}


def test_export_writes_only_ciphertext(tmp_path, exported, canary_pdf, canary, private_tempdir, find_leaks):
    assert exported.read_bytes().startswith(b"age-encryption.org/v1\n")
    assert find_leaks(needles(canary_pdf, canary.text, canary.email), exported.parent, private_tempdir) == []
    assert list(private_tempdir.iterdir()) == []


def test_import_rebuilds_the_case_row_for_row_with_its_audit_events(station_a, station_b, exported, case_a):
    bundle, outcome = station_b.bundles.import_file(exported)
    assert outcome is Received.ADDED
    assert comparable(station_b.desk, case_a) == comparable(station_a.desk, case_a)
    assert station_b.desk.facts(case_a) == station_a.desk.facts(case_a)
    assert station_b.desk.document(case_a) == station_a.desk.document(case_a)
    assert station_b.desk.search("subscriber") == [case_a]
    # Each event keeps its identity (its hash on A) and joins B's own chain.
    assert event_ids(station_b.desk, case_a) == event_ids(station_a.desk, case_a)
    assert station_b.desk.verify_audit().ok and station_a.desk.verify_audit().ok
    # Importing the same file again changes nothing.
    before = len(station_b.desk.audit_trail())
    assert station_b.bundles.import_file(exported)[1] is Received.ALREADY
    assert len(station_b.desk.audit_trail()) == before


def _unchanged(station, action):
    """Run action expecting a refusal; the store must hold exactly what it held before."""
    desk = station.desk
    before = (desk.cases(), len(desk.audit_trail()), desk.store.get_setting("audit_head"))
    with pytest.raises(BundleError) as refused:
        action()
    assert (desk.cases(), len(desk.audit_trail()), desk.store.get_setting("audit_head")) == before
    return str(refused.value)


def _reseal(station, plain: bytes, out: Path) -> Path:
    """Encrypt altered contents with the real team key: only the checks inside can catch it."""
    out.write_bytes(pyrage.encrypt(plain, [station.team.current_recipient()]))
    return out


def _rezip(plain: bytes, change, signer=None) -> bytes:
    """The zip with ``change`` made to its members; signed again with ``signer`` (as a hostile or
    broken workstation would sign what it sends) so that the checks behind the signature are reached."""
    with zipfile.ZipFile(io.BytesIO(plain)) as zf:
        members = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    change(members)
    if signer is not None:
        _resign(members, signer)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    return buf.getvalue()


def _resign(members, signer) -> None:
    try:
        doc = json.loads(members["manifest.json"])
        manifest = Manifest.from_json(doc)
    except (ValueError, RecursionError, BundleError):
        return  # refused before any signature is looked at
    doc["signature"] = dict(doc["signature"], ed25519=signer.sign(manifest.signed_bytes()))
    members["manifest.json"] = json.dumps(doc).encode()


@pytest.fixture
def signer(station_a):
    """Workstation A's signing key: crafted bundles below are A's own, sent by a hostile A."""
    return station_a.team.signing()


def _plain(station, path: Path) -> bytes:
    return bundle_pack.decrypt(path.read_bytes(), station.team.identities())


def test_a_flipped_byte_is_refused_and_changes_nothing(tmp_path, station_b, exported):
    data = bytearray(exported.read_bytes())
    data[len(data) // 2] ^= 0xFF
    bad = tmp_path / "flipped.ddb"
    bad.write_bytes(bytes(data))
    reason = _unchanged(station_b, lambda: station_b.bundles.import_file(bad))
    assert "does not decrypt" in reason


def test_a_truncated_bundle_is_refused(tmp_path, station_b, exported):
    bad = tmp_path / "truncated.ddb"
    bad.write_bytes(exported.read_bytes()[: exported.stat().st_size // 2])
    assert "truncated" in _unchanged(station_b, lambda: station_b.bundles.import_file(bad))


def test_a_member_that_does_not_match_the_manifest_hash_is_refused(tmp_path, station_b, exported):
    def swap_demand(members):
        members["demand.pdf"] = members["demand.pdf"].replace(b"Matter", b"Mutter")

    bad = _reseal(station_b, _rezip(_plain(station_b, exported), swap_demand), tmp_path / "swapped.ddb")
    reason = _unchanged(station_b, lambda: station_b.bundles.import_file(bad))
    assert "demand.pdf does not match the SHA-256 in its manifest" in reason


def _with_manifest(members, **changes):
    manifest = json.loads(members["manifest.json"]) | changes
    members["manifest.json"] = json.dumps(manifest).encode()


def _rehash(members, name, body):
    members[name] = body
    manifest = json.loads(members["manifest.json"])
    manifest["members"][name] = {"sha256": hashlib.sha256(body).hexdigest(), "size": len(body)}
    members["manifest.json"] = json.dumps(manifest).encode()


def test_an_altered_audit_event_is_refused_even_with_matching_hashes(tmp_path, station_b, exported, signer):
    def alter(members):
        lines = members["audit.jsonl"].splitlines()
        event = json.loads(lines[0])
        event["reviewer"] = "Mallory"
        lines[0] = json.dumps(event).encode()
        _rehash(members, "audit.jsonl", b"\n".join(lines) + b"\n")

    bad = _reseal(station_b, _rezip(_plain(station_b, exported), alter, signer), tmp_path / "altered.ddb")
    assert "was altered" in _unchanged(station_b, lambda: station_b.bundles.import_file(bad))


def test_rows_that_reach_into_another_case_are_refused(tmp_path, station_b, exported, signer):
    def retarget(members):
        case = json.loads(members["case.json"])
        case["tables"]["facts"][0]["case_id"] = "0123456789abcdef"
        _rehash(members, "case.json", json.dumps(case).encode())

    bad = _reseal(station_b, _rezip(_plain(station_b, exported), retarget, signer), tmp_path / "retarget.ddb")
    assert "belong to another case" in _unchanged(station_b, lambda: station_b.bundles.import_file(bad))


def test_a_bundle_from_a_newer_format_or_schema_asks_for_an_update(tmp_path, station_b, exported, signer):
    plain = _plain(station_b, exported)
    newer_format = _reseal(
        station_b, _rezip(plain, lambda m: _with_manifest(m, format=3), signer), tmp_path / "format2.ddb"
    )
    assert "update this workstation" in _unchanged(
        station_b, lambda: station_b.bundles.import_file(newer_format)
    )
    newer_schema = _reseal(
        station_b, _rezip(plain, lambda m: _with_manifest(m, schema=999), signer), tmp_path / "schema999.ddb"
    )
    assert "update this workstation" in _unchanged(
        station_b, lambda: station_b.bundles.import_file(newer_schema)
    )


def test_an_unexpected_file_in_the_zip_is_refused(tmp_path, station_b, exported):
    def smuggle(members):
        members["../../.bashrc"] = b"echo owned"

    bad = _reseal(station_b, _rezip(_plain(station_b, exported), smuggle), tmp_path / "smuggle.ddb")
    assert "unexpected file" in _unchanged(station_b, lambda: station_b.bundles.import_file(bad))


def test_a_bundle_for_another_team_is_refused(tmp_path, station_b, exported):
    stranger = pyrage.x25519.Identity.generate()
    bad = tmp_path / "stranger.ddb"
    bad.write_bytes(pyrage.encrypt(b"PK whatever", [stranger.to_public()]))
    assert "none of this workstation's team keys" in _unchanged(
        station_b, lambda: station_b.bundles.import_file(bad)
    )


# -- hostile bundles: each is refused with its reason, nothing changes, nothing crashes ----


def _case_json(change):
    def edit(members):
        case = json.loads(members["case.json"])
        change(case["tables"])
        _rehash(members, "case.json", json.dumps(case).encode())

    return edit


def _deep(n: int) -> str:
    return "[" * n + "]" * n


def _first_event(change):
    def edit(members):
        lines = members["audit.jsonl"].splitlines()
        lines[0] = change(lines[0])
        _rehash(members, "audit.jsonl", b"\n".join(lines) + b"\n")

    return edit


def _raw_manifest(change):
    def edit(members):
        members["manifest.json"] = change(members["manifest.json"])

    return edit


def _duplicate_revision(tables):
    tables["decisions"].append(dict(tables["decisions"][0], id=999))


HOSTILE = {
    "manifest-nested": (_raw_manifest(lambda m: _deep(100_000).encode()), "manifest"),
    "case-nested": (
        lambda m: _rehash(m, "case.json", ('{"schema": 1, "tables": ' + _deep(100_000) + "}").encode()),
        "case data",
    ),
    "event-nested": (
        _first_event(lambda line: line[:-1] + b', "extra": ' + _deep(100_000).encode() + b"}"),
        "audit event 1",
    ),
    "schema-1e400": (
        _raw_manifest(lambda m: m.replace(b'"schema": ', b'"schema": 1e400, "x": ')),
        "manifest",
    ),
    "seq-1e400": (_first_event(lambda line: line.replace(b'"seq":', b'"seq":1e400,"y":')), "audit event 1"),
    "duplicate-revision": (_case_json(_duplicate_revision), "case data"),
    "null-received-at": (_case_json(lambda t: t["cases"][0].update(received_at=None)), "received_at"),
    "fact-not-json": (_case_json(lambda t: t["facts"][0].update(value="{not json")), "facts.value"),
    "fact-nested-json": (_case_json(lambda t: t["facts"][0].update(value=_deep(5_000))), "facts.value"),
    "int-overflow": (_case_json(lambda t: t["decisions"][0].update(revision=2**70)), "out of range"),
    "unknown-column": (_case_json(lambda t: t["facts"][0].update(smuggled="x")), "smuggled"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_crafted_bundle_is_refused_with_its_reason_and_changes_nothing(
    tmp_path, station_b, exported, signer, name
):
    change, said = HOSTILE[name]
    bad = _reseal(station_b, _rezip(_plain(station_b, exported), change, signer), tmp_path / f"{name}.ddb")
    reason = _unchanged(station_b, lambda: station_b.bundles.import_file(bad))
    assert said in reason, reason


def test_overlapping_zip_members_are_refused_before_they_are_read(tmp_path, station_b, exported):
    """Many central-directory entries pointing at one stored member: reading each copy would
    multiply the bundle's size many times over in memory."""
    plain = _plain(station_b, exported)
    with zipfile.ZipFile(io.BytesIO(plain)) as zf:
        infos = zf.infolist()
    demand = next(i for i in infos if i.filename == "demand.pdf")
    # Append 500 more central-directory entries that all point at demand.pdf's data.
    start = min(i.header_offset for i in infos if i.filename != "manifest.json")
    cd_offset = plain.rindex(b"PK\x01\x02", 0, plain.rindex(b"PK\x05\x06"))
    cd_offset = plain.index(b"PK\x01\x02")
    central = plain[cd_offset : plain.rindex(b"PK\x05\x06")]
    import struct

    extra = b""
    for n in range(500):
        name = f"documents/{n + 1000}.pdf".encode()
        extra += (
            struct.pack(
                "<4s6H3L5H2L",
                b"PK\x01\x02",
                20,
                20,
                0,
                0,
                0,
                0,
                demand.CRC,
                demand.compress_size,
                demand.file_size,
                len(name),
                0,
                0,
                0,
                0,
                0,
                demand.header_offset,
            )
            + name
        )
    entries = len(infos) + 500
    end = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, entries, entries, len(central) + len(extra), cd_offset, 0
    )
    bomb = plain[:cd_offset] + central + extra + end
    assert start >= 0
    bad = _reseal(station_b, bomb, tmp_path / "overlap.ddb")
    reason = _unchanged(station_b, lambda: station_b.bundles.import_file(bad))
    assert "overlap" in reason


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (lambda b: b"X" + b[1:], "not an age-encrypted file"),
        (lambda b: b.replace(b"-> X25519 ", b"-> Y25519 ", 1), "age header is damaged"),
    ],
    ids=["magic", "stanza"],
)
def test_a_damaged_age_header_is_named_as_such(tmp_path, station_b, exported, damage, said):
    bad = tmp_path / "damaged.ddb"
    bad.write_bytes(damage(exported.read_bytes()))
    assert said in _unchanged(station_b, lambda: station_b.bundles.import_file(bad))


# -- PDFs inside a bundle pass intake's reader checks --------------------------------------


def _swap_pdf(member: str, table: str, body: bytes):
    """Put ``body`` where the bundle had ``member``, with every hash made to match."""

    def edit(members):
        case = json.loads(members["case.json"])
        for row in case["tables"][table]:
            if row.get("pdf") == member:
                row["sha256"] = hashlib.sha256(body).hexdigest()
        _rehash(members, "case.json", json.dumps(case).encode())
        _rehash(members, member, body)

    return edit


@pytest.mark.parametrize(
    "make, said",
    [
        pytest.param("decompression_bomb", "may be a decompression bomb", id="content-bomb"),
        pytest.param("form_bomb", "may be a decompression bomb", id="form-bomb"),
        pytest.param("huge_image", "megapixels", id="huge-image"),
        pytest.param("not_a_pdf", "not a PDF", id="not-a-pdf"),
    ],
)
def test_a_hostile_demand_pdf_in_a_bundle_refuses_the_bundle(
    tmp_path, station_b, exported, signer, make, said
):
    from tests.app import test_hostile_pdfs

    body = getattr(test_hostile_pdfs, make)(b"")
    bad = _reseal(
        station_b,
        _rezip(_plain(station_b, exported), _swap_pdf("demand.pdf", "documents", body), signer),
        tmp_path / "x.ddb",
    )
    reason = _unchanged(station_b, lambda: station_b.bundles.import_file(bad))
    assert reason.startswith("its demand PDF does not pass intake's checks"), reason
    assert said in reason, reason


def test_a_hostile_letter_pdf_in_a_bundle_refuses_the_bundle(tmp_path, station_b, exported, signer):
    from tests.app.test_hostile_pdfs import decompression_bomb

    plain = _plain(station_b, exported)
    with zipfile.ZipFile(io.BytesIO(plain)) as zf:
        letter = next(n for n in zf.namelist() if n.startswith("letters/"))
    bad = _reseal(
        station_b,
        _rezip(plain, _swap_pdf(letter, "letters", decompression_bomb(b"")), signer),
        tmp_path / "l.ddb",
    )
    reason = _unchanged(station_b, lambda: station_b.bundles.import_file(bad))
    assert "its letter PDF does not pass intake's checks" in reason and "decompression bomb" in reason


def test_a_bundle_with_a_hostile_pdf_on_the_share_is_refused_and_the_others_sync(
    tmp_path, station_a, station_b, shared, team_file, case_a, canary_pdf, signer
):
    from app.bundle import share
    from tests.app.test_hostile_pdfs import decompression_bomb

    other = station_a.desk.intake(canary_pdf, "another-subpoena.pdf")
    assert station_a.bundles.sync(shared).ok
    [published] = list((share.cases_dir(shared) / other).glob("*.ddb"))
    hostile = _rezip(
        _plain(station_b, published), _swap_pdf("demand.pdf", "documents", decompression_bomb(b"")), signer
    )
    published.unlink()
    _reseal(station_b, hostile, published)

    report = station_b.bundles.sync(shared)

    assert [c.case_id for c in station_b.desk.cases()] == [case_a]
    assert len(report.refused) == 1 and published.name in report.refused[0].file
    assert "decompression bomb" in report.refused[0].reason, report.to_json()
