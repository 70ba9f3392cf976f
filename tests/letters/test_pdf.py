"""Letters as PDFs, and the response package: content, fonts, scripts, determinism, stamps."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject
from reportlab.pdfbase.ttfonts import TTFont

from app.letters import scripts
from app.letters.fonts import FONT_FILES, FONTS_DIR, face_for
from app.letters.package import PackageError, bates, package
from app.letters.pdf import Letterhead, render
from app.letters.templates import KINDS, draft
from tests.letters.test_templates import FOR_KIND, context

ROOT = Path(__file__).resolve().parents[2]
GREEK = "Αθηνά Παπαδοπούλου"
ARABIC = "محمد"
INJECTION = "<b>x</b> & <font>"

LETTERHEAD = Letterhead(
    organisation="Northwind Mail",
    legal_entity="Northwind Mail Ltd.",
    address_lines=["1 Harbour Square", "Dublin 2, D02 X285", "Ireland"],
    contact="lerequests@northwind.example\n+353 1 555 0100",
    signature_name="Alex Morgan",
    signature_title="Legal Compliance Counsel",
)


def letter(kind: str = "rejection", language: str = "en", **changes: object) -> bytes:
    outcome, emergency = FOR_KIND[kind]
    ctx = context(outcome=outcome, emergency=emergency, **changes)
    drafted = draft(kind, ctx, language)
    return render(
        drafted.title,
        drafted.body,
        reference=ctx.reference,
        date=ctx.date,
        addressee_lines=drafted.addressee_lines,
        letterhead=LETTERHEAD,
        author="Alex Morgan",
        subject=f"{kind} letter for {ctx.reference}",
        language=drafted.language,
        their_reference=ctx.demand_reference,
    )


def simple(body: str = "Dear Sir or Madam,\n\nYours faithfully,", **kwargs: object) -> bytes:
    args: dict[str, object] = {
        "reference": "DEMO-2026-0005",
        "date": "2026-03-14",
        "addressee_lines": ["Newark Field Office"],
        "letterhead": LETTERHEAD,
        "author": "Alex Morgan",
        "subject": "A letter",
    }
    args.update(kwargs)
    return render("Re: A demand", body, **args)  # type: ignore[arg-type]


def text_of(pdf: bytes) -> list[str]:
    """Each page's text, with whitespace runs made single spaces (lines wrap anywhere)."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def embedded_fonts(pdf: bytes) -> dict[str, bool]:
    """Base font name -> whether its program is embedded, over every page."""
    found: dict[str, bool] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = page["/Resources"].get_object().get("/Font", DictionaryObject()).get_object()
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font["/BaseFont"]).split("+")[-1]] = embedded
    return found


# ------------------------------------------------------------------------------ content


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_renders_with_its_reference_and_addressee(kind: str, language: str) -> None:
    pages = text_of(letter(kind, language))
    whole = " ".join(pages)
    for page in pages:
        assert "DEMO-2026-0005" in page
    outcome, emergency = FOR_KIND[kind]
    drafted = draft(kind, context(outcome=outcome, emergency=emergency))
    assert drafted.addressee_lines[0] in whole
    assert "Alex Morgan" in whole


def test_rejection_pdf_states_every_reason() -> None:
    whole = " ".join(text_of(letter("rejection")))
    assert "The demand is not signed. We act only on a signed document." in whole
    assert "The dates in the demand are not consistent" in whole
    assert "NK-2026-0193" in whole  # their reference, in the reference column


def test_narrowing_pdf_lists_the_in_scope_identifiers() -> None:
    whole = " ".join(text_of(letter("narrowing", identifiers=["jane.doe@example.com", "198.51.100.23"])))
    acceptable = whole.split("Accounts and identifiers.")[1].split("Categories of data.")[0]
    assert "• jane.doe@example.com • 198.51.100.23" in acceptable
    assert "all accounts in Paris" not in acceptable


def test_every_page_carries_the_reference_and_its_number() -> None:
    body = "Dear Sir or Madam,\n\n" + "\n\n".join(
        f"Paragraph {n}. " + "Words fill a line. " * 30 for n in range(12)
    )
    pages = text_of(simple(body + "\n\nYours faithfully,"))
    assert len(pages) >= 3
    for number, page in enumerate(pages, 1):
        assert "Our reference DEMO-2026-0005" in page
        assert f"Page {number} of {len(pages)}" in page


