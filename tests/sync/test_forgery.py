"""Forgery through the real command line, on three workstations and one shared folder.

A (wsA, Ada) founds the team and rejects a demand; B (wsB, Bob) and M (wsM, Mallory) join
with A's key file. Mallory holds the team key, her own workstation's signing key and
whatever the share holds; she does not hold A's signing key. She tries to get a version
accepted that turns A's reject into an approved disclosure of content, with the
decision and the approval claiming Ada and Bob on wsA; and, with only the team's public
recipient (plaintext in team.json), a case made up from nothing. Each is refused with its
reason, changes nothing, and never stops the real case from syncing. M's own honest case
is refused until an administrator admits wsM, and accepted after.
"""

from __future__ import annotations

import dataclasses
import io
import json
import uuid
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pyrage
import pytest

from app import services
from app.bundle import pack as bundle_pack
from app.bundle import share
from app.bundle.events import Event
from app.bundle.format import BundleFormat
from app.datadir import DataDir
from app.signing import SigningKey
from app.team import TeamKey
from tests.app.test_review_service import SUBPOENA, demand_pdf
from tests.cli.test_cli import PASSPHRASE, assert_failed_cleanly, runner

TEAM = {"DEMAND_DESK_TEAM_PASSPHRASE": "team file passphrase"}
NOT_ADMITTED = "workstation wsM is not admitted to the team roster; an administrator runs `team admit wsM`"


def ok(run) -> dict:
    assert run.code == 0, run.err
    return run.json()


@pytest.fixture
def three(tmp_path: Path, pdf_file: Path):
    a = runner(tmp_path / "A")
    b = runner(tmp_path / "B", reviewer="Bob")
    m = runner(tmp_path / "M", reviewer="Mallory")
    for cli, ws, who in ((a, "wsA", "Ada"), (b, "wsB", "Bob"), (m, "wsM", "Mallory")):
        assert cli("init", "--workstation", ws, "--reviewer", who, pin="246813").code == 0
    shared = tmp_path / "shared"
    shared.mkdir()
    key = tmp_path / "usb" / "team.key"
    key.parent.mkdir()
    ok(a("team", "init", "--json"))
    ok(a("team", "export", "--out", str(key), "--json", env=TEAM))
    joined = ok(b("team", "import", str(key), "--json", env=TEAM))
    assert [w["workstation"] for w in joined["trusted"]] == ["wsA"]
    ok(m("team", "import", str(key), "--json", env=TEAM))

    case = ok(a("intake", str(pdf_file), "--json"))["case_id"]
    ok(a("decide", case, "--outcome", "reject", "--json"))
    sync = lambda cli: ok(cli("sync", "--shared", str(shared), "--json"))  # noqa: E731
    assert sync(a)["pushed"] == [case]
    assert sync(b)["pulled"] == [case]  # B trusts A from the key file at once
    sync(m)
    # B asked to join with its sync; Ada compares its fingerprint and admits it. wsM stays out.
    sync(a)
    pending = {p["workstation"]: p["fingerprint"] for p in ok(a("team", "admit", "--json"))["pending"]}
    assert set(pending) == {"wsB", "wsM"}
    assert pending["wsB"] == ok(b("team", "show", "--json"))["workstation"]["fingerprint"]
    ok(a("team", "admit", "wsB", "--fingerprint", pending["wsB"], "--json"))
    sync(a)
    sync(b)
    return a, b, m, shared, case, tmp_path


def _decisions(cli, case: str) -> list[tuple[str, str, str]]:
    """The case's decisions and approvals as its audit trail records them on that workstation."""
    return [
        (e["action"], e["reviewer"], e["payload"].get("outcome"))
        for e in ok(cli("audit", "show", case, "--json"))
        if e["action"].startswith("decision.")
    ]


REJECTED = [("decision.made", "Ada", "reject")]


def _mallory(root: Path):
    """What Mallory holds: her own workstation's keys, unlocked with her own passphrase."""
    desk = services.unlock(DataDir(root / "M"), passphrase=PASSPHRASE)
    try:
        team = TeamKey(desk.data_dir, desk.config, PASSPHRASE)
        identities = list(team.identities())
        signer = SigningKey(desk.data_dir, desk.config, PASSPHRASE)
        signer.public()
        signer.sign(b"unlock")
        return identities, team.current_recipient(), signer
    finally:
        desk.close()


def _event(after: Event, action: str, reviewer: str, payload: dict, at: str) -> Event:
    draft = Event("", after.seq + 1, after.id, at, reviewer, "wsA", after.case_id, action, payload)
    return dataclasses.replace(draft, id=draft.recomputed())


