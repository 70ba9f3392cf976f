"""Shared pieces for the corpus templates: identifiers, dates, wording helpers, truth.

A template builds one demand with a :class:`Ctx`.  The context hands out
synthetic identifiers that are unique over the whole corpus (the
:class:`Allocator` is shared by every document of one run), formats dates the way
the issuing country writes them, and records the truth as the template states
each fact: an identifier enters the truth when the template prints it as a
target (:meth:`Ctx.target`); the requester's own phone and e-mail come from
:meth:`Ctx.contact_phone` / :meth:`Ctx.contact_email` and never do.
"""

from __future__ import annotations

import ipaddress
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal, cast

from tests.corpus.scan import (
    Block,
    Document,
    Heading,
    Paragraph,
    ScanSettings,
    Signature,
    Stamp,
    Table,
)

# ----------------------------------------------------------------------- constants

INSTRUMENTS = (
    "subpoena",
    "court_order",
    "search_warrant",
    "emergency_request",
    "nsl",
    "fisa_order",
    "production_order",
    "civil_subpoena",
    "preservation_request",
    "other",
)
CATEGORIES = ("subscriber_info", "ip_history", "billing", "traffic", "content", "other")

PROVIDER_US = "Example Online Services LLC"
PROVIDER_US_ADDRESS = "500 Example Parkway, Redwood City, CA 94063, USA"
PROVIDER_IE = "Example Online Services Ireland Ltd."
PROVIDER_IE_ADDRESS = "1 Example Quay, Grand Canal Dock, Dublin 2, D02 X576, Ireland"
PROVIDER_UK = "Example Online Services UK Limited"
PROVIDER_UK_ADDRESS = "20 Example Wharf, London E14 5AB"
PROVIDER_BR = "Example Online Services Brasil Ltda."
PROVIDER_BR_ADDRESS = "Avenida Exemplo 1000, 12th floor, São Paulo – SP, 04538-133"
PROVIDER_CA = "Example Online Services Canada ULC"
PROVIDER_CA_ADDRESS = "100 Example Street West, Suite 2400, Toronto, ON M5J 2N8"
LEGAL_INBOX = "legal.process@example.com"  # the provider's own service address: never a target

MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
}

NUMBER_WORDS = {
    "en": {
        1: "one",
        2: "two",
        3: "three",
        5: "five",
        7: "seven",
        10: "ten",
        14: "fourteen",
        15: "fifteen",
        20: "twenty",
        21: "twenty-one",
        28: "twenty-eight",
        30: "thirty",
        45: "forty-five",
        60: "sixty",
        90: "ninety",
        120: "one hundred twenty",
        180: "one hundred eighty",
        365: "three hundred sixty-five",
    },
    "de": {
        1: "einem",
        2: "zwei",
        3: "drei",
        5: "fünf",
        7: "sieben",
        10: "zehn",
        14: "vierzehn",
        15: "fünfzehn",
        20: "zwanzig",
        21: "einundzwanzig",
        30: "dreißig",
        60: "sechzig",
        90: "neunzig",
        180: "hundertachtzig",
        365: "dreihundertfünfundsechzig",
    },
    "fr": {
        1: "un",
        2: "deux",
        3: "trois",
        5: "cinq",
        7: "sept",
        8: "huit",
        10: "dix",
        14: "quatorze",
        15: "quinze",
        20: "vingt",
        21: "vingt et un",
        30: "trente",
        60: "soixante",
        90: "quatre-vingt-dix",
        180: "cent quatre-vingts",
        365: "trois cent soixante-cinq",
    },
    "es": {
        1: "un",
        2: "dos",
        3: "tres",
        5: "cinco",
        7: "siete",
        10: "diez",
        14: "catorce",
        15: "quince",
        20: "veinte",
        21: "veintiún",
        30: "treinta",
        60: "sesenta",
        90: "noventa",
        180: "ciento ochenta",
        365: "trescientos sesenta y cinco",
    },
}

