"""The bundle format (docs/bundle-format.md): names, limits and the manifest.

A bundle is one version of one case: a zip (stored, not deflated) inside age
encryption. ``FORMAT_VERSION`` changes only when an older reader would misread a
bundle; additions that older readers may ignore keep it.

Format 2 signs the manifest (issue 17): its ``signature`` is the making workstation's
Ed25519 signature of the manifest's every other field. The manifest already holds the
SHA-256 and size of every member, so signing it signs the whole bundle, and the reader
can check who wrote it before it hashes or parses any member. The signature lives in the
manifest rather than beside it so that an older reader stops at "bundle format 2: update"
rather than at an unknown member. A format 1 bundle is unsigned: anyone holding the team
key could have made it, so it is refused, except as the other side of a conflict kept
inside the store before the upgrade (checked when it arrived).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from enum import IntEnum
from typing import TypedDict

from app.jsontypes import JsonObject, JsonValue
from db.case_copy import json_problem


class BundleFormat(IntEnum):
    V1 = 1
    V2 = 2  # the manifest is signed by the workstation that made the bundle


FORMAT_VERSION = BundleFormat.V2
_SIGNED = b"demand-desk bundle manifest v2\n"
EXTENSION = ".ddb"

MANIFEST = "manifest.json"
CASE = "case.json"
DEMAND = "demand.pdf"
AUDIT = "audit.jsonl"
# Anything else a reader finds in the zip is refused: nothing is unpacked by a name it chose.
MEMBER_NAME = re.compile(
    r"(manifest\.json|case\.json|demand\.pdf|audit\.jsonl|(letters|documents)/[0-9]{1,9}\.pdf)"
)
VERSION_ID = re.compile(r"[0-9a-f]{32}")
# Case ids name a folder on the share: nothing that could climb out of it.
CASE_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z_-]{0,63}")

# Checked before decrypting or unpacking: a hostile file must not exhaust memory.
MAX_BUNDLE_BYTES = 1 << 30
MAX_MEMBERS = 2_000
MAX_EVENTS = 200_000
# Nothing the app writes nests deeper than a handful of levels; a deeper document is crafted
# to exhaust the parser or whatever walks it afterwards.
MAX_JSON_DEPTH = 32
MAX_INT = 2**63 - 1  # SQLite's INTEGER


class BundleError(Exception):
    """A bundle that is refused; the message is the reason, in words a reviewer can act on."""


def load_json(raw: bytes | str, what: str) -> JsonValue:
    """Parse untrusted JSON, refusing (BundleError naming ``what``) anything the app would not
    write: invalid text, nesting deeper than MAX_JSON_DEPTH, numbers out of range."""
    try:
        doc = json.loads(raw)
    except (ValueError, RecursionError):
        raise BundleError(f"{what} is not valid JSON (or is nested too deep)") from None
    check_json(doc, what)
    checked: JsonValue = doc
    return checked


def check_json(doc: object, what: str) -> None:
    """Bounds on parsed JSON (depth, numbers), the same a row of case data must meet."""
    problem = json_problem(doc, MAX_JSON_DEPTH)
    if problem:
        raise BundleError(f"{what} {problem}")


def whole_number(value: object, what: str, *, low: int = 0) -> int:
    """An integer field of untrusted JSON: an int in range, not a float, string or bool."""
    # type() refuses a bool, which isinstance would take for an int.
    if not isinstance(value, int) or type(value) is not int or not low <= value <= MAX_INT:
        raise BundleError(f"{what} is not a whole number in range")
    return value


def json_object(value: JsonValue) -> JsonObject:
    """A JSON value that must be an object (a manifest, an event): TypeError when it is not."""
    if not isinstance(value, dict):
        raise TypeError(f"a JSON object was expected, not {type(value).__name__}")
    return value


def json_list(value: JsonValue) -> list[JsonValue]:
    """A JSON value that must be an array: TypeError when it is not."""
    if not isinstance(value, list):
        raise TypeError(f"a JSON array was expected, not {type(value).__name__}")
    return value


class VersionFields(TypedDict):
    """What a manifest says of the version it carries (besides its members and signature)."""

    case_id: str
    version_id: str
    parent_version_id: str | None
    merged_version_ids: list[str]
    ancestors: list[str]
    author: str
    workstation: str
    created: str
    schema: int


class ManifestJson(VersionFields):
    """manifest.json, as docs/bundle-format.md lays it out (the key order is the writer's:
    ``format`` first, then the version's fields, then these)."""

    format: int
    events: int
    members: dict[str, JsonObject]
    signature: JsonObject | None


@dataclass(frozen=True)
class Manifest:
    case_id: str
    version_id: str
    parent_version_id: str | None
    author: str
    workstation: str
    created: str
    schema: int  # the exporting store's schema version: case.json's rows follow it
    members: dict[str, JsonObject]  # name -> {"sha256": hex, "size": bytes}, kept as read: it is signed
    events: int
    merged_version_ids: list[str] = field(default_factory=list)
    ancestors: list[str] = field(default_factory=list)  # every earlier version this one includes
    format: int = FORMAT_VERSION
    # {"workstation": who signed, "fingerprint": of its key, "ed25519": base64}; None in format 1
    signature: JsonObject | None = None

    @property
    def signer(self) -> str:
        """The workstation that signed the bundle (the maker, or one handing the version on)."""
        return str((self.signature or {}).get("workstation", self.workstation))

    def signed_bytes(self) -> bytes:
        """What the making workstation signs: every field but the signature, in one spelling."""
        doc = {k: v for k, v in self.to_json().items() if k != "signature"}
        return _SIGNED + json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()

    def to_json(self) -> ManifestJson:
        return {
            "format": int(self.format),
            "case_id": self.case_id,
            "version_id": self.version_id,
            "parent_version_id": self.parent_version_id,
            "merged_version_ids": self.merged_version_ids,
            "ancestors": self.ancestors,
            "author": self.author,
            "workstation": self.workstation,
            "created": self.created,
            "schema": self.schema,
            "events": self.events,
            "members": self.members,
            "signature": self.signature,
        }

    @classmethod
    def from_json(cls, doc: JsonValue, *, unsigned_ok: bool = False) -> Manifest:
        """A manifest, checked field by field. ``unsigned_ok``: a format 1 bundle is read too
        (only the other side of a conflict kept in the store from before signing)."""
        if not isinstance(doc, dict):
            raise BundleError("its manifest is not a JSON object")
        fmt = doc.get("format")
        if not isinstance(fmt, int) or fmt < 1:
            raise BundleError("its manifest has no format version")
        if fmt > FORMAT_VERSION:
            raise BundleError(
                f"it was made by a newer Demand Desk (bundle format {fmt}); update this workstation"
            )
        if fmt < BundleFormat.V2 and not unsigned_ok:
            raise BundleError(
                f"it is not signed (bundle format {fmt}, from before workstations signed bundles): "
                "anyone holding the team key could have made it; its workstation publishes the case again"
            )
        signature = doc.get("signature")
        if fmt >= BundleFormat.V2 and not (
            isinstance(signature, dict)
            and all(isinstance(signature.get(k), str) for k in ("workstation", "ed25519"))
        ):
            raise BundleError("its manifest has no signature")
        try:
            manifest = cls(
                case_id=_match(CASE_ID, doc["case_id"], "case id"),
                version_id=_match(VERSION_ID, doc["version_id"], "version id"),
                parent_version_id=(
                    None
                    if doc["parent_version_id"] is None
                    else _match(VERSION_ID, doc["parent_version_id"], "parent version id")
                ),
                merged_version_ids=[
                    _match(VERSION_ID, v, "merged version id") for v in json_list(doc["merged_version_ids"])
                ],
                ancestors=[_match(VERSION_ID, v, "ancestor version id") for v in json_list(doc["ancestors"])],
                author=str(doc["author"]),
                workstation=str(doc["workstation"]),
                created=str(doc["created"]),
                schema=whole_number(doc["schema"], "its manifest's schema"),
                events=whole_number(doc["events"], "its manifest's event count"),
                members={str(k): json_object(v) for k, v in json_object(doc["members"]).items()},
                format=fmt,
                signature=dict(signature) if isinstance(signature, dict) else None,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise BundleError(f"its manifest is incomplete ({exc})") from None
        for name, entry in manifest.members.items():
            if not MEMBER_NAME.fullmatch(name):
                raise BundleError(f"its manifest lists an unexpected member {name!r}")
            if not (isinstance(entry.get("size"), int) and isinstance(entry.get("sha256"), str)):
                raise BundleError(f"its manifest entry for {name} has no size or SHA-256")
        if manifest.parent_version_id and manifest.parent_version_id not in manifest.ancestors:
            raise BundleError("its manifest names a parent that is not among its ancestors")
        return manifest


def _match(pattern: re.Pattern[str], value: object, what: str) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise ValueError(f"bad {what}")
    return value


def file_name(version_id: str) -> str:
    return f"{version_id}{EXTENSION}"
