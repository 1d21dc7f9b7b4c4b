"""Scale without a cluster: shards from --out read like the store, the corpus pass and conflicts
on streams, and conflicts spilled to partitions giving what they give in memory."""
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kastfacts.cli import app
from kastfacts.conflicts import find_conflicts
from kastfacts.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
sys.path.insert(0, str(ROOT / "bench"))
runner = CliRunner()


def run(*args):
    result = runner.invoke(app, [*args])
    return result


def extract(paths, *target):
    result = run("extract", *map(str, paths), *target, "--format", "jsonl", "-q", "-j", "1")
    assert result.exit_code == 0, result.output
    return sorted(result.stdout.splitlines())


def read_back(db):
    facts = run("facts", "--db", str(db), "--format", "jsonl")
    documents = run("documents", "--db", str(db), "--format", "json")
    conflicts = run("conflicts", "--db", str(db), "--format", "json")
    assert facts.exit_code == documents.exit_code == conflicts.exit_code == 0
    return sorted(facts.stdout.splitlines()), json.loads(documents.stdout), json.loads(conflicts.stdout)


def test_shards_hold_what_the_store_holds(tmp_path):
    from_store = extract([SEEDS], "--db", tmp_path / "k.db")
    from_shards = extract([SEEDS], "--out", tmp_path / "shards")
    assert from_shards == from_store and len(from_store) > 100
    stored, sharded = read_back(tmp_path / "k.db"), read_back(tmp_path / "shards")
    assert sharded[0] == stored[0]
    assert sorted(sharded[1], key=lambda d: d["doc"]) == sorted(stored[1], key=lambda d: d["doc"])
    assert sharded[2] == stored[2] and len(stored[2]) == 1      # the seeds' conflict (Kast's share)


def test_shard_layout_is_json_lines_anyone_can_read(tmp_path):
    out = tmp_path / "shards"
    extract([SEEDS], "--out", out)
    manifest = json.loads((out / "kastfacts-shards.json").read_text())
    assert manifest["format"] == "kastfacts-shards" and manifest["documents"] == 3
    lines = [json.loads(line) for part in sorted((out / "facts").glob("*.jsonl")) for line in part.read_text().splitlines()]
    assert len(lines) == manifest["facts"]
    kast = [f for f in lines if f["kind"] == "percentage" and f.get("subject") == "José Antonio Kast"]
    assert {f["value"] for f in kast} >= {58.1, 58.2}
    docs = [json.loads(line) for line in (out / "documents.jsonl").read_text().splitlines()]
    assert [d["anchor"] for d in docs if d["lang"] == "en"] == ["2025-12-22"]


def test_shards_replace_documents_read_again_like_the_store(tmp_path):
    files = sorted(SEEDS.glob("*.txt"))
    extract(files[:2], "--db", tmp_path / "k.db")
    extract(files, "--db", tmp_path / "k.db")
    extract(files[:2], "--out", tmp_path / "shards")
    extract(files, "--out", tmp_path / "shards")
    stored, sharded = read_back(tmp_path / "k.db"), read_back(tmp_path / "shards")
    assert sharded[0] == stored[0] and sharded[2] == stored[2]
    assert len(sharded[1]) == 3
    assert len(list((tmp_path / "shards" / "extracted").glob("*.docs.jsonl"))) == 2    # the second run added a part


def test_out_refuses_a_folder_that_is_not_shards(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    result = run("extract", str(SEEDS), "--out", str(tmp_path), "-q")
    assert result.exit_code == 5 and "Traceback" not in result.output
    assert "not a kastfacts shard folder" in result.stderr
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_half_written_part_is_not_read(tmp_path):
    from kastfacts.shards import ShardSet

    out = tmp_path / "shards"
    extract([SEEDS], "--out", out)
    # a worker killed while writing leaves a temporary file only; the part it was writing is absent
    (out / "extracted" / ".part-000001.docs.jsonl.123.tmp").write_text('{"document": {}}\n')
    with ShardSet(out) as shards:
        assert shards.parts() == ["part-000000"] and shards.next_part_index() == 1


@pytest.fixture(scope="module")
def corpus_facts(tmp_path_factory):
    from corpus import write_corpus

    from kastfacts.extraction import extract_to_store

    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, 150, seed=11)
    with Store(":memory:") as store:
        extract_to_store([str(folder)], store)
        return list(store.facts())


def test_conflicts_spilled_to_partitions_are_those_found_in_memory(corpus_facts):
    in_memory = [c.to_dict() for c in find_conflicts(corpus_facts, include_precision=True)]
    spilled = [c.to_dict() for c in find_conflicts(iter(corpus_facts), include_precision=True, held_in_memory=10)]
    assert spilled == in_memory
    assert {c["kind"] for c in in_memory} >= {"value", "name", "date"}      # each kind spilled and read back


def test_conflicts_read_facts_as_a_stream(corpus_facts):
    consumed = []

    def stream():
        for f in corpus_facts:
            consumed.append(1)
            yield f
    assert find_conflicts(stream()) and len(consumed) == len(corpus_facts)


def test_shards_written_by_forked_workers_hold_what_one_process_writes(tmp_path, monkeypatch):
    from corpus import write_corpus

    from kastfacts import extraction

    write_corpus(tmp_path / "in", 70, seed=5)                   # three chunks
    alone = extract([tmp_path / "in"], "--out", tmp_path / "one")
    monkeypatch.setattr(extraction, "POOL_MIN_CHARS", 0)        # as small a corpus as this uses the workers
    result = run("extract", str(tmp_path / "in"), "--out", str(tmp_path / "two"), "--format", "jsonl", "-q", "-j", "2")
    assert result.exit_code == 0, result.output
    assert sorted(result.stdout.splitlines()) == alone and len(alone) > 1000
    assert read_back(tmp_path / "two") == read_back(tmp_path / "one")