FIRST = {
    "en": "Aaron Bridget Callum Dana Elliot Fiona Grant Harriet Isaac Joanna Keith Laura Marcus Nadia "
    "Owen Priya Quentin Rosa Samuel Tessa Victor Wendy".split(),
    "de": "Anja Bernd Christina Dirk Eva Florian Gudrun Holger Ines Jan Katrin Lars Miriam Niklas "
    "Petra Ralf Sabine Tobias Ulrike Volker".split(),
    "fr": "Amélie Bastien Céline Damien Élodie Fabrice Gaëlle Hugo Inès Jérôme Laure Mathieu Nathalie "
    "Olivier Pauline Romain Sophie Thierry Valérie Yann".split(),
    "es": "Alba Bruno Carmen Diego Elena Fernando Gloria Héctor Irene Javier Lucía Manuel Nuria "
    "Óscar Paula Raúl Silvia Tomás Verónica Xavier".split(),
}
LAST = {
    "en": "Abernathy Blackwood Carrington Delaney Ellsworth Fairbanks Galloway Hargrove Ingram Jessup "
    "Kimura Lockhart Merriweather Nakamura Okonkwo Pritchard Quinlan Rutherford Sterling Thornton "
    "Underhill Vasquez Whitfield Yardley".split(),
    "de": "Albrecht Brandstätter Dietrich Eberhardt Falkenberg Grünewald Hartwig Imhoff Jansen Kessler "
    "Lindner Mertens Neumayer Oberländer Pfeiffer Reinhardt Schwaiger Thielen Uhlig Vogt Winkler".split(),
    "fr": "Arnaud Bertrand Chevalier Delacroix Esnault Fontaine Garnier Hubert Joubert Lefèvre Marchand "
    "Noël Perrin Roussel Sauvage Texier Vasseur".split(),
    "es": "Aguirre Benítez Castillo Domínguez Escobar Fuentes Gallardo Herrera Iglesias Jiménez Lozano "
    "Molina Navarro Ortega Pascual Quintana Romero Serrano Vidal".split(),
}

_WORDS = (
    "amber anchor aspen atlas basalt beacon birch bramble canyon cedar cinder cobalt coral cricket "
    "delta drift ember falcon fennel fjord garnet glacier harbor hazel heron indigo iris juniper "
    "kestrel lagoon lantern linden lumen maple marble meadow mistral nectar nimbus oak onyx orchid "
    "pebble pine prairie quartz quill raven reef ridge rowan saffron sable sierra slate sparrow "
    "spruce thistle tundra umber velvet willow wren yarrow zephyr"
).split()
_HANDLE_SUFFIX = ("", "_", ".", "-")


# --------------------------------------------------------------------- identifiers


@dataclass(frozen=True)
class Ident:
    """One identifier: the truth value and the way it is printed on the page."""

    kind: str  # email | phone | account_id | username | gamertag | ip | url | other
    value: str  # normalised: what the truth file records
    printed: str  # what the page shows


# Fictional telephone ranges, by scheme: (E.164 prefix, digits to add, national print format).
# NANP 555-0100..0199 is fictional in every area code; Ofcom keeps 07700 900xxx and
# 020 7946 0xxx for drama; ARCEP 06 39 98 xx xx and 01 99 00 xx xx; the Bundesnetzagentur
# 030 23125 xxx; ACMA 0491 570 xxx.
_NPA = (
    "206 212 213 303 305 312 404 406 415 503 512 602 617 646 702 713 720 801 804 808 907 "
    "916 971 202 215 314 317 412 414 502 504 505 509 510 541 559 571 612 615 619 651 702"
).split()


