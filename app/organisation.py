"""Who the workstation answers for: the organisation, its legal entities, letterhead, signature
and the payment details a reimbursement request gives.

The legal entities are the names a demand must be addressed to (the checklist's
``validity.addressed_to_provider``); the letterhead and signature block head and close every
letter. A new real workstation starts with the example company's; the first-run step,
Tools ▸ Organisation… and ``demand-desk settings`` / ``letterhead`` change them here, in one
transaction, each part audited (``settings.provider_entities``, ``settings.letterhead``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.services import Desk, DeskError

if TYPE_CHECKING:
    from app.letters.service import Letters

#: what separates entities on the command line (entity names hold commas: "Example, Inc.")
ENTITY_SEPARATOR = ";"
MAX_LINE = 200
MAX_ENTITIES = 20
MAX_ADDRESS_LINES = 8


@dataclass(frozen=True)
class Organisation:
    name: str
    entities: tuple[str, ...]  # the first is the one letters are written from
    address_lines: tuple[str, ...]
    contact: str
    signature_name: str
    signature_title: str
    # How a reimbursement request (app/costs) is paid: account name, bank, number, … one a line.
    payment_lines: tuple[str, ...] = ()

    @property
    def example(self) -> bool:
        """Still the example company that a new workstation starts with."""
        return self.name.casefold() == example_name().casefold()


def example_name() -> str:
    """The shipped letterhead's organisation, which a real workstation must replace."""
    from app.letters.service import DEFAULT_LETTERHEAD  # late: app.letters pulls in the review engine

    return str(DEFAULT_LETTERHEAD["organisation"])


def split_entities(text: str) -> list[str]:
    """``"A LLC; B Ltd"`` → ``["A LLC", "B Ltd"]`` (empty parts dropped)."""
    return [part.strip() for part in text.split(ENTITY_SEPARATOR) if part.strip()]


def _letters(desk: Desk) -> Letters:
    from app.letters.service import Letters  # late: app.letters pulls in the review engine

    return Letters(desk)


def organisation(desk: Desk) -> Organisation:
    """The organisation as stored (the example company's until someone sets it)."""
    head = _letters(desk).letterhead_settings()
    entities = desk.provider_entities()
    if not entities and head.get("legal_entity"):
        entities = (str(head["legal_entity"]),)
    return Organisation(
        name=str(head.get("organisation") or ""),
        entities=tuple(entities),
        address_lines=tuple(str(line) for line in head.get("address_lines") or ()),
        contact=str(head.get("contact") or ""),
        signature_name=str(head.get("signature_name") or ""),
        signature_title=str(head.get("signature_title") or ""),
        payment_lines=tuple(str(line) for line in head.get("payment_lines") or ()),
    )


def _line(value: str, what: str) -> str:
    value = value.strip()
    if len(value) > MAX_LINE or any(ord(c) < 32 or 0x202A <= ord(c) <= 0x202E for c in value):
        raise DeskError(f"The {what} must be one line of at most {MAX_LINE} printable characters.")
    return value


def check_entities(names: Sequence[str]) -> list[str]:
    """The entities cleaned; refused when there is none, too many, or a name is not one printable line."""
    cleaned = [_line(n, "legal entity") for n in names if n.strip()]
    if not cleaned:
        raise DeskError("Name at least one legal entity (the company a demand is addressed to).")
    if len(cleaned) > MAX_ENTITIES:
        raise DeskError(f"At most {MAX_ENTITIES} legal entities.")
    return list(dict.fromkeys(cleaned))  # the same entity twice is one


def set_entities(desk: Desk, names: Sequence[str]) -> list[str]:
    """Store the provider's legal entities (audited as ``settings.provider_entities``)."""
    cleaned = check_entities(names)
    desk.set_provider_entities(cleaned)
    return cleaned


def set_organisation(desk: Desk, org: Organisation) -> Organisation:
    """Store entities, letterhead and signature block together: all of them or, refused, none."""
    name = _line(org.name, "organisation name")
    if not name:
        raise DeskError("Name the organisation: it heads every letter.")
    if name.casefold() == example_name().casefold() and not desk.config.demo:
        raise DeskError(f"{example_name()} is the example company: enter your own organisation's name.")
    entities = check_entities(org.entities)
    address = [_line(line, "address line") for line in org.address_lines if line.strip()]
    if not address:
        raise DeskError("Give the organisation's address: a letter must say where it comes from.")
    if len(address) > MAX_ADDRESS_LINES:
        raise DeskError(f"An address has at most {MAX_ADDRESS_LINES} lines.")
    payment = [_line(line, "payment details line") for line in org.payment_lines if line.strip()]
    if len(payment) > MAX_ADDRESS_LINES:
        raise DeskError(f"Payment details have at most {MAX_ADDRESS_LINES} lines.")
    signature_name = _line(org.signature_name, "signatory")
    if not signature_name:
        raise DeskError("Say who signs the letters (a team or a person).")
    letters = _letters(desk)
    with desk.store.atomic():
        desk.set_provider_entities(entities)
        letters.set_letterhead(
            organisation=name,
            legal_entity=entities[0],
            address_lines=address,
            contact=_line(org.contact, "contact"),
            signature_name=signature_name,
            signature_title=_line(org.signature_title, "signatory's title"),
            payment_lines=payment,
        )
    return organisation(desk)


__all__ = [
    "ENTITY_SEPARATOR",
    "Organisation",
    "check_entities",
    "organisation",
    "set_entities",
    "set_organisation",
    "split_entities",
]
