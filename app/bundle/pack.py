"""Writing and reading a bundle: a case's rows, files and events as a zip inside age.

Everything happens in memory: the zip is built in a ``BytesIO`` and only the age
ciphertext ever reaches a file. Reading treats the bundle as untrusted until every
check has passed: size, decryption, the zip's members, the manifest's hashes, the
rows' shape, the events' hashes.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import pyrage

from app import roster, signing
from app.bundle import events as bundle_events
from app.bundle import share
from app.bundle.events import Event
from app.bundle.format import (
    AUDIT,
    CASE,
    DEMAND,
    MANIFEST,
    MAX_BUNDLE_BYTES,
    MAX_MEMBERS,
    MEMBER_NAME,
    BundleError,
    Manifest,
    VersionFields,
    json_object,
    load_json,
)
from app.fsutil import UnreadableFile, read_regular_file
from app.jsontypes import JsonObject, JsonValue
from db import Store
from db.case_copy import TABLES, read_case
from db.store import Row, dumps


@dataclass(frozen=True)
class CaseSnapshot:
    """One case as a bundle carries it: rows per table (files inline as bytes) and events."""

    case_id: str
    tables: dict[str, list[Row]]
    events: list[Event]


@dataclass(frozen=True)
class Bundle:
    manifest: Manifest
    snapshot: CaseSnapshot
    plain: bytes  # the verified zip: kept (inside the encrypted store) while a conflict is open


def snapshot(store: Store, case_id: str) -> CaseSnapshot:
    return CaseSnapshot(case_id, read_case(store, case_id), bundle_events.case_events(store, case_id))


def pack(
    snap: CaseSnapshot,
    manifest_fields: VersionFields,
    sign: Callable[[bytes], str],
    *,
    signer: str,
    fingerprint: str,
) -> tuple[Manifest, bytes]:
    """The plaintext zip of one version (kept in memory) and its manifest, signed with ``sign``:
    the key of workstation ``signer`` (whose ``fingerprint`` the signature names for people).

    The signer is this workstation, and usually the version's maker too; when it hands on a
    version made elsewhere unchanged (a bundle exported by hand), the manifest still names
    the maker and the signature says who handed it on."""
    members: dict[str, bytes] = {}
    json_tables = {name: [dict(r) for r in rows] for name, rows in snap.tables.items()}
    for table in TABLES:
        column = table.file_column
        if not column:
            continue
        for index, row in enumerate(json_tables.get(table.name, [])):
            if row.get(column) is None:
                continue
            if table.name == "documents":
                name = DEMAND if index == 0 else f"documents/{row['id']}.pdf"
            else:
                name = f"{table.name}/{row['id']}.pdf"
            members[name] = bytes(row[column])
            row[column] = name  # case.json names the member; the bytes are the member
    schema = int(manifest_fields["schema"])
    members[CASE] = dumps({"schema": schema, "tables": json_tables}).encode("utf-8")
    members[AUDIT] = bundle_events.to_jsonl(snap.events)
    manifest = Manifest(
        **manifest_fields,
        members={n: {"sha256": hashlib.sha256(b).hexdigest(), "size": len(b)} for n, b in members.items()},
        events=len(snap.events),
    )
    signature: JsonObject = {"workstation": signer, "fingerprint": fingerprint}
    manifest = replace(manifest, signature=signature | {"ed25519": sign(manifest.signed_bytes())})
    stamp = datetime.fromisoformat(manifest.created).timetuple()[:6]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        # The manifest first, so `unzip -p bundle manifest.json` is cheap to read.
        for name, data in [(MANIFEST, json.dumps(manifest.to_json(), indent=2).encode()), *members.items()]:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o600 << 16
            zf.writestr(info, data)
    return manifest, buf.getvalue()


def seal(plain: bytes, recipient: pyrage.x25519.Recipient) -> bytes:
    return bytes(pyrage.encrypt(plain, [recipient]))


# -- reading ------------------------------------------------------------------------


def decrypt(untrusted: bytes, identities: Iterable[pyrage.x25519.Identity]) -> bytes:
    if len(untrusted) > MAX_BUNDLE_BYTES:
        raise BundleError(f"it is larger than {MAX_BUNDLE_BYTES >> 20} MiB")
    # Say what is wrong with a damaged header rather than blame another team's key for it.
    header = untrusted[:4096]
    if not header.startswith(b"age-encryption.org/v1\n"):
        raise BundleError("it is not an age-encrypted file (its start is damaged, or it is not a bundle)")
    if b"\n-> X25519 " not in header or b"\n--- " not in header:
        raise BundleError("its age header is damaged (no recipient for a team key, or no end)")
    tried = 0
    for identity in identities:
        tried += 1
        try:
            return bytes(pyrage.decrypt(untrusted, [identity]))
        except pyrage.DecryptError as exc:
            if "no matching keys" in str(exc).lower():
                continue  # made for another of the team's keys: try the older ones
            raise BundleError(
                "it does not decrypt: it is truncated, damaged or was altered after it was written"
            ) from None
    if not tried:
        raise BundleError("this workstation has no team key to open it with")
    raise BundleError("none of this workstation's team keys opens it (made for another team, or a newer key)")


def read_sealed(path: Path, limit: int, identities: Iterable[pyrage.x25519.Identity]) -> bytes:
    """Read one sealed file (a roster file, a head) from the share and decrypt it.

    Raises BundleError with the reason in words."""
    try:
        untrusted = read_regular_file(path, limit)
    except UnreadableFile as exc:
        raise BundleError(str(exc.strerror)) from None
    except OSError as exc:
        raise BundleError(f"it cannot be read ({share.describe(exc)})") from None
    return decrypt(untrusted, identities)


def unpack(plain: bytes, local_schema: int, *, trusted: Mapping[str, str] | None) -> Bundle:
    """Check a decrypted bundle from end to end; nothing is written anywhere.

    ``trusted``: the public key of every workstation whose bundles are accepted (the
    roster's admitted ones, and this one); the manifest's signature must be its
    workstation's. None only for a bundle kept in the store, checked when it arrived.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(plain))
        infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError):
        raise BundleError("its contents are not a readable zip") from None
    if len(infos) > MAX_MEMBERS:
        raise BundleError("it holds too many files")
    names = [i.filename for i in infos]
    if len(set(names)) != len(names):
        raise BundleError("it holds a file twice")
    _refuse_overlaps(infos, len(plain))
    for info in infos:
        if not MEMBER_NAME.fullmatch(info.filename):
            raise BundleError(f"it holds an unexpected file {info.filename!r}")
        if (
            info.compress_type != zipfile.ZIP_STORED
            or info.file_size != info.compress_size
            or info.file_size > MAX_BUNDLE_BYTES
        ):
            raise BundleError(f"its member {info.filename} is compressed or too large")
    if MANIFEST not in names:
        raise BundleError("it has no manifest")
    try:
        manifest = Manifest.from_json(
            load_json(zf.read(MANIFEST), "its manifest"), unsigned_ok=trusted is None
        )
        if trusted is not None:
            check_signature(manifest, trusted)
        data = {n: zf.read(n) for n in names if n != MANIFEST}
    except (zipfile.BadZipFile, ValueError) as exc:
        raise BundleError(f"its contents are damaged ({exc})") from None
    if set(data) != set(manifest.members):
        raise BundleError("its files are not the ones its manifest lists")
    for name, body in data.items():
        entry = manifest.members[name]
        if len(body) != entry["size"] or hashlib.sha256(body).hexdigest() != entry["sha256"]:
            raise BundleError(f"{name} does not match the SHA-256 in its manifest")
    if manifest.schema > local_schema:
        raise BundleError(
            f"it was made by a newer Demand Desk (store schema {manifest.schema}, this one has "
            f"{local_schema}); update this workstation"
        )
    for required in (CASE, AUDIT):
        if required not in data:
            raise BundleError(f"it has no {required}")
    tables = _read_tables(data, manifest)
    events = bundle_events.read_jsonl(data[AUDIT], manifest.case_id)
    if len(events) != manifest.events:
        raise BundleError("its audit events are not as many as its manifest says")
    return Bundle(manifest, CaseSnapshot(manifest.case_id, tables, events), plain)