def _forged_approval(
    real_path: Path, case: str, identities, sign, signer_name: str, fingerprint: str, maker: str = "wsA"
) -> bytes:
    """A's published version, turned into an approved disclosure of content by Ada and Bob on wsA
    (the version itself said to be made on ``maker``)."""
    real = bundle_pack.unpack(bundle_pack.decrypt(real_path.read_bytes(), identities), 999, trusted=None)
    tables = {name: [dict(r) for r in rows] for name, rows in real.snapshot.tables.items()}
    decision = tables["decisions"][-1]
    now = datetime.now(UTC).isoformat(timespec="seconds")
    tables["decisions"].append(
        decision
        | {"id": decision["id"] + 1, "revision": 2, "outcome": "disclose_content", "decided_by": "Ada"}
        | {"approved_by": "Bob", "approved_at": now}
    )
    tables["cases"][0]["status"] = "decided"
    events = list(real.snapshot.events)
    revised = _event(
        events[-1], "decision.revised", "Ada", {"revision": 2, "outcome": "disclose_content"}, now
    )
    approved = _event(
        revised, "decision.approved", "Bob", {"revision": 2, "outcome": "disclose_content"}, now
    )
    m = real.manifest
    _, plain = bundle_pack.pack(
        bundle_pack.CaseSnapshot(case, tables, [*events, revised, approved]),
        {
            "case_id": case,
            "version_id": uuid.uuid4().hex,
            "parent_version_id": m.version_id,
            "merged_version_ids": [],
            "ancestors": sorted({*m.ancestors, m.version_id}),
            "author": "Ada",
            "workstation": maker,
            "created": now,
            "schema": m.schema,
        },
        sign,
        signer=signer_name,
        fingerprint=fingerprint,
    )
    return plain


def _publish(shared: Path, plain: bytes, recipient) -> str:
    with zipfile.ZipFile(io.BytesIO(plain)) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    path = share.publish(
        shared, manifest["case_id"], manifest["version_id"], bundle_pack.seal(plain, recipient)
    )
    return share.shown(shared, path)


def _refusals(report: dict) -> dict[str, str]:
    return {r["file"]: r["reason"] for r in report["refused"]}


def test_a_member_without_a_signing_key_cannot_get_a_version_accepted_as_another_workstations(three):
    a, b, m, shared, case, root = three
    identities, recipient, mallory = _mallory(root)
    trail_before = ok(b("audit", "show", case, "--json"))
    [real] = [p.path for p in share.scan(shared) if p.case_id == case]  # A's version, as published

    # 1. Claiming A outright, signed with Mallory's own key: the signature is not wsA's.
    as_a = _publish(
        shared,
        _forged_approval(real, case, identities, mallory.sign, "wsA", mallory.fingerprint()),
        recipient,
    )
    # 2. Honestly signed by wsM as wsM's version, the new events still claiming Ada and Bob on wsA.
    by_m = _publish(
        shared,
        _forged_approval(real, case, identities, mallory.sign, "wsM", mallory.fingerprint(), maker="wsM"),
        recipient,
    )
    # 3. Signed by wsM as A's version "handed on" unchanged: it brings what A never published.
    handed = _publish(
        shared,
        _forged_approval(real, case, identities, mallory.sign, "wsM", mallory.fingerprint()),
        recipient,
    )
    for cli in (b, a):
        report = ok(cli("sync", "--shared", str(shared), "--json"))
        refused = _refusals(report)
        assert "its signature is not workstation wsA's" in refused[as_a], refused
        assert refused[by_m] == NOT_ADMITTED
        assert report["pulled"] == [] and report["conflicts"] == []
        assert _decisions(cli, case) == REJECTED
        assert ok(cli("audit", "verify", "--json"))["ok"] is True
    assert ok(b("audit", "show", case, "--json")) == trail_before

    # 4. Even once wsM is admitted, it cannot bring events made, it says, on wsA.
    ok(a("team", "admit", "wsM", "--json"))
    ok(a("sync", "--shared", str(shared), "--json"))
    report = ok(b("sync", "--shared", str(shared), "--json"))
    refused = _refusals(report)
    assert "authorship cannot be claimed" in refused[by_m], refused
    assert "“decision.revised”" in refused[by_m] and "on wsA" in refused[by_m]
    assert "wsA's version handed on by wsM" in refused[handed], refused
    assert report["pulled"] == [] and _decisions(b, case) == REJECTED

    # 5. By hand, the same: refused with the reason, nothing changed.
    forged = root / "forged.ddb"
    forged.write_bytes(
        bundle_pack.seal(
            _forged_approval(real, case, identities, mallory.sign, "wsA", mallory.fingerprint()), recipient
        )
    )
    assert_failed_cleanly(
        b("bundle", "import", str(forged)), "Bundle refused", "signature is not workstation wsA's"
    )
    assert ok(b("audit", "show", case, "--json"))[: len(trail_before)] == trail_before
    assert ok(b("audit", "verify", "--json"))["ok"] is True

    # The real case still moves: A's next change reaches B beside the refused forgeries.
    ok(a("case-fact", case, "enterprise_customer", "yes", "--json"))
    ok(a("sync", "--shared", str(shared), "--json"))
    assert ok(b("sync", "--shared", str(shared), "--json"))["pulled"] == [case]


