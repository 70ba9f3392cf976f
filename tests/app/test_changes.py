from app.changes import Aspect, Changed


def test_a_change_of_one_case_touches_a_view_of_that_case_and_aspect_only():
    changed = Changed.of("c1", Aspect.REVIEW)
    assert changed.touches("c1", {Aspect.REVIEW, Aspect.DECISION})
    assert not changed.touches("c2", {Aspect.REVIEW})
    assert not changed.touches("c1", {Aspect.LETTERS})
    assert not changed.touches(None, {Aspect.REVIEW})


def test_a_change_of_every_case_touches_any_case_and_no_case():
    changed = Changed.everywhere(Aspect.DAY)
    assert changed.every_case
    assert changed.touches("c1", {Aspect.DAY}) and changed.touches(None, {Aspect.DAY})
    assert not changed.touches("c1", {Aspect.FACTS})


def test_merge_joins_cases_and_aspects_and_keeps_every_case():
    merged = Changed.of("c1", Aspect.FACTS).merge(Changed.cases(["c2"], Aspect.DATES))
    assert merged == Changed(frozenset({"c1", "c2"}), frozenset({Aspect.FACTS, Aspect.DATES}))
    assert merged.any_of({Aspect.DATES}) and not merged.any_of({Aspect.ROSTER})
    assert Changed.of("c1", Aspect.FACTS).merge(Changed.everywhere(Aspect.DAY)).every_case


def test_a_change_is_a_value():
    assert Changed.of("c1", Aspect.REVIEW, Aspect.DECISION) == Changed.of(
        "c1", Aspect.DECISION, Aspect.REVIEW
    )
    assert hash(Changed.of("c1", Aspect.REVIEW)) == hash(Changed.of("c1", Aspect.REVIEW))
