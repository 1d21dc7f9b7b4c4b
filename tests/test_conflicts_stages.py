"""Conflicts across stages of the count, bounds and approximations, contests, one figure per report."""
from dataclasses import replace

import pytest

from kastfacts.conflicts import find_conflicts, same_stage
from test_conflicts import JARA, KAST, pct

RUNOFF = "Chile 2025 presidential runoff"


def at(fact, counted=None, stage=None, contest=RUNOFF, qualifier=None):
    return replace(fact, counted=counted, stage=stage, contest=contest, qualifier=qualifier)


@pytest.mark.parametrize("a,b,same", [
    ((), ("counted", 92, 0), None), (("final",), ("counted", 99.4, 1), True), (("counted", 99, 0), ("final",), True),
    (("counted", 92, 0), ("counted", 92.12, 2), True), (("counted", 23, 0), ("counted", 99.4, 1), False),
    (("final",), ("counted", 97.04, 2), False), (("counted", 98, 0), ("counted", 99.7, 1), False),
])
def test_same_stage(a, b, same):
    assert same_stage(a, b) is same and same_stage(b, a) is same


def test_figures_of_different_stages_are_a_counting_stage_conflict():
    facts = [at(pct("a", "es", 62.98, 2), counted=23.0, stage="partial"),
             at(pct("b", "en", 61.88, 2), counted=99.4, stage="partial")]
    [c] = find_conflicts(facts)
    assert (c.kind, c.severity) == ("counting_stage", "different_stages")
    assert "with 23 % counted" in c.explanation and "with 99.4 % counted" in c.explanation
    assert "different moments" in c.explanation


def test_near_final_or_unsaid_stages_are_compared_as_values():
    near = [at(pct("a", "fr", 58.1), counted=99.7), at(pct("b", "en", 58.2), stage="final")]
    [c] = find_conflicts(near)
    assert (c.kind, c.severity) == ("value", "minor")
    unsaid = [at(pct("a", "fr", 58.1), counted=92.0), at(pct("b", "en", 58.2))]
    [c] = find_conflicts(unsaid)
    assert c.kind == "value"


def test_counting_stage_conflicts_come_after_rounding_ones():
    facts = [at(pct("a", "es", 62.98, 2), counted=23.0), at(pct("b", "en", 61.88, 2), counted=99.4),
             at(pct("a", "es", 41.8, subject=JARA, offset=200)), at(pct("b", "en", 41.9, subject=JARA, offset=200))]
    assert [c.severity for c in find_conflicts(facts)] == ["minor", "different_stages"]


def test_one_figure_per_report_in_each_conflict():
    # a report quoting two bulletins appears in two conflicts, each readable on its own
    facts = [at(pct("a", "es", 52.5, 1), counted=0.8), at(pct("a", "es", 54.9, 1, offset=300), counted=1.5),
             at(pct("b", "en", 61.9, 1), counted=99.0)]
    got = find_conflicts(facts)
    assert len(got) == 2
    for c in got:
        assert len({v.doc for v in c.values}) == len(c.values)


def test_different_contests_are_never_compared():
    facts = [at(pct("a", "es", 52.5)), at(pct("b", "en", 61.9), contest="Chile 2021 presidential runoff")]
    assert find_conflicts(facts) == []


@pytest.mark.parametrize("qualifier,value,other,conflict", [
    ("lower_bound", 90, 92.1, False), ("lower_bound", 90, 88.0, True),
    ("upper_bound", 1, 0.4, False), ("upper_bound", 1, 1.6, True),
    ("approximate", 60, 61.5, False), ("approximate", 60, 52.0, True),
])
def test_bounds_and_approximations(qualifier, value, other, conflict):
    facts = [at(pct("a", "fr", value, 0), qualifier=qualifier), at(pct("b", "en", other, 1))]
    assert bool(find_conflicts(facts)) is conflict


def test_the_sum_check_stays_within_one_contest_and_stage():
    # the first round's 52 % and the runoff's 51 % are not one contest's shares
    a = at(pct("a", "es", 52.0, 0, context="round=1"), contest="Chile 2025 presidential election")
    b = replace(at(pct("a", "es", 51.0, 0, subject=JARA, context="round=1", offset=40)), sentence=a.sentence)
    assert [c for c in find_conflicts([a, b]) if c.kind == "arithmetic"] == []
    b = replace(b, contest=a.contest)
    [c] = [c for c in find_conflicts([a, b]) if c.kind == "arithmetic"]
    assert c.subject == "Chile 2025 presidential election" and KAST in c.explanation and JARA in c.explanation


def test_two_figures_of_each_report_for_one_thing_are_read_against_their_nearest():
    # two questions of one referendum the words do not tell apart: 60.5/61.8 against 60.6/61.6
    facts = [at(pct("a", "en", 60.5)), at(pct("a", "en", 61.8, offset=300)),
             at(pct("b", "es", 60.6)), at(pct("b", "es", 61.6, offset=300))]
    got = sorted(sorted(v.value for v in c.values) for c in find_conflicts(facts))
    assert got == [[60.5, 60.6], [61.6, 61.8]]
    # one report's two bulletins are each compared with the other report's figure
    staged = [at(pct("a", "es", 52.5), counted=40.0, stage="partial"),
              at(pct("a", "es", 54.9, offset=300), counted=90.0, stage="partial"),
              at(pct("b", "en", 61.9), counted=90.0, stage="partial")]
    assert len(find_conflicts(staged)) == 2
