"""Specks OCR read as letters (a seal's edge, a smudge) are dropped from a name and from the end
of a lead-in line by one rule, ``is_speck``; real short words stay."""

from __future__ import annotations

from app.intake.extract_text import Line, PlacedWord, is_speck, without_debris
from app.model import Word


def words(*specs: tuple[str, float] | tuple[str, float, float]) -> list[PlacedWord]:
    """(text, confidence[, height]) per word, left to right on one line."""
    out = []
    x = 72.0
    for n, spec in enumerate(specs):
        text, confidence = spec[0], spec[1]
        height = spec[2] if len(spec) == 3 else 10.0
        out.append(PlacedWord(Word(text, (x, 100.0, x + 8 * len(text), 100.0 + height), confidence), 1, 0, n))
        x += 8 * len(text) + 4
    return out


def texts(placed: list[PlacedWord]) -> str:
    return " ".join(w.text for w in placed)


def test_specks_read_in_an_authoritys_name_are_dropped_and_its_words_kept():
    name = words(("for", 95), ("the", 20), ("i", 12), ("F", 25), ("Western", 93), ("of", 88), ("O", 90, 40))
    # "the" read unsure is still a word: inside a name only a letter or two is a speck.
    assert texts(without_debris(name)) == "for the Western of"


def test_a_short_name_is_left_as_read():
    assert texts(without_debris(words(("i", 10), ("FBI", 90)))) == "i FBI"


def test_a_speck_after_a_lead_ins_colon_is_dropped_but_a_word_read_well_is_not():
    def line(*specs: tuple[str, float]) -> Line:
        return Line(1, words(*specs), 612.0, 792.0)

    assert line(("suivants", 90), (":", 80), ("CLS", 20)).unspecked == "suivants :"
    assert line(("suivants", 90), (":", 80), ("CLS", 70)).unspecked == "suivants : CLS"
    assert line(("ü", 5)).unspecked == "ü"  # a line is never emptied


def test_one_rule_says_what_a_speck_is():
    low, sure, tall = words(("iF", 20), ("of", 90), ("O", 90, 40))
    assert is_speck(low) and not is_speck(sure)
    assert is_speck(tall, height=10.0) and not is_speck(tall)
    assert not is_speck(words(("CLS", 20))[0]) and is_speck(words(("CLS", 20))[0], longest=3)