def test_metadata_names_the_letter() -> None:
    reader = PdfReader(io.BytesIO(letter("narrowing")))
    info = reader.metadata
    assert info is not None
    assert info.title == (
        "Re: Grand-jury subpoena dated 2 March 2026 (your reference NK-2026-0193): request to narrow"
    )
    assert info.author == "Alex Morgan"
    assert info.subject == "narrowing letter for DEMO-2026-0005"
    assert info["/CreationDate"].startswith("D:20260314")


@pytest.mark.parametrize(("size", "points"), [("A4", (595, 842)), ("Letter", (612, 792))])
def test_page_size_follows_the_setting(size: str, points: tuple[int, int]) -> None:
    head = Letterhead(organisation="Northwind Mail", page_size=size)  # type: ignore[arg-type]
    page = PdfReader(io.BytesIO(simple(letterhead=head))).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == points


def test_an_unknown_page_size_is_refused() -> None:
    with pytest.raises(ValueError, match="page size"):
        simple(letterhead=Letterhead(organisation="N", page_size="A5"))  # type: ignore[arg-type]


def test_body_emphasis_uses_the_bold_and_italic_faces() -> None:
    fonts = embedded_fonts(simple("Plain, **bold** and *italic*.\n\n- an item"))
    assert {"DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic"} <= set(fonts)
    assert all(fonts.values())


def test_markup_in_any_text_renders_literally() -> None:
    pdf = simple(
        f"Dear {INJECTION},\n\n- {INJECTION}\n\n<para>&amp;</para>",
        addressee_lines=[INJECTION],
        their_reference=INJECTION,
        letterhead=Letterhead(organisation=INJECTION, signature_name=INJECTION),
    )
    whole = " ".join(text_of(pdf))
    # Letterhead, address block, their reference, salutation, list item, signature name and entity.
    assert whole.count(INJECTION) == 7
    assert "<para>&amp;</para>" in whole


def test_a_logo_is_drawn_and_an_oversized_one_refused() -> None:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (120, 40), (20, 60, 110)).save(out, "PNG")
    pdf = simple(letterhead=Letterhead(organisation="Northwind Mail", logo_png=out.getvalue()))
    resources = PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"].get_object()
    assert resources["/XObject"]
    with pytest.raises(ValueError, match="PNG"):
        simple(letterhead=Letterhead(organisation="N", logo_png=b"GIF89a" + bytes(100)))
    huge = out.getvalue()[:16] + (50_000).to_bytes(4, "big") * 2 + out.getvalue()[24:]
    with pytest.raises(ValueError, match="pixels"):
        simple(letterhead=Letterhead(organisation="N", logo_png=huge))


# ------------------------------------------------------------------------------ determinism


def test_identical_input_gives_identical_bytes() -> None:
    assert letter("disclosure_cover") == letter("disclosure_cover")
    assert letter("disclosure_cover") != letter("disclosure_cover", reference="DEMO-2026-0006")


def test_identical_bytes_in_another_process_whatever_its_hash_seed_and_clock() -> None:
    code = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from tests.letters.test_pdf import letter\n"
        "sys.stdout.buffer.write(letter('narrowing', 'de'))\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "SOURCE_DATE_EPOCH": "1700000000"}
    done = subprocess.run(
        [sys.executable, "-c", code, str(ROOT)], capture_output=True, env=env, timeout=120, check=True
    )
    assert done.stdout == letter("narrowing", "de")


# ------------------------------------------------------------------------------ scripts


@pytest.mark.parametrize("name", [GREEK, ARABIC, "محمد عبد الله"])
def test_every_character_of_a_name_has_a_glyph_in_the_face_it_is_set_in(name: str) -> None:
    shown = scripts.visual(name)
    for bold, italic in [(False, False), (True, False), (False, True), (True, True)]:
        for char in shown.replace(" ", ""):
            face = face_for(char, bold=bold, italic=italic)
            font = TTFont(face, str(FONTS_DIR / FONT_FILES[face]))
            assert ord(char) in font.face.charToGlyph, (char, face)


