"""Demands in Ukrainian, Japanese, Korean, Arabic and Hindi (issue 16, "every country and any
script"): each is read for its language, country, instrument, date of issue, targets, the
data asked for and the secrecy order, from text pages and, for some, from an image-only
scan read by the real Tesseract. The wording is invented, in the form such requests take."""

from __future__ import annotations

import re
import shutil
from datetime import date

import pytest

from app.intake.extract import extract_facts
from app.intake.facts import ExtractedFacts
from app.intake.folding import fold
from app.intake.ocr import installed_languages
from app.intake.ocrtext import parse_tsv
from app.intake.pipeline import read_demand
from app.intake.vocab_load import vocabulary
from tests.app.test_extract import page
from tests.corpus.scripts import CYRILLIC_FONT, cjk_font, scan_lines

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


# -- Japanese -----------------------------------------------------------------------------------

# Japanese is printed without spaces between words; OCR reads it as words, and the text
# pages here are written as it reads them (the scan is printed without the spaces).
JAPANESE_INQUIRY = [
    "捜査 関係 事項 照会 書",
    "",
    "2026 年 3 月 12 日",
    "Example Online Services LLC 御中",
    "警視 庁 サイバー 犯罪 対策 課",
    "司法 警察 員 警部 山田 太郎 (印)",
    "",
    "捜査 の ため 必要 が ある ので 、 刑事 訴訟 法 第 197 条 第 2 項 に 基づき 、",
    "下記 事項 に つい て 照会 し ます 。",
    "",
    "1 照会 事項",
    "メール アドレス taro.rei@example.com を 使用 する アカウント に つい て 、",
    "次 の 情報 を 回答 さ れ たい 。",
    "(1) 契約 者 情報 (氏名 、 住所 、 電話 番号 )",
    "(2) 2026 年 1 月 1 日 から 現在 まで の IP アドレス 及び アクセス ログ",
    "2 回答 期限 本 書 受領 後 10 日 以内",
    "3 その 他 本 照会 の 事実 及び 内容 は 、 捜査 上 の 秘密 で ある ため 、",
    "照会 対象 者 を 含め 第 三 者 に 漏らさ ない こと 。",
]


def _unspaced(lines: list[str]) -> list[str]:
    """The lines as printed: no space beside a Chinese or Japanese character."""
    cjk = "[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef(（)）]"
    return [re.sub(f"(?<={cjk}) (?={cjk})", "", line) for line in lines]


def test_japanese_inquiry_is_read_from_text():
    facts = _read(JAPANESE_INQUIRY)
    _assert_read(
        facts, language="ja", country="JP", instrument="subpoena", issued="2026-03-12",
        email="taro.rei@example.com",
    )  # fmt: skip
    secrecy = facts.secrecy_order
    assert secrecy is not None and "漏らさない" in (secrecy.text or "").replace(" ", "")


def test_a_japanese_request_to_keep_the_inquiry_secret_is_not_a_secrecy_order():
    # A police inquiry without a judge can only ask the provider not to tell.
    asked = "3 その 他 本 照会 の 事実 は 、 第 三 者 に 漏らさ ない よう お願い し ます 。"
    lines = [*JAPANESE_INQUIRY[:-2], asked]
    secrecy = _read(lines).secrecy_order
    assert secrecy is not None and not secrecy.present


@needs_tesseract
def test_japanese_image_only_scan_is_read():
    _needs("jpn", "osd")
    font = cjk_font()
    if font is None:
        pytest.skip("no CJK font to typeset the scan (fonts-noto-cjk)")
    facts = _scan(_unspaced(JAPANESE_INQUIRY), font)
    _assert_read(
        facts, language="ja", country="JP", instrument="subpoena", issued="2026-03-12",
        email="taro.rei@example.com",
    )  # fmt: skip


# -- Korean -------------------------------------------------------------------------------------

KOREAN_REQUEST = [
    "경찰청 국가수사본부",
    "사이버수사국",
    "",
    "수신: Example Online Services LLC",
    "시행일자: 2026년 3월 12일",
    "제목: 통신사실 확인자료 제공요청",
    "",
    "1. 귀사의 협조에 감사드립니다.",
    "2. 서울중앙지방법원의 허가(2026-1234)에 따라 통신비밀보호법 제13조에 의하여,",
    "아래 계정에 대한 가입자 정보(성명, 주소, 전화번호) 및 2026년 1월 1일부터",
    "현재까지의 IP 주소 접속 기록을 제공하여 주시기 바랍니다.",
    "가. 대상 계정: 이메일 주소 minsu.yeoje@example.com",
    "나. 회신 기한: 본 요청서 수령 후 10일 이내",
    "3. 본 요청 사실 및 내용은 수사상 비밀이므로 이용자를 포함한 제3자에게",
    "누설하여서는 아니 됩니다.",
    "",
    "사이버수사국 수사관 경감 김민수 (인)",
]