def check_signature(manifest: Manifest, trusted: Mapping[str, str]) -> None:
    """The manifest is signed by the workstation its signature names, with the key the roster
    admits it with (what that workstation may bring is app/bundle/trust.py's to say)."""
    signature = manifest.signature or {}
    workstation = str(signature.get("workstation"))
    key = trusted.get(workstation)
    if key is None:
        raise BundleError(roster.not_admitted(workstation))
    if not signing.verify(key, manifest.signed_bytes(), signature.get("ed25519")):
        raise BundleError(
            f"its signature is not workstation {workstation}'s: it was made elsewhere by someone "
            "claiming to be that workstation, or altered after it was signed"
        )


def _refuse_overlaps(infos: list[zipfile.ZipInfo], size: int) -> None:
    """Stored members lie one after another, each once: entries that share or overlap their
    bytes would make reading the zip cost many times its size (a zip bomb without compression)."""
    spans = sorted((i.header_offset, i.header_offset + 30 + len(i.filename) + i.compress_size) for i in infos)
    if sum(i.compress_size for i in infos) > size or any(
        end > next_start for (_, end), (next_start, _) in zip(spans, spans[1:], strict=False)
    ):
        raise BundleError("its zip members overlap or claim more bytes than the bundle holds")


def _read_tables(data: dict[str, bytes], manifest: Manifest) -> dict[str, list[Row]]:
    try:
        raw = _tables_of(json_object(load_json(data[CASE], "its case data"))["tables"])
    except (ValueError, KeyError, TypeError) as exc:
        raise BundleError(f"its case data cannot be read ({exc})") from None
    known = {t.name: t for t in TABLES}
    if set(raw) - set(known):
        raise BundleError(
            f"its case data has tables this version does not know: {sorted(set(raw) - set(known))}"
        )
    cases = raw.get("cases", [])
    if len(cases) != 1 or cases[0].get("id") != manifest.case_id:
        raise BundleError("its case data is not for the case its manifest names")
    referenced: set[str] = set()
    for name, rows in raw.items():
        table = known[name]
        for row in rows:
            # A bundle writes only its own case: a row naming another would reach into it.
            if name not in ("cases", "pages") and row.get("case_id") != manifest.case_id:
                raise BundleError(f"its {name} rows belong to another case")
            column = table.file_column
            if column and row.get(column) is not None:
                member = row[column]
                if not isinstance(member, str) or member not in data or member in referenced:
                    raise BundleError(f"its {name} rows name a file it does not hold")
                referenced.add(member)
                body = data[member]
                if row.get("sha256") and hashlib.sha256(body).hexdigest() != row["sha256"]:
                    raise BundleError(f"{member} does not match the SHA-256 recorded for it")
                row[column] = body
    if set(data) - referenced - {CASE, AUDIT}:
        raise BundleError("it holds files no row of the case refers to")
    return raw


def _tables_of(value: JsonValue) -> dict[str, list[Row]]:
    """case.json's ``tables``: rows by table name; TypeError when it is not that."""
    tables: dict[str, list[Row]] = {}
    if isinstance(value, dict):
        for name, rows in value.items():
            if not isinstance(rows, list):
                break
            objects = [r for r in rows if isinstance(r, dict)]
            if len(objects) != len(rows):
                break
            tables[name] = objects
        else:
            return tables
    raise TypeError("tables are not lists of rows")