def test_greek_and_arabic_names_are_embedded_and_read_back() -> None:
    pdf = letter("user_notice", user_name=f"{GREEK} {ARABIC}")
    fonts = embedded_fonts(pdf)
    assert "DejaVuSans" in fonts  # Arabic, which DejaVu Serif lacks, falls back to DejaVu Sans
    assert all(fonts.values())
    whole = unicodedata.normalize("NFKC", " ".join(text_of(pdf)))
    assert GREEK in whole
    assert ARABIC in whole


def test_arabic_is_shaped_and_set_right_to_left() -> None:
    # meem initial, hah medial, meem medial, dal final; drawn from the right.
    assert scripts.shape(ARABIC) == "\ufee3\ufea4\ufee4\ufeaa"
    assert scripts.visual(ARABIC) == "\ufeaa\ufee4\ufea4\ufee3"
    assert scripts.visual("لا") == "\ufefb"  # lam-alef ligature
    assert scripts.visual(f"Dear {ARABIC}, 2026") == "Dear \ufeaa\ufee4\ufea4\ufee3, 2026"
    assert scripts.visual(GREEK) == GREEK


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")
def test_greek_and_arabic_names_render_as_glyphs_not_boxes(tmp_path: Path) -> None:
    # A name the fonts cannot set would be drawn as the same missing-glyph box for every
    # character: the page would look the same as one with private-use characters instead.
    def png(name: str, label: str) -> bytes:
        pdf = tmp_path / f"{label}.pdf"
        pdf.write_bytes(simple(f"Dear {name},", addressee_lines=[name]))
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", "-singlefile", pdf, tmp_path / label], check=True, timeout=60
        )
        return (tmp_path / f"{label}.png").read_bytes()

    boxes = png("\ue000" * len(scripts.visual(GREEK)), "boxes")
    assert png(GREEK, "greek") != boxes
    arabic_boxes = png("\ue000" * len(scripts.visual(ARABIC)), "arabic-boxes")
    assert png(ARABIC, "arabic") != arabic_boxes
    # Different characters the fonts lack do look the same, so the comparison can see boxes.
    assert png("\uf8ff" * len(scripts.visual(ARABIC)), "other-boxes") == arabic_boxes


# ------------------------------------------------------------------------------ package


def test_package_stamps_every_page_with_a_running_bates_number() -> None:
    letters = [letter("narrowing"), letter("user_notice")]
    demand = (ROOT / "resources" / "samples" / "us-search-warrant.pdf").read_bytes()
    counts = [len(PdfReader(io.BytesIO(pdf)).pages) for pdf in [*letters, demand]]
    merged = package(letters, demand, "DEMO-2026-0005")
    pages = text_of(merged)
    assert len(pages) == sum(counts)
    for number, page in enumerate(pages, 1):
        assert bates("DEMO-2026-0005", number) in page
    assert bates("DEMO-2026-0005", 1) == "DEMO-2026-0005-000001"
    assert package(letters, demand, "DEMO-2026-0005") == merged


def test_package_without_the_demand_has_only_the_letters() -> None:
    single = letter("rejection")
    pages = text_of(package([single], None, "DEMO-2026-0005"))
    assert len(pages) == len(text_of(single))
    assert "DEMO-2026-0005-000001" in pages[0]


def test_a_rotated_page_is_stamped_upright_within_its_box() -> None:
    writer = PdfWriter()
    writer.append(io.BytesIO(letter("rejection")))
    writer.pages[0].rotate(90)
    rotated = io.BytesIO()
    writer.write(rotated)
    merged = PdfReader(io.BytesIO(package([rotated.getvalue()], None, "REF")))
    page = merged.pages[0]
    assert page.rotation == 0
    assert "REF-000001" in page.extract_text()
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape now, as shown


def test_package_refuses_what_it_cannot_read() -> None:
    with pytest.raises(PackageError, match="at least one"):
        package([], None, "REF")
    with pytest.raises(PackageError, match="the demand cannot be read"):
        package([letter()], b"%PDF-1.4 not really", "REF")
    writer = PdfWriter()
    writer.append(io.BytesIO(letter()))
    writer.encrypt("secret")
    locked = io.BytesIO()
    writer.write(locked)
    with pytest.raises(PackageError, match="encrypted"):
        package([letter()], locked.getvalue(), "REF")