def test_a_case_made_with_only_the_public_recipient_is_refused(three):
    a, b, m, shared, case, root = three
    # All an outsider can read of team.json: the public recipient.
    recipient_text = json.loads((root / "B" / "team.json").read_text())["keys"][-1]["recipient"]
    recipient = pyrage.x25519.Recipient.from_str(recipient_text)
    identities, _, mallory = _mallory(root)
    [published] = [p for p in share.scan(shared) if p.case_id == case]
    real = bundle_pack.unpack(bundle_pack.decrypt(published.path.read_bytes(), identities), 999, trusted=None)
    tables = {name: [dict(r) for r in rows] for name, rows in real.snapshot.tables.items()}
    made_up = "made0up0case0001"
    tables["cases"][0].update(id=made_up, reference="MADE-UP-1")
    for rows in tables.values():
        for row in rows:
            if "case_id" in row:
                row["case_id"] = made_up
    fields = {
        "case_id": made_up,
        "version_id": uuid.uuid4().hex,
        "parent_version_id": None,
        "merged_version_ids": [],
        "ancestors": [],
        "author": "Ada",
        "workstation": "wsA",
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "schema": real.manifest.schema,
    }
    outsider = SigningKey(DataDir(root / "outsider"), dataclasses.replace(mallory.config, store_id="x"), "pw")
    (root / "outsider").mkdir()
    outsider.make()
    snap = bundle_pack.CaseSnapshot(made_up, tables, [])
    _, signed = bundle_pack.pack(
        snap, fields, outsider.sign, signer="wsA", fingerprint=outsider.fingerprint()
    )
    signed_file = _publish(shared, signed, recipient)
    # And the same with no signature at all, as a bundle of format 1 was written.
    unsigned = _rewrite_manifest(
        signed, lambda doc: doc | {"format": int(BundleFormat.V1), "signature": None}
    )
    unsigned = _rewrite_manifest(unsigned, lambda doc: doc | {"version_id": uuid.uuid4().hex})
    unsigned_file = _publish(shared, unsigned, recipient)

    for cli in (b, a):
        report = ok(cli("sync", "--shared", str(shared), "--json"))
        refused = _refusals(report)
        assert "its signature is not workstation wsA's" in refused[signed_file], refused
        assert "it is not signed (bundle format 1" in refused[unsigned_file], refused
        assert made_up not in {c["case_id"] for c in ok(cli("cases", "--json"))}


def _rewrite_manifest(plain: bytes, change) -> bytes:
    with zipfile.ZipFile(io.BytesIO(plain)) as zf:
        members = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    members["manifest.json"] = json.dumps(change(json.loads(members["manifest.json"]))).encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    return buf.getvalue()


def test_an_unadmitted_workstations_bundle_is_refused_until_an_administrator_admits_it(three, pdf_file):
    a, b, m, shared, case, root = three
    other = pdf_file.with_name("subpoena.pdf")
    other.write_bytes(demand_pdf(*SUBPOENA))  # another demand: its reference is not A's case's
    theirs = ok(m("intake", str(other), "--json"))["case_id"]
    assert theirs in ok(m("sync", "--shared", str(shared), "--json"))["pushed"]

    report = ok(b("sync", "--shared", str(shared), "--json"))
    assert NOT_ADMITTED in _refusals(report).values()
    assert theirs not in report["pulled"]

    # Only an administrator admits, and one who proves it with their PIN.
    assert_failed_cleanly(a("team", "admit", "wsM", pin="000000"), "PIN")
    listed = ok(a("team", "admit", "--json"))["pending"]
    [asking] = [p for p in listed if p["workstation"] == "wsM"]
    assert_failed_cleanly(
        a("team", "admit", "wsM", "--fingerprint", "0000 1111"),
        "No request to join from wsM with that fingerprint",
    )
    done = a("team", "admit", "wsM")
    assert done.code == 0, done.err
    assert f"Admitted wsM (signing key fingerprint {asking['fingerprint']})" in done.out
    assert ok(a("team", "admit", "--json"))["pending"] == []
    assert "roster.workstation_admitted" in {e["action"] for e in ok(a("audit", "show", "--json"))}

    ok(a("sync", "--shared", str(shared), "--json"))
    report = ok(b("sync", "--shared", str(shared), "--json"))
    assert theirs in report["pulled"], report
    assert NOT_ADMITTED not in _refusals(report).values()
    assert "Mallory enrolled as administrator on wsM" in report["roster"]["received"]
    assert ok(b("audit", "verify", "--json"))["ok"] is True