class Allocator:
    """Hands out corpus-unique synthetic identifiers (one per run, shared by all documents)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def _fresh(self, make: Any) -> str:
        for _ in range(10_000):
            value = make()
            if value not in self.used:
                self.used.add(value)
                return str(value)
        raise RuntimeError("identifier space exhausted")  # pragma: no cover

    def word(self) -> str:
        return self.rng.choice(_WORDS)

    def email(self, local: str | None = None, domain: str | None = None) -> str:
        r = self.rng

        def make() -> str:
            if local:
                name = local + str(r.randint(2, 99))
            else:
                style = r.randrange(4)
                a, b = r.sample(_WORDS, 2)
                if style == 0:
                    name = f"{a}.{b}{r.randint(1, 99)}"
                elif style == 1:
                    name = f"{a}_{b}"
                elif style == 2:
                    name = f"{a[0]}.{b}{r.randint(70, 99)}"
                else:
                    name = f"{a}{b}{r.randint(100, 999)}"
            return f"{name}@{domain or r.choice(('example.com', 'example.net', 'example.org'))}"

        return self._fresh(make)

    def phone(self, scheme: str) -> tuple[str, str]:
        """(E.164, national print form) of a fresh number in a fictional range."""
        r = self.rng
        if scheme == "nanp":
            e164 = self._fresh(lambda: f"+1{r.choice(_NPA)}55501{r.randint(0, 99):02d}")
            return e164, f"({e164[2:5]}) 555-{e164[8:]}"
        if scheme == "gb":
            if r.random() < 0.6:
                e164 = self._fresh(lambda: f"+447700900{r.randint(0, 999):03d}")
                return e164, f"07700 900{e164[-3:]}"
            e164 = self._fresh(lambda: f"+4420794600{r.randint(0, 99):02d}")
            return e164, f"020 7946 0{e164[-3:]}"
        if scheme == "fr":
            e164 = self._fresh(lambda: f"+3363998{r.randint(0, 9999):04d}")
            d = e164[-4:]
            return e164, f"06 39 98 {d[:2]} {d[2:]}"
        if scheme == "de":
            e164 = self._fresh(lambda: f"+493023125{r.randint(0, 999):03d}")
            return e164, f"030 23125{e164[-3:]}"
        if scheme == "au":
            e164 = self._fresh(lambda: f"+61491570{r.randint(6, 159):03d}")
            return e164, f"0491 570 {e164[-3:]}"
        raise ValueError(scheme)

    def ipv4(self) -> str:
        r = self.rng
        net = r.choice(("192.0.2", "198.51.100", "203.0.113"))
        return self._fresh(lambda: f"{net}.{r.randint(1, 254)}")

    def ipv6(self) -> str:
        r = self.rng

        def make() -> str:
            groups = [f"{r.randint(0, 0xFFFF):x}" for _ in range(r.randint(1, 3))]
            tail = [f"{r.randint(1, 0xFFFF):x}" for _ in range(r.randint(1, 2))]
            return str(ipaddress.IPv6Address("2001:db8:" + ":".join(groups) + "::" + ":".join(tail)))

        return self._fresh(make)

    def token(self, alphabet: str, length: int) -> str:
        return self._fresh(lambda: "".join(self.rng.choice(alphabet) for _ in range(length)))


# ----------------------------------------------------------------------------- dates


def ordinal_en(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def fmt_date(d: date, lang: str, country: str, style: str = "long") -> str:
    """``d`` written the way a document from ``country`` in ``lang`` writes it."""
    if style == "iso":
        return d.isoformat()
    month = MONTHS[lang][d.month - 1]
    if lang == "en":
        us = country in ("US", "CA")
        if style == "num":
            return f"{d.month:02d}/{d.day:02d}/{d.year}" if us else f"{d.day:02d}/{d.month:02d}/{d.year}"
        if style == "ord":
            return f"{ordinal_en(d.day)} day of {month}{',' if us else ''} {d.year}"
        if style == "abbr":
            return f"{month[:3]}. {d.day}, {d.year}" if us else f"{d.day} {month[:3]} {d.year}"
        if style == "upper":
            return (f"{month} {d.day}, {d.year}" if us else f"{d.day} {month} {d.year}").upper()
        return f"{month} {d.day}, {d.year}" if us else f"{d.day} {month} {d.year}"
    if lang == "de":
        if style == "num":
            return f"{d.day:02d}.{d.month:02d}.{d.year}"
        if style == "short":
            return f"{d.day}.{d.month}.{d.year}"
        return f"{d.day}. {month} {d.year}"
    if lang == "fr":
        if style == "num":
            return f"{d.day:02d}/{d.month:02d}/{d.year}"
        return f"{'1er' if d.day == 1 else d.day} {month} {d.year}"
    if lang == "es":
        if style == "num":
            return f"{d.day:02d}/{d.month:02d}/{d.year}"
        if style == "short":
            return f"{d.day}/{d.month}/{d.year}"
        return f"{d.day} de {month} de {d.year}"
    raise ValueError(lang)


def words(n: int, lang: str) -> str:
    return NUMBER_WORDS[lang].get(n, str(n))


# ----------------------------------------------------------------------------- context


@dataclass
class Built:
    """A finished template: the document, how it is scanned, and its truth."""

    name: str
    doc: Document
    settings: ScanSettings
    truth: dict[str, Any]


@dataclass
class Ctx:
    """Everything one template needs to write one demand and its truth."""

    name: str
    rng: random.Random
    alloc: Allocator
    lang: str
    country: str
    instrument: str
    flags: frozenset[str] = frozenset()  # traps the recipe asks for: "redact", "split", ...
    idents: list[dict[str, Any]] = field(default_factory=list)
    categories: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)
    _seen: set[tuple[str, str]] = field(default_factory=set)

    # ----------------------------------------------------------------- randomness
    def pick(self, options: Any) -> Any:
        return self.rng.choice(list(options))

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def has(self, flag: str) -> bool:
        return flag in self.flags

    def gag(self, modes: tuple[str, ...], days: tuple[int, ...] = (90, 180, 365)) -> tuple[str, int | None]:
        """How the document treats secrecy: ('days', n), ('open', None), ('request', None) or ('none', None).

        A recipe flag ``gag:90`` / ``gag:open`` / ``gag:none`` / ``gag:request`` forces the answer, so that
        the corpus covers every kind whatever the seed; otherwise one of ``modes`` is drawn.
        """
        for flag in self.flags:
            if flag.startswith("gag:"):
                value = flag.removeprefix("gag:")
                return ("days", int(value)) if value.isdigit() else (value, None)
        mode = self.pick(modes)
        return mode, self.pick(days) if mode == "days" else None

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    # ---------------------------------------------------------------------- names
    def person(self, lang: str | None = None) -> tuple[str, str]:
        lang = lang or self.lang
        return self.pick(FIRST[lang]), self.pick(LAST[lang])

    def full_name(self, lang: str | None = None) -> str:
        first, last = self.person(lang)
        if (lang or self.lang) == "en" and self.chance(0.4):
            return f"{first} {self.pick('ABCDEFGHJKLMNPRSTW')}. {last}"
        return f"{first} {last}"

    def case_no(self, pattern: str) -> str:
        """``pattern`` with ``#`` replaced by digits and ``@`` by capital letters."""
        out = []
        for ch in pattern:
            if ch == "#":
                out.append(str(self.rng.randint(0, 9)))
            elif ch == "@":
                out.append(self.pick("ABCDEFGHJKLMNPRSTUVWXYZ"))
            else:
                out.append(ch)
        return "".join(out)

    # ---------------------------------------------------------------------- dates
    def date(self, d: date, style: str | None = None) -> str:
        if style is None:
            style = self.date_style
        return fmt_date(d, self.lang, self.country, style)

    @property
    def date_style(self) -> str:
        if "date_style" not in self.facts:
            # Canada writes 02/03/2026 both ways round: never numeric there.
            weights = (3, 0) if self.country == "CA" else (3, 1)
            self.facts["date_style"] = self.rng.choices(("long", "num"), weights=weights)[0]
        return str(self.facts["date_style"])

    def issue_date(self) -> date:
        d = date(2026, 1, 5) + timedelta(days=self.rng.randint(0, 320))
        self.facts["date_issued"] = d
        return d

    def span(self, issued: date, *, to_issue: bool = False) -> tuple[date, date]:
        """A date range that ends before (or on) ``issued``; recorded as the truth's date_range."""
        end = issued if to_issue else issued - timedelta(days=self.rng.randint(3, 40))
        start = end - timedelta(days=self.rng.choice((30, 45, 60, 90, 120, 181, 200, 365)))
        if self.chance(0.5):
            start = start.replace(day=1)
        self.facts["date_range"] = (start, end)
        return start, end

    def due(self, days: int) -> date:
        d = self.facts["date_issued"] + timedelta(days=days)
        self.facts["response_due"] = d
        return d

    def due_on(self, d: date) -> date:
        self.facts["response_due"] = d
        return d

    # ----------------------------------------------------------------- identifiers
    def new_email(self, local: str | None = None, domain: str | None = None) -> Ident:
        value = self.alloc.email(local, domain)
        printed = value
        if self.chance(0.15):  # some offices capitalise: the truth is lower-case
            local_part, _, dom = value.partition("@")
            printed = ".".join(p[:1].upper() + p[1:] for p in local_part.split(".")) + "@" + dom
        return Ident("email", value, printed)

    def new_phone(self, scheme: str | None = None, international: bool | None = None) -> Ident:
        scheme = scheme or {"US": "nanp", "CA": "nanp", "GB": "gb", "FR": "fr", "DE": "de", "AU": "au"}.get(
            self.country, self.pick(("gb", "fr", "nanp"))
        )
        e164, national = self.alloc.phone(scheme)
        home = {"nanp": ("US", "CA"), "gb": ("GB",), "fr": ("FR",), "de": ("DE",), "au": ("AU",)}[scheme]
        if international is None:
            international = self.country not in home or self.chance(0.4)
        if international:
            cc_len = 1 if e164.startswith("+1") else 2
            cc, rest = e164[: cc_len + 1], e164[cc_len + 1 :]
            if scheme == "nanp":
                printed = self.pick(
                    (f"+1 {rest[:3]} {rest[3:6]} {rest[6:]}", f"+1-{rest[:3]}-{rest[3:6]}-{rest[6:]}")
                )
            else:
                nat = national[1:]  # national form without the trunk 0
                printed = self.pick((f"{cc} {nat}", f"{cc} (0){nat}"))
        else:
            printed = national
            if scheme == "nanp" and self.chance(0.3):
                printed = f"{e164[2:5]}-555-{e164[8:]}"
        return Ident("phone", e164, printed)

    def new_ip(self, v6: bool = False) -> Ident:
        if not v6:
            value = self.alloc.ipv4()
            return Ident("ip", value, value)
        value = self.alloc.ipv6()
        printed = value
        if self.chance(0.3):
            printed = ipaddress.IPv6Address(value).exploded  # as some logs print it
        elif self.chance(0.3):
            printed = value.upper()
        return Ident("ip", value, printed)

    def new_account(self) -> Ident:
        a = self.alloc
        style = self.rng.randrange(4)
        if style == 0:
            value = a.token("0123456789", 12)
        elif style == 1:
            value = "CID-" + a.token("0123456789ABCDEF", 10)
        elif style == 2:
            value = a.token("0123456789", 4) + "-" + a.token("0123456789", 6)
        else:
            value = "UID" + a.token("0123456789", 9)
        return Ident("account_id", value, value)

    def new_username(self) -> Ident:
        a = self.alloc
        value = a._fresh(lambda: f"{a.word()}{self.pick(_HANDLE_SUFFIX)}{a.word()}{self.rng.randint(1, 99)}")
        return Ident("username", value, value)

    def new_gamertag(self) -> Ident:
        a = self.alloc
        value = a._fresh(
            lambda: self.pick(
                (
                    f"{a.word().title()} {a.word().title()} {self.rng.randint(1, 999)}",
                    f"{a.word().title()}{a.word().title()}{self.rng.randint(10, 99)}",
                    f"x{a.word().title()}x{self.rng.randint(1, 99)}",
                )
            )
        )
        return Ident("gamertag", value, value)

    def new_url(self, kind: str = "post") -> Ident:
        a = self.alloc
        host = self.pick(
            ("social.example.org", "share.example.net", "forum.example.com", "video.example.net")
        )
        path = {
            "post": lambda: f"/p/{a.token('abcdefghijkmnpqrstuvwxyz23456789', 10)}",
            "profile": lambda: f"/users/{a.word()}.{a.word()}{self.rng.randint(1, 99)}",
            "file": lambda: f"/s/{a.token('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789', 9)}",
        }[kind]
        value = a._fresh(lambda: f"https://{host}{path()}")
        return Ident("url", value, value)

    def new_ident(self, kind: str) -> Ident:
        return {
            "email": self.new_email,
            "phone": self.new_phone,
            "account_id": self.new_account,
            "username": self.new_username,
            "gamertag": self.new_gamertag,
            "ip": lambda: self.new_ip(self.chance(0.35)),
            "url": self.new_url,
        }[kind]()

    def targets(self, kinds: list[str]) -> list[Ident]:
        return [self.new_ident(k) for k in kinds]

    def target(
        self, ident: Ident, *, redact: bool = False, obfuscate: bool = False, split: bool = False
    ) -> str:
        """Record ``ident`` as a target of the demand; the text to print for it."""
        if redact:
            self.idents.append({"kind": ident.kind, "value": None, "redacted": True})
            self.note(f"a redaction bar covers one {ident.kind} identifier: value null, redacted true")
            return f"[[{ident.printed}]]"
        key = (ident.kind, ident.value)
        if key not in self._seen:
            self._seen.add(key)
            self.idents.append({"kind": ident.kind, "value": ident.value, "redacted": False})
        if obfuscate and ident.kind == "email":
            local, _, domain = ident.printed.partition("@")
            name, _, tld = domain.rpartition(".")
            at, dot = self.pick(((" [at] ", " [dot] "), (" (at) ", " (dot) "), (" at ", " dot ")))
            if self.lang == "de":
                at, dot = " (at) ", " (punkt) "
            self.note(f"an e-mail address is written out as {local}{at}{name}{dot}{tld}")
            return f"{local}{at}{name}{dot}{tld}"
        if split and len(ident.printed) > 10:
            text = ident.printed
            cut = text.find("@") + 1 if "@" in text else len(text) // 2
            if ident.kind == "url":
                cut = text.rfind("/") + 1
            self.note(f"the identifier {ident.value} is broken across two lines")
            return text[:cut] + "\n" + text[cut:]
        if ident.printed != ident.value:
            self.note(f"{ident.kind} printed as '{ident.printed}', truth normalised to {ident.value}")
        return ident.printed

    def contact_phone(self, international: bool | None = None) -> str:
        """The requester's own number: printed, never a target."""
        ident = self.new_phone(international=international)
        self.note(f"requester's own phone {ident.value} is not a target")
        return ident.printed

    def contact_email(self, local: str | None = None) -> str:
        value = self.alloc.email(local, self.pick(("example.org", "example.net")))
        self.note(f"requester's own e-mail {value} is not a target")
        return value

    # --------------------------------------------------------------------- data
    def wants(self, category: str, content: bool | None = None) -> None:
        """Record that the document asks for ``category``."""
        if content is None:
            content = category == "content"
        entry = {"category": category, "content": content}
        if entry not in self.categories:
            self.categories.append(entry)

    # ------------------------------------------------------------------- truth
    def truth(
        self,
        *,
        authority: str,
        addressee: str | None,
        signed: bool,
        secrecy: dict[str, Any] | None = None,
        emergency: bool = False,
    ) -> dict[str, Any]:
        issued: date = self.facts["date_issued"]
        rng_ = self.facts.get("date_range")
        due = self.facts.get("response_due")
        if secrecy is None:
            secrecy = {"present": False, "duration_days": None, "expires": None, "open_ended": False}
        return {
            "instrument": self.instrument,
            "issuing_authority": authority,
            "country": self.country,
            "date_issued": issued.isoformat(),
            "signed": signed,
            "addressee": addressee,
            "identifiers": self.idents,
            "data_requested": self.categories,
            "date_range": {
                "from": rng_[0].isoformat() if rng_ and rng_[0] else None,
                "to": rng_[1].isoformat() if rng_ and rng_[1] else None,
            },
            "response_due": due.isoformat() if due else None,
            "emergency": emergency,
            "secrecy_order": secrecy,
            "language": self.lang,
            "notes": "; ".join(self.notes),
        }

    def secrecy(self, days: int | None) -> dict[str, Any]:
        """A secrecy order of ``days`` from the date issued; ``None`` for open-ended."""
        if days is None:
            return {"present": True, "duration_days": None, "expires": None, "open_ended": True}
        expires = self.facts["date_issued"] + timedelta(days=days)
        return {"present": True, "duration_days": days, "expires": expires.isoformat(), "open_ended": False}

    # ------------------------------------------------------------------- blocks
    def bullets(self, items: list[str], style: str | None = None, size: float = 10.5) -> list[Block]:
        style = style or self.pick(("num", "alpha", "paren", "dash", "roman"))
        marks = {
            "num": [f"{i}." for i in range(1, 30)],
            "alpha": [f"{c}." for c in "abcdefghijklmnop"],
            "paren": [f"({c})" for c in "abcdefghijklmnop"],
            "dash": ["–"] * 30,
            "roman": [f"({r})" for r in "i ii iii iv v vi vii viii ix x xi xii".split()],
        }[style]
        return [
            Paragraph(text, size=size, bullet=marks[i], indent=8, space_after=2.5)
            for i, text in enumerate(items)
        ]

    def ident_table(self, rows: list[tuple[str, str]], size: float = 10) -> list[Block]:
        """Identifiers as a table: labelled rows, or (rarely) two identifiers per row."""
        layout = (
            "grid2"
            if self.has("twocol")
            else self.pick(("labelled", "labelled", "labelled", "grid2", "plain"))
        )
        if layout == "grid2" and len(rows) >= 2:
            self.note("identifiers set side by side in a two-column table")
            values = [f"{label}: {value}" for label, value in rows]
            if len(values) % 2:
                values.append("")
            pairs = [(values[i], values[i + 1]) for i in range(0, len(values), 2)]
            return [Table(pairs, split=0.5, size=size, bold_left=False)]
        return [
            Table(
                rows,
                split=self.pick((0.26, 0.3, 0.34)),
                size=size,
                style="grid" if layout != "plain" else "plain",
            )
        ]

    def signature(
        self,
        lines: list[str],
        *,
        signed: bool,
        esign: bool | None = None,
        align: str | None = None,
        size: float = 10.5,
        width: float = 220,
    ) -> tuple[Signature, bool]:
        """A signature block; (block, whether it really is signed)."""
        side = cast(Literal["left", "right"], align or self.pick(("left", "right")))
        if not signed:
            self.note("unsigned: an empty signature line above the printed name")
            return Signature(["_" * 34, *lines], align=side, size=size, width=width), False
        if esign is None:
            esign = self.chance(0.35)
        if esign:
            self.note("signed electronically with '/s/'")
            return Signature([f"/s/ {lines[0]}", *lines], align=side, size=size, width=width), True
        self.note("hand signature")
        return Signature(lines, squiggle=True, align=side, size=size, width=width), True

    def stamp(self, lines: tuple[str, ...], *, page: int = 0, over_text: bool = True) -> Stamp:
        color = self.pick(((196, 36, 44), (34, 64, 168), (80, 80, 80), (150, 30, 120)))
        if over_text:
            center = (self.rng.uniform(0.35, 0.7), self.rng.uniform(0.3, 0.75))
            self.note("a rubber stamp is inked over body text")
        else:
            center = (self.rng.uniform(0.6, 0.75), self.rng.uniform(0.07, 0.12))
        return Stamp(lines=lines, color=color, page=page, center=center, width_in=self.rng.uniform(1.8, 2.4))

    def heading(self, text: str, size: float = 13, **kw: Any) -> Heading:
        return Heading(text, size, **kw)