def test_korean_request_is_read_from_text():
    facts = _read(KOREAN_REQUEST)
    _assert_read(
        facts, language="ko", country="KR", instrument="court_order", issued="2026-03-12",
        email="minsu.yeoje@example.com",
    )  # fmt: skip


def test_korean_phrases_match_inside_words_and_dates_are_read():
    # Particles join the noun ("경찰청은"); folding keeps Hangul syllables, so the year-month-day
    # characters of a date are found.
    vocab = vocabulary()
    assert vocab.authorities.search(fold("경찰청은 다음과 같이"))
    facts = _read(["경찰청", "시행일자: 2026년 3월 12일"])
    assert _value(facts, "date_issued") == "2026-03-12"


@needs_tesseract
def test_korean_image_only_scan_is_read():
    _needs("kor", "osd")
    font = cjk_font()
    if font is None:
        pytest.skip("no CJK font to typeset the scan (fonts-noto-cjk)")
    facts = _scan(KOREAN_REQUEST, font)
    # Tesseract's Korean model misreads the year-month-day characters written onto digits
    # ("3월 12일" as "3B 124") and the title's last syllable on this scan: the date and the
    # instrument are left to the reviewer, and must not be read wrong.
    assert facts.language == "ko"
    assert _value(facts, "country") == "KR"
    assert _value(facts, "date_issued") in (None, "2026-03-12")
    assert ("email", "minsu.yeoje@example.com") in _targets(facts)
    assert {"subscriber_info", "ip_history"} <= _categories(facts)
    assert facts.secrecy_order is not None and facts.secrecy_order.present


# -- Arabic -------------------------------------------------------------------------------------

ARABIC_REQUEST = [
    "القيادة العامة لشرطة دبي",
    "الإدارة العامة للتحريات والمباحث الجنائية",
    "",
    "التاريخ: 12 مارس 2026",
    "إلى: Example Online Services LLC",
    "الموضوع: طلب معلومات",
    "",
    "تحية طيبة وبعد،",
    "في إطار التحقيقات الجارية في القضية الجنائية رقم 1234 لسنة 2026، يرجى تزويدنا",
    "بالبيانات التالية عن الحساب المرتبط بعنوان البريد الإلكتروني fatima.mithal@example.com:",
    "1. بيانات المشترك (الاسم الكامل ورقم الهاتف وتاريخ التسجيل)؛",
    "2. سجلات الدخول وعناوين IP من 1 يناير 2026 حتى تاريخه.",
    "يرجى الرد خلال 10 أيام من تاريخ استلام هذا الطلب.",
    "يحظر عليكم إبلاغ صاحب الحساب أو أي طرف ثالث بهذا الطلب حفاظا على سرية التحقيقات.",
    "",
    "وتفضلوا بقبول فائق الاحترام،",
    "المقدم خالد أحمد المنصوري",
]


def test_arabic_request_is_read_from_text():
    facts = _read(ARABIC_REQUEST)
    _assert_read(
        facts, language="ar", country="AE", instrument="subpoena", issued="2026-03-12",
        email="fatima.mithal@example.com",
    )  # fmt: skip
    assert _value(facts, "response_period") == "10 days from receipt"


def test_direction_marks_tesseract_writes_into_arabic_are_no_part_of_the_words():
    # Else the addressee read off an Arabic scan is "Example Online Services LLC\u200f", which
    # names none of the provider's entities.
    row = "5\t1\t1\t1\t1\t3\t100\t200\t80\t30\t91.5\tLLC\u200f"
    assert [w.text for w in parse_tsv(row)] == ["LLC"]
    assert parse_tsv("5\t1\t1\t1\t1\t4\t200\t200\t10\t30\t90.0\t\u200e") == []


def test_an_arabic_request_only_asking_for_discretion_is_no_secrecy_order():
    asked = "يرجى عدم إبلاغ صاحب الحساب بهذا الطلب."
    secrecy = _read([*ARABIC_REQUEST[:-4], asked]).secrecy_order
    assert secrecy is not None and not secrecy.present


@pytest.mark.parametrize(
    ("heading", "country"),
    [
        (["المملكة العربية السعودية", "النيابة العامة", "الرياض"], "SA"),
        (
            [
                "جمهورية مصر العربية",
                "وزارة الداخلية",
                "الإدارة العامة لمكافحة جرائم الحاسبات وشبكات المعلومات",
            ],
            "EG",
        ),
        (["المملكة المغربية", "المديرية العامة للأمن الوطني", "الرباط"], "MA"),
    ],
)
def test_arabic_requests_are_placed_in_their_country(heading, country):
    facts = _read([*heading, *ARABIC_REQUEST[2:]])
    assert _value(facts, "country") == country


