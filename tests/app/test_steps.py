"""Long work as steps: the in-line driver the command line uses."""

from __future__ import annotations

from app.steps import Io, Step, drive


def work(log: list[str]):
    got = yield Io(lambda: "read")
    log.append(got)
    for n in (1, 2, 3):
        log.append(f"case {n}")
        yield Step(n, 3, f"case {n}")
    try:
        yield Io(lambda: 1 / 0)
    except ZeroDivisionError:
        log.append("the step that asked saw the error")
    return "done"


def test_steps_run_in_line_with_results_errors_and_progress():
    log: list[str] = []
    seen: list[tuple[int, int, str]] = []
    assert drive(work(log), lambda *p: seen.append(p), lambda: False) == (True, "done")
    assert log == ["read", "case 1", "case 2", "case 3", "the step that asked saw the error"]
    assert seen == [(1, 3, "case 1"), (2, 3, "case 2"), (3, 3, "case 3")]


def test_cancelling_stops_at_the_next_step_between_cases():
    log: list[str] = []
    assert drive(work(log), lambda *p: None, lambda: "case 2" in log) == (False, None)
    assert log == ["read", "case 1", "case 2"]