def received_stamp(ctx: Ctx, issued: date) -> Stamp:
    """The provider's own 'received' stamp: a date that is not the date issued."""
    got = issued + timedelta(days=ctx.rng.randint(1, 6))
    label = {
        "en": ("RECEIVED", "LEGAL PROCESS"),
        "de": ("EINGANG", "RECHTSABTEILUNG"),
        "fr": ("REÇU LE", "SERVICE JURIDIQUE"),
        "es": ("RECIBIDO", "ASESORÍA JURÍDICA"),
    }[ctx.lang]
    when = (
        fmt_date(got, "en", "US", "abbr").upper().replace(".", "")
        if ctx.lang == "en"
        else fmt_date(got, ctx.lang, ctx.country, "num")
    )
    ctx.note(f"a received stamp carries {got.isoformat()}, which is not the date issued")
    return ctx.stamp((label[0], when, label[1]), over_text=ctx.chance(0.5))


def finish(
    ctx: Ctx,
    blocks: list[Block],
    *,
    authority: str,
    addressee: str | None,
    signed: bool,
    secrecy: dict[str, Any] | None = None,
    emergency: bool = False,
    page_size: Literal["letter", "a4"] | None = None,
    font: Literal["serif", "sans", "mono"] | None = None,
    footer: str | None = None,
    stamp: Stamp | None = None,
    margin: float | None = None,
) -> Built:
    """Wrap a template's blocks into a :class:`Built` with randomised scan damage."""
    r = ctx.rng
    if page_size is None:
        page_size = "letter" if ctx.country in ("US", "CA") else "a4"
    doc = Document(
        blocks,
        page_size=page_size,
        font=font or ctx.pick(("serif", "serif", "sans")),
        margin=margin or r.choice((54, 60, 66, 72)),
        footer=footer,
    )
    if stamp is None and (ctx.has("stamp") or ctx.chance(0.3)):
        stamp = received_stamp(ctx, ctx.facts["date_issued"])
    upside = (0,) if ctx.has("upside_down") else ()
    if upside:
        ctx.note("the first page was scanned upside down (rotated 180 degrees)")
    dpi = r.choice((200, 200, 240, 300))
    settings = ScanSettings(
        dpi=dpi,
        seed=r.randrange(2**31),
        noise=r.uniform(5, 11),
        paper_noise=r.uniform(0.8, 1.8),
        speckles=r.uniform(0.3, 1.4),
        blur=r.uniform(0.8, 1.6) if dpi < 300 else r.uniform(1.2, 1.9),
        paper=r.randint(236, 250),
        ink=r.randint(35, 65),
        jpeg_quality=r.randint(55, 74) if dpi < 300 else r.randint(52, 64),
        stamp=stamp,
        upside_down=upside,
    )
    truth = ctx.truth(
        authority=authority, addressee=addressee, signed=signed, secrecy=secrecy, emergency=emergency
    )
    return Built(ctx.name, doc, settings, truth)
