"""Demands in Ukrainian, Japanese, Korean, Arabic and Hindi (issue 16, "every country and any
script"): each is read for its language, country, instrument, date of issue, targets, the
data asked for and the secrecy order, from text pages and, for some, from an image-only
scan read by the real Tesseract. The wording is invented, in the form such requests take."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from app.intake.extract import extract_facts
from app.intake.facts import ExtractedFacts
from app.intake.ocr import installed_languages
from app.intake.pipeline import read_demand
from tests.app.test_extract import page
from tests.corpus.scripts import CYRILLIC_FONT, scan_lines

TODAY = date(2026, 12, 7)

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")


def _needs(*languages: str) -> None:
    missing = set(languages) - installed_languages()
    if missing:
        pytest.skip(f"no Tesseract language pack for {', '.join(sorted(missing))} (packaging/bootstrap.sh)")


def _read(lines: list[str]) -> ExtractedFacts:
    return extract_facts([page(*lines)], today=TODAY)


def _scan(lines: list[str], font: object) -> ExtractedFacts:
    return read_demand(scan_lines(lines, font), today=TODAY).facts  # type: ignore[arg-type]


def _value(facts: ExtractedFacts, key: str) -> object:
    reading = facts.scalars.get(key)
    return reading.value if reading else None


def _targets(facts: ExtractedFacts) -> set[tuple[str, str | None]]:
    return {(i.kind, i.value) for i in facts.identifiers}


def _categories(facts: ExtractedFacts) -> set[str]:
    return {d.category for d in facts.data_requested}


def _assert_read(
    facts: ExtractedFacts, *, language: str | None, country: str, instrument: str, issued: str, email: str
) -> None:
    if language is not None:
        assert facts.language == language
    assert _value(facts, "country") == country
    assert _value(facts, "instrument") == instrument
    assert _value(facts, "date_issued") == issued
    assert ("email", email) in _targets(facts)
    assert {"subscriber_info", "ip_history"} <= _categories(facts)
    assert not any(d.content for d in facts.data_requested)  # no content was asked for
    assert facts.secrecy_order is not None and facts.secrecy_order.present


# -- Ukrainian ----------------------------------------------------------------------------------

UKRAINIAN_REQUEST = [
    "НАЦІОНАЛЬНА ПОЛІЦІЯ УКРАЇНИ",
    "Департамент кіберполіції",
    "м. Київ, вул. Богомольця, 10",
    "",
    "ЗАПИТ",
    "про надання інформації",
    "",
    "Дата: 12 березня 2026 р.",
    "Кому: Example Online Services LLC",
    "",
    "У зв'язку з досудовим розслідуванням у кримінальному провадженні",
    "№ 12026100000000123, відомості про яке внесено до Єдиного реєстру",
    "досудових розслідувань 02.03.2026, прошу надати такі відомості щодо облікового запису",
    "з адресою електронної пошти olena.prykladova@example.com:",
    "1. реєстраційні дані абонента (прізвище, ім'я, номер телефону);",
    "2. журнали підключень та IP-адреси за період з 1 січня 2026 р.",
    "по теперішній час.",
    "Відомості, що запитуються, а також інформацію, яка стосується цього запису,",
    "прошу надати в електронному вигляді або на паперових носіях. Це необхідно",
    "для встановлення особи, що використовує обліковий запис, та обставин, які",
    "було встановлено під час розслідування.",
    "Відповідь надати протягом 10 днів з моменту отримання запиту.",
    "Відомості досудового розслідування не підлягають розголошенню.",
    "",
    "З повагою",
    "Старший слідчий Іван Петренко",
]


def test_ukrainian_request_is_read_from_text():
    facts = _read(UKRAINIAN_REQUEST)
    _assert_read(
        facts, language="uk", country="UA", instrument="subpoena", issued="2026-03-12",
        email="olena.prykladova@example.com",
    )  # fmt: skip


def test_ukrainian_is_told_from_russian():
    # The two share most letters and many words; the function words tell them apart.
    from tests.app.test_scripts import RUSSIAN_REQUEST

    russian = [*RUSSIAN_REQUEST, "Прошу не разглашать сведения, которые были запрошены, и не уведомлять его."]
    assert _read(russian).language == "ru"
    assert _read(UKRAINIAN_REQUEST).language == "uk"


@needs_tesseract
def test_ukrainian_image_only_scan_is_read():
    _needs("ukr", "osd")
    facts = _scan(UKRAINIAN_REQUEST, CYRILLIC_FONT)
    _assert_read(
        facts, language="uk", country="UA", instrument="subpoena", issued="2026-03-12",
        email="olena.prykladova@example.com",
    )  # fmt: skip
