"""The case data the rules read, typed: the facts of a demand and every stored code.

``facts`` holds the Facts JSON as frozen dataclasses (made and read only at the edges);
``enums`` holds the codes (answers, outcomes, roles, instruments, ...) as StrEnums.
"""

from app.domain.enums import (
    Category,
    Effect,
    Group,
    IdentifierKind,
    Instrument,
    Outcome,
    Role,
    Source,
    Verdict,
)
from app.domain.facts import (
    Contact,
    DataRequest,
    DateRange,
    Facts,
    FactsError,
    Identifier,
    Provenance,
    Reading,
    SecrecyOrder,
)

__all__ = [
    "Category",
    "Contact",
    "DataRequest",
    "DateRange",
    "Effect",
    "Facts",
    "FactsError",
    "Group",
    "Identifier",
    "IdentifierKind",
    "Instrument",
    "Outcome",
    "Provenance",
    "Reading",
    "Role",
    "SecrecyOrder",
    "Source",
    "Verdict",
]
