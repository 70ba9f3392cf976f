"""Demands in any script and from any state (issue 16): OCR picks the script, a text layer
is trusted only when it reads as text, and the country is read for states beyond the
policy packs'. The two scans are one page each, read by the real Tesseract."""

from __future__ import annotations

import io
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from app.intake.extract import extract_facts
from app.intake.extract_dates import DateReader
from app.intake.folding import fold
from app.intake.ocr import installed_languages
from app.intake.ocrtext import AUTO_LANGUAGES, han_variant, text_layer_problem
from app.intake.pdf import probe_pdf
from app.intake.pipeline import read_demand
from app.intake.vocab_load import vocabulary
from app.model import PageSource
from tests.app.test_extract import page
from tests.corpus.scripts import CYRILLIC_FONT, cjk_font, scan_lines

TODAY = date(2026, 12, 7)

# Invented wording, in the form such requests take.
CHINESE_TAKEDOWN = [
    "中华人民共和国公安部",
    "网络安全保卫局",
    "",
    "删除通知",
    "",
    "日期：2026年3月2日",
    "",
    "致：示例网络服务有限公司",
    "根据《中华人民共和国网络安全法》第四十七条的规定，经查，",
    "贵公司平台上的下列网页传播违法信息，严重扰乱网络秩序，",
    "损害公共利益。现通知贵公司立即停止传输该信息，采取删除等",
    "处置措施，防止信息扩散，保存有关记录，并向我局报告处理结果。",
    "请于收到本通知后三日内予以删除：",
    "https://github.com/sample-user/sample-repo",
    "https://sample-user.github.io/notes/",
    "",
    "特此通知。",
    "公安部网络安全保卫局（公章）",
]
RUSSIAN_REQUEST = [
    "МИНИСТЕРСТВО ВНУТРЕННИХ ДЕЛ РОССИЙСКОЙ ФЕДЕРАЦИИ",
    "г. Москва",
    "",
    "ЗАПРОС",
    "о предоставлении информации",
    "",
    "Дата: 12 марта 2026 г.",
    "",
    "В связи с расследованием уголовного дела прошу",
    "предоставить сведения об абоненте, который",
    "использует адрес электронной почты",
    "ivan.primer@example.com",
    "и страницу https://example.org/profile/ivan",
]

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")


def _needs(*languages: str) -> None:
    missing = set(languages) - installed_languages()
    if missing:
        pytest.skip(f"no Tesseract language pack for {', '.join(sorted(missing))} (packaging/bootstrap.sh)")


def _facts(pdf: bytes) -> tuple[dict[str, object], list[tuple[str, str | None]], str]:
    read = read_demand(pdf, today=TODAY)
    scalars = {k: v.value for k, v in read.facts.scalars.items()}
    return scalars, [(i.kind, i.value) for i in read.facts.identifiers], read.pages[0].text


# -- OCR picks the script -------------------------------------------------------------------


@needs_tesseract
def test_chinese_image_only_scan_is_read_with_the_chinese_model():
    _needs("chi_sim", "osd")
    font = cjk_font()
    if font is None:
        pytest.skip("no CJK font to typeset the scan (fonts-noto-cjk)")
    scalars, identifiers, text = _facts(scan_lines(CHINESE_TAKEDOWN, font))
    assert "公安" in text.replace(" ", "")
    assert scalars["country"] == "CN"
    assert scalars["instrument"] == "other"  # a takedown request, not a data demand
    assert scalars["date_issued"] == "2026-03-02"
    assert ("url", "https://github.com/sample-user/sample-repo") in identifiers


@needs_tesseract
def test_russian_image_only_scan_is_read_with_the_russian_model():
    _needs("rus", "osd")
    scalars, identifiers, text = _facts(scan_lines(RUSSIAN_REQUEST, CYRILLIC_FONT))
    assert "МИНИСТЕРСТВО" in text
    assert scalars["country"] == "RU"
    assert scalars["instrument"] == "subpoena"  # "ЗАПРОС": a request for records
    assert scalars["date_issued"] == "2026-03-12"
    assert ("email", "ivan.primer@example.com") in identifiers
    assert ("url", "https://example.org/profile/ivan") in identifiers


