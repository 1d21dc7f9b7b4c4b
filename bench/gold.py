"""Score kastfacts on every gold bundle of a folder, through the command line (not a test).

    python bench/gold.py [GOLD_DIR ...] [--bundle NAME] [--detail] [--json OUT]

GOLD_DIR defaults to ../shared/gold/dev (real news, third-party text: read from there, never
copied into the project). Each bundle's passages are written to a temporary folder as
`ID.txt` with an `ID.meta.json` carrying what a crawler would know (`published` when the page
states it, `source`), then `kastfacts extract` and `kastfacts conflicts --format json` run as a
user runs them, and `../shared/eval/score.py` scores both. Prints, per bundle and for the set:
person / place / date recall, precision and normalized accuracy, percentage value+subject,
conflicts found per category, false conflicts, duplicates. `--detail` adds the scorer's misses.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
KINDS = ("person", "place", "date", "percentage")


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("gold_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def kastfacts_command() -> list[str]:
    exe = Path(sys.executable).with_name("kastfacts")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "kastfacts"]


def run_bundle(bundle: dict, workdir: Path) -> tuple[list[dict], list[dict]]:
    folder = workdir / "docs"
    folder.mkdir()
    for doc in bundle["documents"]:
        (folder / f'{doc["id"]}.txt').write_text(doc["text"], encoding="utf-8")
        meta = {k: doc[k] for k in ("published", "source") if doc.get(k)}
        if meta:
            (folder / f'{doc["id"]}.meta.json').write_text(json.dumps(meta), encoding="utf-8")
    db = workdir / "k.db"
    cli = kastfacts_command()
    env = dict(os.environ, KASTFACTS_DB=str(db))
    facts = subprocess.run(cli + ["extract", str(folder), "--format", "jsonl", "--jobs", "1", "--quiet"],
                           capture_output=True, text=True, env=env)
    if facts.returncode not in (0, 3):
        raise SystemExit(f"extract failed on {bundle['contest']['name']}: {facts.stderr[-2000:]}")
    conflicts = subprocess.run(cli + ["conflicts", "--format", "json"], capture_output=True, text=True, env=env)
    if conflicts.returncode != 0:
        raise SystemExit(f"conflicts failed on {bundle['contest']['name']}: {conflicts.stderr[-2000:]}")
    return ([json.loads(line) for line in facts.stdout.splitlines() if line.strip()],
            json.loads(conflicts.stdout or "[]"))


def duplicates_of(conflicts: list[dict], gold: dict, scorer) -> int:
    golds = gold.get("gold_conflicts", [])
    used, dupes = set(), 0
    for c in conflicts:
        matched = [i for i, g in enumerate(golds) if scorer.matches_conflict(c, g)]
        fresh = [i for i in matched if i not in used]
        if fresh:
            used.add(fresh[0])
        elif matched:
            dupes += 1
    return dupes


def fmt(x) -> str:
    return "  -  " if x is None else f"{x:.2f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="*", default=[str(SHARED / "gold" / "dev")])
    ap.add_argument("--scorer", default=str(SHARED / "eval" / "score.py"))
    ap.add_argument("--bundle", help="only bundles whose file name contains this")
    ap.add_argument("--detail", action="store_true", help="print the scorer's misses and unexpected facts")
    ap.add_argument("--keep", help="write each bundle's facts and conflicts under this folder")
    ap.add_argument("--json", help="write the per-bundle results as JSON to this file")
    args = ap.parse_args(argv)
    scorer = load_scorer(Path(args.scorer))

    paths = sorted(p for folder in args.folders for p in Path(folder).glob("*.json")
                   if not args.bundle or args.bundle in p.name)
    if not paths:
        raise SystemExit("no gold bundles found; pass a folder of bundles (see ../shared/gold/FORMAT.md)")
    totals = {k: defaultdict(int) for k in KINDS}
    categories = defaultdict(lambda: [0, 0])
    false_total = dupes_total = 0
    results = {}
    header = (f'{"bundle":<30} {"person r/p/n":>15} {"place r/p/n":>15} {"date p/n":>10} {"pct v+s":>7}'
              f'  {"subst":>6} {"round":>6} {"stage":>6} {"false":>5} {"dup":>3}')
    print(header)
    for path in paths:
        gold = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
        with tempfile.TemporaryDirectory() as tmp:
            facts, conflicts = run_bundle(gold, Path(tmp))
            if args.keep:
                keep = Path(args.keep) / path.stem
                keep.mkdir(parents=True, exist_ok=True)
                (keep / "facts.jsonl").write_text("".join(json.dumps(f, ensure_ascii=False) + "\n" for f in facts), encoding="utf-8")
                (keep / "conflicts.json").write_text(json.dumps(conflicts, ensure_ascii=False, indent=1), encoding="utf-8")
        fact_scores = scorer.score_facts(facts, gold)
        conflict_scores = scorer.score_conflicts(conflicts, gold)
        dupes = duplicates_of(conflicts, gold, scorer)
        for kind in KINDS:
            r = fact_scores[kind]
            t = totals[kind]
            t["gold"] += r["gold"]
            t["found"] += r["found"]
            t["normalized"] += r["normalized"]
            # precision over the set: pool the counts, not the ratios
            n_extracted, n_correct = precision_counts(facts, gold, kind, scorer)
            t["extracted"] += n_extracted
            t["correct"] += n_correct
        for cat, ratio in conflict_scores["by_category"].items():
            f, n = map(int, ratio.split("/"))
            categories[cat][0] += f
            categories[cat][1] += n
        false_total += conflict_scores["false_conflicts"]
        dupes_total += dupes
        results[path.stem] = {"facts": fact_scores, "conflicts": conflict_scores, "duplicates": dupes}
        print(row(path.stem, fact_scores, conflict_scores, dupes))
        if args.detail:
            for kind in KINDS:
                r = fact_scores[kind]
                if r["missed_or_wrong"]:
                    print(f"    {kind} missed/wrong: " + ", ".join(r["missed_or_wrong"]))
                if r["unexpected"]:
                    print(f"    {kind} unexpected:   " + ", ".join(map(str, r["unexpected"])))
            if conflict_scores["missed"]:
                print("    conflicts missed: " + ", ".join(sorted(set(conflict_scores["missed"]))))
            if conflict_scores["false_examples"]:
                print("    false conflicts:  " + ", ".join(conflict_scores["false_examples"]))
            if conflict_scores["name_flags"]:
                print("    name flags:       " + "; ".join(conflict_scores["name_flags"]))
    print("-" * len(header))
    summary = {}
    for kind in KINDS:
        t = totals[kind]
        summary[kind] = {"recall": t["found"] / t["gold"] if t["gold"] else None,
                         "precision": t["correct"] / t["extracted"] if t["extracted"] else None,
                         "normalized": t["normalized"] / t["gold"] if t["gold"] else None}
    cats = {c: f"{f}/{n}" for c, (f, n) in sorted(categories.items())}
    print(f'{"set (" + str(len(paths)) + " bundles)":<30} '
          f'{triple(summary["person"]):>15} {triple(summary["place"]):>15} '
          f'{fmt(summary["date"]["precision"]) + "/" + fmt(summary["date"]["normalized"]):>10} '
          f'{fmt(summary["percentage"]["normalized"]):>7}  '
          f'{cats.get("substantive", "0/0"):>6} {cats.get("rounding", "0/0"):>6} {cats.get("counting_stage", "0/0"):>6} '
          f'{false_total:>5} {dupes_total:>3}')
    if args.json:
        Path(args.json).write_text(json.dumps({"bundles": results, "set": summary, "conflicts": cats,
                                               "false": false_total, "duplicates": dupes_total},
                                              ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return 0


def precision_counts(facts, gold, kind, scorer) -> tuple[int, int]:
    """The scorer's precision as (extracted, correct) counts, so that a set's figure is pooled."""
    r = scorer.score_facts(facts, gold)[kind]
    if r["precision"] is None:
        return 0, 0
    # the scorer keeps one representative per distinct (doc, value); recount them the same way
    docs = {d["id"] for d in gold["documents"]}
    keys = {(scorer.doc_key(f.get("doc", "")), scorer.fold(f.get("value")) if kind != "date" else scorer.fold(f.get("text")))
            for f in facts if str(f.get("kind", "")).lower() == kind and scorer.doc_key(f.get("doc", "")) in docs}
    return len(keys), round(r["precision"] * len(keys))


def triple(s: dict) -> str:
    return f'{fmt(s["recall"])}/{fmt(s["precision"])}/{fmt(s["normalized"])}'


def row(name: str, facts: dict, conflicts: dict, dupes: int) -> str:
    def one(kind):
        r = facts[kind]
        return {"recall": r["recall"], "precision": r["precision"], "normalized": r["norm_accuracy"]}
    cats = conflicts["by_category"]
    return (f'{name:<30} {triple(one("person")):>15} {triple(one("place")):>15} '
            f'{fmt(facts["date"]["precision"]) + "/" + fmt(facts["date"]["norm_accuracy"]):>10} '
            f'{fmt(facts["percentage"]["norm_accuracy"]):>7}  '
            f'{cats.get("substantive", "-"):>6} {cats.get("rounding", "-"):>6} {cats.get("counting_stage", "-"):>6} '
            f'{conflicts["false_conflicts"]:>5} {dupes:>3}')


if __name__ == "__main__":
    sys.exit(main())
