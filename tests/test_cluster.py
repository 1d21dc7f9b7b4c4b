"""--cluster: a Dask LocalCluster of 2 workers gives exactly the facts and conflicts of a local run,
into the database and, with --out, as shards its workers write."""
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kastfacts.cli import app

pytest.importorskip("dask.distributed", reason='the cluster tests need Dask: pip install "kastfacts[dask]"')
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
runner = CliRunner()


def extract_and_conflicts(folder, db, *options):
    result = runner.invoke(app, ["extract", str(folder), "--db", str(db), "--format", "jsonl", "-q", *options])
    assert result.exit_code == 0, result.output
    conflicts = runner.invoke(app, ["conflicts", "--db", str(db), "--format", "json"])
    return result.stdout, json.loads(conflicts.stdout)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from corpus import write_corpus

    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, 500, seed=5)
    return folder


def extract_to_shards(folder, out, *options):
    """The same as extract_and_conflicts, into shards; facts sorted: shards keep the reading order."""
    result = runner.invoke(app, ["extract", str(folder), "--out", str(out), "--format", "jsonl", "-q", *options])
    assert result.exit_code == 0, result.output
    conflicts = runner.invoke(app, ["conflicts", "--db", str(out), "--format", "json"])
    return sorted(result.stdout.splitlines()), json.loads(conflicts.stdout)


@pytest.fixture(scope="module")
def local_500(corpus, tmp_path_factory):
    return extract_and_conflicts(corpus, tmp_path_factory.mktemp("local") / "local.db", "-j", "1")


def test_cluster_matches_local_on_the_seeds(tmp_path):
    local = extract_and_conflicts(ROOT / "seeds", tmp_path / "local.db", "-j", "1")
    dask = extract_and_conflicts(ROOT / "seeds", tmp_path / "dask.db", "--cluster", "local:2")
    assert dask == local and local[1]
    shards = extract_to_shards(ROOT / "seeds", tmp_path / "shards", "--cluster", "local:2")
    assert shards == (sorted(local[0].splitlines()), local[1])


def test_cluster_matches_local_on_500_documents(corpus, local_500, tmp_path):
    dask = extract_and_conflicts(corpus, tmp_path / "dask.db", "--cluster", "local:2")
    assert len(local_500[0].splitlines()) > 10_000
    assert dask == local_500


def test_cluster_shards_match_local_on_500_documents(corpus, local_500, tmp_path):
    out = tmp_path / "shards"
    shards = extract_to_shards(corpus, out, "--cluster", "local:2")
    assert shards == (sorted(local_500[0].splitlines()), local_500[1])
    # written by the workers: one part per chunk of 32 documents, and nothing half-written left
    parts = sorted(p.name for p in (out / "extracted").glob("*.docs.jsonl"))
    assert len(parts) == 16 and parts[0] == "part-000000.docs.jsonl"
    assert not list(out.rglob("*.tmp"))


def test_unreachable_scheduler_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["extract", str(ROOT / "seeds"), "--db", str(tmp_path / "k.db"),
                                 "--cluster", "tcp://127.0.0.1:9"])
    assert result.exit_code == 6 and "Traceback" not in result.output
    assert "cannot reach the Dask scheduler" in result.stderr
