"""Every code of the case data that is stored or exported, as one set of StrEnums.

A StrEnum member is the string it stands for (``Outcome.REJECT == "reject"``), so the
database, the Facts and Assess JSON, bundles and audit payloads keep the strings they
always had: add values, never rename them. The tuples beside the enums are the
orders the window and the reports list them in.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """What a reviewer may do. Each role may do everything the ones before it may."""

    REVIEWER = "reviewer"
    SENIOR = "senior"  # decides escalated cases, overrides a refused decision with a reason
    ADMINISTRATOR = "administrator"  # enrols and removes reviewers, changes roles

    @property
    def senior(self) -> bool:
        return self is not Role.REVIEWER

    @property
    def label(self) -> str:
        return {"reviewer": "Reviewer", "senior": "Senior reviewer", "administrator": "Administrator"}[
            self.value
        ]


class Instrument(StrEnum):
    SUBPOENA = "subpoena"
    COURT_ORDER = "court_order"
    SEARCH_WARRANT = "search_warrant"
    EMERGENCY_REQUEST = "emergency_request"
    NSL = "nsl"
    FISA_ORDER = "fisa_order"
    PRODUCTION_ORDER = "production_order"
    CIVIL_SUBPOENA = "civil_subpoena"
    PRESERVATION_REQUEST = "preservation_request"
    OTHER = "other"


class CaseStatus(StrEnum):
    NEW = "new"
    IN_REVIEW = "in_review"
    AWAITING_APPROVAL = "awaiting_approval"
    DECIDED = "decided"
    CLOSED = "closed"


class KeyStorage(StrEnum):
    KEYRING = "keyring"
    PASSPHRASE = "passphrase"  # noqa: S105 - a storage mode, not a secret


class PageSource(StrEnum):
    TEXT_LAYER = "text_layer"
    OCR = "ocr"
    NONE = "none"


class IdentifierKind(StrEnum):
    """What a target (or a requester's contact) identifier is."""

    EMAIL = "email"
    PHONE = "phone"
    ACCOUNT_ID = "account_id"
    USERNAME = "username"
    GAMERTAG = "gamertag"
    IP = "ip"
    URL = "url"
    OTHER = "other"


class Category(StrEnum):
    """A category of data asked for, in the order scopes list them."""

    SUBSCRIBER_INFO = "subscriber_info"
    IP_HISTORY = "ip_history"
    BILLING = "billing"
    TRAFFIC = "traffic"
    CONTENT = "content"
    OTHER = "other"


class Verdict(StrEnum):
    """A checklist item's answer (the Assess JSON's ``answer``)."""

    PASS = "pass"  # noqa: S105 - an answer, not a secret
    FAIL = "fail"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not_applicable"


class Source(StrEnum):
    """Who gave an answer or a fact: the checklist (or intake) itself, or a reviewer."""

    AUTO = "auto"
    REVIEWER = "reviewer"


class Group(StrEnum):
    VALIDITY = "validity"
    HUMAN_RIGHTS = "human_rights"
    EMERGENCY = "emergency"
    CIVIL = "civil"
    ENTERPRISE = "enterprise"


class Effect(StrEnum):
    """What a failing checklist item does to the recommendation."""

    BLOCKS = "blocks"
    NARROWABLE = "narrowable"
    ESCALATE = "escalate"
    REDIRECTS = "redirects"
    RECORDS = "records"


class Outcome(StrEnum):
    """What a case comes to: the first seven may be recommended, the rest only a reviewer records."""

    REJECT = "reject"
    NARROW = "narrow"
    REDIRECT = "redirect"
    DISCLOSE_NONCONTENT = "disclose_noncontent"
    DISCLOSE_CONTENT = "disclose_content"
    ESCALATE = "escalate"
    NOT_A_DATA_DEMAND = "not_a_data_demand"
    NO_DATA = "no_data"
    WITHDRAWN = "withdrawn"
    CHALLENGE = "challenge"


ANSWERS: tuple[Verdict, ...] = tuple(Verdict)
SOURCES: tuple[Source, ...] = tuple(Source)
GROUPS: tuple[Group, ...] = tuple(Group)
EFFECTS: tuple[Effect, ...] = tuple(Effect)
CATEGORIES: tuple[Category, ...] = tuple(Category)
IDENTIFIER_KINDS: tuple[IdentifierKind, ...] = tuple(IdentifierKind)
# What the checklist may recommend; a reviewer may decide any Outcome (DECISION_OUTCOMES).
OUTCOMES: tuple[Outcome, ...] = tuple(Outcome)[:7]
DECISION_OUTCOMES: tuple[Outcome, ...] = tuple(Outcome)
DISCLOSING: tuple[Outcome, ...] = (Outcome.DISCLOSE_NONCONTENT, Outcome.DISCLOSE_CONTENT)
