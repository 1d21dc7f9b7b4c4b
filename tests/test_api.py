"""The library API as README shows it: extract, find_conflicts, dataclasses with to_dict()."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

import kastfacts

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def facts():
    return kastfacts.extract([str(ROOT / "seeds")])


def test_extract_returns_fact_records(facts):
    assert facts and all(isinstance(f, kastfacts.Fact) for f in facts)
    d = facts[0].to_dict()
    assert json.loads(json.dumps(d)) == d and kastfacts.Fact.from_dict(d) == facts[0]


def test_find_conflicts_takes_facts_or_dicts(facts):
    from_records = kastfacts.find_conflicts(facts)
    from_dicts = kastfacts.find_conflicts([f.to_dict() for f in facts])
    assert [c.to_dict() for c in from_records] == [c.to_dict() for c in from_dicts]
    assert {(c.subject, c.attribute) for c in from_records} >= {("José Antonio Kast", "vote_share")}
    assert all(isinstance(c, kastfacts.Conflict) and c.explanation for c in from_records)


def test_to_dataframe(facts):
    pytest.importorskip("pandas", reason="pandas is optional; to_dataframe is tested where it is installed")
    df = kastfacts.to_dataframe(facts)
    assert len(df) == len(facts) and {"doc", "kind", "value"} <= set(df.columns)


def test_import_is_cheap_and_python_m_works():
    code = "import sys, kastfacts; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    help_out = subprocess.run([sys.executable, "-m", "kastfacts", "--help"], capture_output=True, text=True)
    assert help_out.returncode == 0 and "extract" in help_out.stdout
    for command in ("--help", "facts --help"):
        code = f"import sys; sys.argv=['kastfacts'] + {command.split()!r}\nfrom kastfacts.cli import main\ntry: main()\nexcept SystemExit: pass\nprint('spacy' in sys.modules)"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert out.stdout.strip().splitlines()[-1] == "False", command
