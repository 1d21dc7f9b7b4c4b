"""The seeds scored against their gold file, with thresholds that only go up."""
import json
from pathlib import Path

import pytest

import seeds_scorer
import kastfacts

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "tests" / "data" / "seeds_gold.json").read_text(encoding="utf-8"),
                  parse_float=seeds_scorer.Decimal)


@pytest.fixture(scope="module")
def scored():
    facts = kastfacts.extract([str(ROOT / "seeds")])
    conflicts = kastfacts.find_conflicts(facts)
    records = [f.to_dict() for f in facts]
    return (seeds_scorer.score_facts(records, GOLD),
            seeds_scorer.score_conflicts([c.to_dict() for c in conflicts], GOLD))


# Raise these as quality improves; never lower them.
THRESHOLDS = {
    "person": {"recall": 0.95, "norm_accuracy": 0.95, "precision": 0.95},
    "place": {"recall": 0.95, "norm_accuracy": 0.95, "precision": 0.95},
    "date": {"recall": 0.95, "norm_accuracy": 0.9},
    "percentage": {"recall": 1.0, "norm_accuracy": 1.0, "precision": 1.0},
}


@pytest.mark.parametrize("kind", sorted(THRESHOLDS))
def test_kind_meets_thresholds(scored, kind):
    report = scored[0][kind]
    for metric, floor in THRESHOLDS[kind].items():
        assert report[metric] >= floor, (kind, metric, report)


def test_no_forbidden_fact(scored):
    assert scored[0]["forbidden_produced"] == []


def test_exactly_the_gold_conflicts(scored):
    conflicts = scored[1]
    assert (conflicts["found"], conflicts["gold"], conflicts["false_conflicts"]) == (2, 2, 0), conflicts