@pytest.mark.parametrize(
    "dated",
    [
        "التاريخ: 1447/09/15هـ",  # year first, as Saudi letters head the date
        "التاريخ: ١٥/٠٩/١٤٤٧ هـ",  # Eastern Arabic digits, day first
        "التاريخ: 15 رمضان 1447هـ",
        "التاريخ: 15 من رمضان لعام 1447 هـ",
    ],
)
def test_a_saudi_request_dated_in_the_hijri_calendar_is_dated(dated):
    # 15 Ramadan 1447 is 4 March 2026 on the Umm al-Qura calendar: read as a Gregorian date, the
    # request is neither "undated" nor placed centuries ago.
    heading = ["المملكة العربية السعودية", "النيابة العامة", "الرياض", "", dated]
    facts = _read([*heading, *ARABIC_REQUEST[4:]])
    assert _value(facts, "country") == "SA"
    assert _value(facts, "date_issued") == "2026-03-04"


# -- Hindi --------------------------------------------------------------------------------------

HINDI_NOTICE = [
    "कार्यालय थाना प्रभारी, साइबर अपराध थाना",
    "दिल्ली पुलिस, नई दिल्ली",
    "",
    "नोटिस",
    "(धारा 94 भारतीय नागरिक सुरक्षा संहिता, 2023 के अंतर्गत)",
    "",
    "दिनांक: 12 मार्च 2026",
    "सेवा में,",
    "Example Online Services LLC",
    "",
    "विषय: प्राथमिकी संख्या 123/2026 की जांच के संबंध में।",
    "उपरोक्त आपराधिक मामले की जांच के लिए कृपया ईमेल आईडी ravi.udaharan@example.com",
    "से संबंधित निम्नलिखित जानकारी उपलब्ध कराने का कष्ट करें:",
    "1. ग्राहक विवरण (नाम, पता और मोबाइल नंबर);",
    "2. 1 जनवरी 2026 से अब तक के आईपी लॉग तथा लॉगिन विवरण।",
    "यह जानकारी इस नोटिस की प्राप्ति से 10 दिनों के भीतर भेजी जाए।",
    "इस नोटिस की जानकारी खाताधारक को न दी जाए और इसे गोपनीय रखा जाए।",
    "",
    "भवदीय,",
    "उप निरीक्षक राजेश कुमार",
    "जांच अधिकारी",
]


def test_hindi_notice_is_read_from_text():
    facts = _read(HINDI_NOTICE)
    _assert_read(
        facts, language="hi", country="IN", instrument="subpoena", issued="2026-03-12",
        email="ravi.udaharan@example.com",
    )  # fmt: skip


def test_hindi_phrases_match_with_or_without_the_virama():
    # Folding drops the virama and the nukta, in the text and in the phrases alike.
    assert fold("न्यायालय") == fold("नयायालय")
    assert vocabulary().cues["secrecy"].search(fold("इसे गोपनीय रखा जाए"))


# -- every language's words leave English alone ----------------------------------------------------


def test_english_demand_is_still_read_as_english():
    from tests.app.test_extract import US_HEAD, US_SIGNATURE

    facts = _read(
        [
            *US_HEAD,
            "You are commanded to produce the names and addresses of the subscriber of the account",
            "orca@example.net and all log-in IP addresses, within 10 days of receipt of this subpoena.",
            *US_SIGNATURE,
        ]
    )
    assert (facts.language, _value(facts, "country"), _value(facts, "instrument")) == ("en", "US", "subpoena")
    assert _value(facts, "date_issued") == "2026-03-02"
    assert _categories(facts) == {"subscriber_info", "ip_history"}


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("下記について、本書受領後10日以内に回答されたい。", 10),  # Japanese: 10 days, then "within"
        ("아래 자료를 수령 후 7일 이내에 제공하여 주시기 바랍니다.", 7),  # Korean
        ("कृपया इस सूचना की प्राप्ति के 10 दिनों के भीतर निम्नलिखित जानकारी प्रदान करें।", 10),  # Hindi
    ],
)
def test_a_period_written_before_its_within_word_counts_from_receipt(sentence, days):
    facts = extract_facts([page("12.03.2026", sentence, "taro@example.jp")], today=date(2026, 3, 20))
    assert facts.scalars["response_period"].value == f"{days} days from receipt"
    due = facts.scalars["response_due"]
    assert due.value is None and f"within {days} days of receipt" in (due.flagged or "")