def test_simplified_and_traditional_chinese_are_told_apart():
    assert han_variant("中华人民共和国公安部网络安全保卫局 删除通知") == "chi_sim"
    assert han_variant("香港警務處網絡安全及科技罪案調查科 請刪除以下網頁") == "chi_tra"


# -- text layer trust -------------------------------------------------------------------------

RUSSIAN_TEXT = (
    "В соответствии с законом уведомляем, что на основании решения указатель страницы сайта "
    "включен в реестр, и владелец сайта обязан принять меры по удалению информации, которая "
    "была признана запрещенной. Это также касается копий, которые были размещены или будут "
    "размещены на других страницах, как и ссылок на них, что должно быть сделано без промедления."
)


def _text_pdf(text: str) -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.setFont("Helvetica", 9)
    for n in range(0, len(text), 90):
        c.drawString(40, 800 - n // 90 * 12, text[n : n + 90])
    c.showPage()
    c.save()
    return out.getvalue()


def test_text_layer_of_mojibake_is_not_trusted_and_the_page_is_ocred():
    mojibake = RUSSIAN_TEXT.encode("cp1251").decode("latin-1")  # Cyrillic stored as Latin-1
    probed = probe_pdf(_text_pdf(mojibake))
    assert probed.pages[0].source is PageSource.NONE


def test_text_layer_full_of_ocr_errors_is_not_trusted():
    garbage = " ".join(["Tbe qnick hrovvn f0x jumpz ovcr tlie 1azy d0g;"] * 8)
    assert text_layer_problem(garbage) is not None
    assert probe_pdf(_text_pdf(garbage)).pages[0].source is PageSource.NONE


def test_text_layer_of_real_text_is_trusted_in_any_language():
    assert text_layer_problem(RUSSIAN_TEXT) is None
    english = "You are hereby commanded to produce the records of the account that is named below. " * 4
    assert text_layer_problem(english) is None
    assert probe_pdf(_text_pdf(english)).pages[0].source is PageSource.TEXT_LAYER


# -- every country --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "country"),
    [
        (
            [
                "Ministry of Public Security of the People's Republic of China",
                "Cyber Security Department",
                "Dear Sir or Madam, the repositories listed below spread unlawful content.",
                "Please remove them at once: https://github.com/example/one",
            ],
            "CN",
        ),
        (
            [
                "Cyber Security and Technology Crime Bureau",
                "Hong Kong Police Force",
                "The page below is a forgery, an offence under the Crimes Ordinance, Laws of Hong Kong.",
                "Please remove it: https://example.github.io/fake/",
            ],
            "HK",
        ),
        (
            [
                "Singapore Computer Emergency Response Team (SingCERT)",
                "We have been notified of a phishing page hosted on your service.",
                "Please take it down: https://example.github.io/bank/",
            ],
            "SG",
        ),
    ],
)
def test_country_is_read_for_states_without_a_policy_pack(lines, country):
    facts = extract_facts([page(*lines)], today=TODAY)
    assert facts.scalars["country"].value == country


def test_chinese_phrases_match_across_the_spaces_ocr_puts_between_characters():
    vocab = vocabulary()
    assert vocab.authorities.search(fold("中 华人 民 共 和 国 公 安 部"))


def test_short_cyrillic_words_do_not_match_inside_longer_words():
    # "с" (since) must not be found in "уведомляем", as "c" is not found in "notice"
    assert vocabulary().cues["since"].search(fold("уведомляем")) is None


def test_dates_written_with_year_month_day_characters_are_read():
    reader = DateReader.build(vocabulary())
    assert [d.value for d in reader.find(fold("日期：2026年3月2日"), None)] == [date(2026, 3, 2)]


def test_bootstrap_installs_the_language_packs_the_app_reads_and_ships():
    # packaging/demand-desk.spec ships AUTO_LANGUAGES and osd; bootstrap must install the same.
    script = (Path(__file__).resolve().parents[2] / "packaging" / "bootstrap.sh").read_text()
    listed = re.search(r"^ocr_langs=\(([^)]*)\)", script, re.MULTILINE)
    assert listed is not None
    packs = {name.replace("-", "_") for name in listed.group(1).split()}
    assert packs == {*AUTO_LANGUAGES, "osd"}
