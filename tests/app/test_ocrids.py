"""The English second reading of identifier lines: which words it replaces, and which it leaves."""

from __future__ import annotations

import pytest

from app.intake.ocrids import (
    GAP,
    find_identifiers,
    is_candidate_line,
    merge_line,
    plan_strips,
    stack,
    well_formed,
    words_by_strip,
)
from app.intake.ocrtext import TsvWord


def line(*texts: str, top: int = 100, confidence: float = 90.0) -> list[TsvWord]:
    """Words laid out left to right, 10 px a character and 10 px between words."""
    words, left = [], 50
    for text in texts:
        words.append(TsvWord(text, left, top, 10 * len(text), 20, confidence, 1, 1, 3))
        left += 10 * len(text) + 10
    return words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("canyon_pebble@example.net", True),
        ("(canyon_pebble@example.net),", True),
        ("https://share.example.net/s/Ysp5BUDhN", True),
        ("203.0.113.97", True),
        ("2001:db8::1", True),
        ("canyon_pebble(Gexample.net", False),
        ("https://share.examplé.org/p/x", False),  # not ASCII: a misread
        ("300.1.1.1", False),
        ("12:30", False),
        ("example.net", False),  # a bare host is not taken as a target on its own here
    ],
)
def test_well_formed_identifiers(text: str, expected: bool) -> None:
    assert well_formed(text) is expected


def test_candidate_lines_are_the_ones_with_identifier_shapes() -> None:
    assert is_candidate_line(line("Correo", "electrónico", "canyon_pebble", "(Gexample.net"))
    assert is_candidate_line(line("IP", "203.0.1", "13.97"))
    assert not is_candidate_line(line("Please", "reply", "within", "14", "days."))


def test_an_identifier_split_by_ocr_is_found_joined() -> None:
    found = find_identifiers(line("E-mail", "harborrowan65", "1", "@example.com"))
    assert [f.text for f in found] == ["harborrowan651@example.com"]
    assert (found[0].start, found[0].end) == (1, 4)


def test_words_are_not_joined_across_an_ordinary_space() -> None:
    # "E-mail" + "alice@example.com" would be a valid address; it must not be made one.
    assert [f.text for f in find_identifiers(line("Email", "alice@example.com"))] == ["alice@example.com"]


def test_the_second_reading_replaces_a_misread_at() -> None:
    first = line("Correo", "electrónico:", "canyon_pebble", "(Gexample.net")
    second = line("Correo", "electrénico:", "canyon", "_pebble", "@example.net")
    merged = merge_line(first, second)
    texts = [w.text for w in merged]
    # The label keeps the page language's reading; the address is the English one, in one word.
    assert texts == ["Correo", "electrónico:", "canyon_pebble@example.net"]
    assert merged[-1].line == first[-1].line


def test_of_two_well_formed_readings_the_surer_one_stands() -> None:
    first = line("Contenu", "https://social.example.org/p/in5iviwx3z", confidence=46.8)
    second = line("Contenu", "https://social.example.org/p/in5ivjwx3z", confidence=71.7)
    assert merge_line(first, second)[-1].text.endswith("in5ivjwx3z")
    first = line("Contenu", "https://social.example.org/p/yg2myfwggb", confidence=65.5)
    second = line("Contenu", "https://social.example.org/p/yg2mytwggb", confidence=39.8)
    assert merge_line(first, second) == first


def test_a_first_reading_that_is_not_ascii_is_repaired() -> None:
    first = line("URL", "https://social.examplé.org/users/linden.cobalt52")
    second = line("URL", "https://social.example.org/users/linden.cobalt52")
    assert merge_line(first, second)[-1].text == second[-1].text


def test_a_second_reading_without_identifiers_changes_nothing() -> None:
    first = line("Account", "canyon_pebble", "(Gexample.net")
    assert merge_line(first, line("Account", "canyon", "pebble", "Gexample.net")) == first


def test_lines_are_cut_out_stacked_and_their_words_mapped_back() -> None:
    width, height = 400, 300
    pixels = bytearray(b"\xff" * (width * height))
    for x in range(60, 90):  # a dark mark at (60..89, 110..119): inside the first line's box
        for y in range(110, 120):
            pixels[y * width + x] = 0
    lines = [line("a@example.com", top=100), line("b@example.com", top=200)]
    strips = plan_strips(lines, width, height)
    stacked, w, h = stack(bytes(pixels), width, strips)
    assert w == max(s.width for s in strips) + 2 * GAP and h > sum(s.height for s in strips)
    # The mark is where the first strip was put.
    s = strips[0]
    assert stacked[(s.offset + (110 - s.top)) * w + GAP + (60 - s.left)] == 0
    # A word the second reading finds in the second strip maps back onto the page there.
    found = TsvWord("b@example.com", GAP + 6, strips[1].offset + 6, 130, 20, 95.0, 1, 1, 1)
    back = words_by_strip([found], strips)
    assert back[0] == [] and (back[1][0].left, back[1][0].top) == (50, 100 + 100)


def test_a_second_reading_that_cut_an_identifier_short_is_not_taken() -> None:
    first = line("Inhalt", "https://share.example.nev/s/Ysp5BUDhN")
    second = line("Inhalt", "https://share.example.net/s/Y", "spSBUDhN")
    assert merge_line(first, second) == first


def test_digits_split_by_a_narrow_gap_are_one_address_again() -> None:
    first = line("IP", "203.0.1", "13.97")
    first[2] = TsvWord("13.97", first[1].left + first[1].width + 3, 100, 50, 20, 88.0, 1, 1, 3)
    merged = merge_line(first, [])
    assert [w.text for w in merged] == ["IP", "203.0.113.97"]


def test_digits_set_apart_by_an_ordinary_space_stay_apart() -> None:
    # "10.0.0.1 2" with a full word space: the 2 is another word, not part of the address.
    words = line("IP", "10.0.0.1", "2")
    words[2] = TsvWord("2", words[1].left + words[1].width + 15, 100, 10, 20, 90.0, 1, 1, 3)
    assert [w.text for w in merge_line(words, [])] == ["IP", "10.0.0.1", "2"]


def test_a_second_reading_may_not_swallow_a_neighbouring_word() -> None:
    first = line("by", "e-mail", "to", "lumen_velvet@example.net", confidence=80.0)
    second = line("by", "e-mail", "to.lumen_velvet@example.net", confidence=95.0)
    assert merge_line(first, second) == first
