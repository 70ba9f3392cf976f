"""Find in document: a reviewer's query finds the words whatever their case, accents,
surrounding punctuation or typeset quotes."""

from __future__ import annotations

from app.model import Word
from app.textsearch import find_phrase


def _page(*texts: str) -> dict[int, list[Word]]:
    return {1: [Word(text, (10.0 * n, 0.0, 10.0 * n + 8, 5.0)) for n, text in enumerate(texts)]}


def test_case_accents_and_edge_punctuation_do_not_hide_a_word():
    page = _page("Die", "Richterin,", "Dr.", "Müller,", "Köln")
    assert find_phrase(page, "muller") == [(1, (30.0, 0.0, 38.0, 5.0))]
    assert find_phrase(page, "DR MÜLLER koln") == [(1, (20.0, 0.0, 48.0, 5.0))]


def test_a_typed_apostrophe_finds_the_typeset_one():
    page = _page("Côte", "d’Ivoire")
    assert find_phrase(page, "cote d'ivoire") == [(1, (0.0, 0.0, 18.0, 5.0))]
    assert find_phrase(page, "Abidjan") == []
