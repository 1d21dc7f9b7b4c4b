"""Throughput, cold start, scaling and memory of kastfacts against spaCy's own, in one run (not a test).

    python bench/throughput.py [--docs 300] [--jobs-docs 2000] [--skip-jobs] [--skip-memory] [--cluster] [--out]

(a) spaCy `nlp.pipe` with the same pipelines, NER alone (everything else excluded), over the
same document texts; (b) kastfacts extraction end to end (language, NER, dates, percentages,
claims, store, corpus resolution), single process, models loaded. Prints words per second and
the ratio. Then the cold start: `kastfacts extract seeds/` as a user runs it, against a bare
`spacy.load` of the same three pipelines, each in fresh processes, three times in turn. Then
`kastfacts extract` end to end (fresh processes, as a user runs it) with `--jobs 1`, `--jobs 2`
and the default at 400 and at --jobs-docs distinct documents, with the peak memory of each
worker (its peak RSS, and the part of it no other process shares); then `--jobs 2` against
`--jobs 1` in one warm process (and, with --cluster, a Dask LocalCluster of 2 workers on the
same corpus; with --out, shards written by the workers instead of the database); then peak
memory (RSS) at N and 4N documents, each in a fresh process; then the start-up time of
`kastfacts --help`. Ratios, not absolute times, are the point: the machine is shared and noisy
(the 1-minute load average is printed at the start and the end).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from corpus import word_count, write_corpus  # noqa: E402


def kastfacts_exe() -> str:
    return str(Path(sys.executable).with_name("kastfacts"))


def _rollup(pid: int) -> tuple[float, float]:
    """(peak RSS, private memory) of a live process, in MB (Linux /proc; zeros elsewhere)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0.0, 0.0
    def kb(text, key):
        return sum(int(line.split()[1]) for line in text.splitlines() if line.startswith(key + ":"))
    return kb(status, "VmHWM") / 1024, (kb(rollup, "Private_Clean") + kb(rollup, "Private_Dirty")) / 1024


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def run_extract(folder: Path, *options: str) -> dict:
    """`kastfacts extract folder` in a fresh process: seconds, digest of its output, memory of
    the main process and of each worker (sampled every 0.1 s: peak RSS, peak private part)."""
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [kastfacts_exe(), "extract", str(folder), "--db", str(Path(tmp) / "k.db"), "--format", "jsonl", "-q", *options]
        t0 = time.perf_counter()
        with open(Path(tmp) / "out.jsonl", "wb") as out:
            proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL)
            main_peak, workers = 0.0, {}
            while proc.poll() is None:
                main_peak = max(main_peak, _rollup(proc.pid)[0])
                for child in _children(proc.pid):
                    peak, private = _rollup(child)
                    old = workers.get(child, (0.0, 0.0))
                    workers[child] = (max(old[0], peak), max(old[1], private))
                time.sleep(0.1)
        elapsed = time.perf_counter() - t0
        if proc.returncode not in (0, 3):
            raise SystemExit(f"{' '.join(cmd)} failed with exit {proc.returncode}")
        digest = hashlib.sha256((Path(tmp) / "out.jsonl").read_bytes()).hexdigest()[:16]
    return {"seconds": elapsed, "digest": digest, "main_mb": main_peak, "workers": sorted(workers.values())}


def bare_load_seconds() -> float:
    """A fresh process that imports spaCy and loads the three pinned pipelines, nothing else."""
    from kastfacts.pipelines import pins

    code = ("import sys, warnings\nwarnings.filterwarnings('ignore')\nimport spacy\n"
            "for name in sys.argv[1:]:\n    spacy.load(name)\n")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *(p.package for p in pins().values())], check=True, capture_output=True)
    return time.perf_counter() - t0


def cold_start(rounds: int = 3) -> None:
    seeds = HERE.parent / "seeds"
    ours, bare = [], []
    for _ in range(rounds):             # in turn, so that a change in the machine's load hits both
        bare.append(bare_load_seconds())
        ours.append(run_extract(seeds)["seconds"])
    o, b = statistics.median(ours), statistics.median(bare)
    print(f"cold start: `kastfacts extract seeds/` {o:.2f} s, bare spacy.load of the three pipelines {b:.2f} s "
          f"(medians of {rounds}): ratio {o / b:.2f}   (goal <= 0.8)")


def workers_line(result: dict) -> str:
    if not result["workers"]:
        return f"one process, peak RSS {result['main_mb']:,.0f} MB"
    peaks = ", ".join(f"{peak:,.0f} MB ({private:,.0f} MB its own)" for peak, private in result["workers"])
    return f"main process {result['main_mb']:,.0f} MB; workers' peak RSS {peaks}"


def jobs_end_to_end(folder: Path, n: int) -> None:
    one = run_extract(folder, "--jobs", "1")
    two = run_extract(folder, "--jobs", "2")
    default = run_extract(folder)
    same = one["digest"] == two["digest"] == default["digest"]
    print(f"{n:,} documents, end to end: --jobs 1 {one['seconds']:.1f} s, --jobs 2 {two['seconds']:.1f} s "
          f"(speed-up {one['seconds'] / two['seconds']:.2f}), default {default['seconds']:.1f} s "
          f"({default['seconds'] / one['seconds']:.2f} of --jobs 1); identical output: {same}")
    print(f"    --jobs 1: {workers_line(one)}\n    --jobs 2: {workers_line(two)}")


def load_average() -> str:
    return f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "?"


def ner_only_words_per_second(paths) -> float:
    import spacy

    from kastfacts.pipelines import pins

    warnings.filterwarnings("ignore", message=r".*\[W095\]")
    texts = {lang: [] for lang in pins()}
    for p in paths:
        texts[Path(p).name[:2]].append(Path(p).read_text(encoding="utf-8"))
    models = {}
    for lang, pin in pins().items():
        full = spacy.load(pin.package)
        models[lang] = spacy.load(pin.package, exclude=[n for n in full.component_names if n != "ner"])
        list(models[lang].pipe(texts[lang][:2]))          # warm-up
    t0 = time.perf_counter()
    for lang, nlp in models.items():
        for _ in nlp.pipe(texts[lang], batch_size=64):
            pass
    return word_count(paths) / (time.perf_counter() - t0)


def kastfacts_words_per_second(folder: Path, paths, jobs: int = 1, cluster: str | None = None) -> tuple[float, str]:
    from kastfacts import pipelines
    from kastfacts.extraction import extract_to_store
    from kastfacts.store import Store

    # warm-up, as in (a): models loaded (spaCy's, the language identifier's, the gazetteer's, the
    # compiled grammars), by extracting the seeds once; start-up is measured on its own below
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "warm.db") as store:
        extract_to_store([str(HERE.parent / "seeds")], store, jobs=1)
    for lang in pipelines.pins():
        pipelines.get(lang)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        with Store(db) as store:
            t0 = time.perf_counter()
            extract_to_store([str(folder)], store, jobs=jobs, cluster=cluster)
            elapsed = time.perf_counter() - t0
            digest = str(hash(tuple(json.dumps(f.to_dict(), sort_keys=True) for f in store.facts())))
    return word_count(paths) / elapsed, digest


def shards_words_per_second(folder: Path, paths, jobs: int = 1, cluster: str | None = None) -> tuple[float, str]:
    """As kastfacts_words_per_second, with --out: the workers write shards, the corpus pass resolves them."""
    from kastfacts.extraction import extract_to_shards
    from kastfacts.shards import ShardSet

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        extract_to_shards([str(folder)], str(Path(tmp) / "shards"), jobs=jobs, cluster=cluster)
        elapsed = time.perf_counter() - t0
        with ShardSet(Path(tmp) / "shards") as shards:
            digest = str(hash(tuple(sorted(json.dumps(f.to_dict(), sort_keys=True) for f in shards.facts()))))
    return word_count(paths) / elapsed, digest


def sorted_digest(folder: Path, jobs: int = 1) -> str:
    """The digest of a store run's facts in the order shards_words_per_second uses."""
    from kastfacts.extraction import extract_to_store
    from kastfacts.store import Store

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "k.db") as store:
        extract_to_store([str(folder)], store, jobs=jobs)
        return str(hash(tuple(sorted(json.dumps(f.to_dict(), sort_keys=True) for f in store.facts()))))


def peak_rss_mb(folder: Path) -> float:
    """Peak RSS of a fresh `kastfacts extract` process over folder (jobs 1), in MB."""
    code = ("import resource, sys, tempfile, os\n"
            "from kastfacts.extraction import extract_to_store\nfrom kastfacts.store import Store\n"
            "d = tempfile.mkdtemp()\n"
            "with Store(os.path.join(d, 'k.db')) as s: extract_to_store([sys.argv[1]], s, jobs=1)\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n")
    out = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=300, help="documents for the throughput ratio and N for memory")
    ap.add_argument("--jobs-docs", type=int, default=2000, help="documents for the --jobs comparison")
    ap.add_argument("--skip-throughput", action="store_true", help="skip (a) and (b)")
    ap.add_argument("--skip-jobs", action="store_true")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--cluster", action="store_true", help="also time a Dask LocalCluster of 2 workers")
    ap.add_argument("--out", action="store_true", help="also time --out DIR (shards written by the workers)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        paths = write_corpus(tmp / "n", args.docs)
        words = word_count(paths)
        print(f"1-minute load average: {load_average()} on {os.cpu_count()} cores")
        print(f"corpus: {args.docs} documents, {words:,} words (fr/es/en)")
        if not args.skip_throughput:
            base = ner_only_words_per_second(paths)
            ours, _ = kastfacts_words_per_second(tmp / "n", paths)
            print(f"(a) spaCy nlp.pipe, NER only:        {base:9,.0f} words/s")
            print(f"(b) kastfacts extract, end to end:   {ours:9,.0f} words/s")
            print(f"    ratio (b)/(a):                    {ours / base:9.2f}   (goal >= 0.8)")
        cold_start()
        if not args.skip_jobs:
            write_corpus(tmp / "j400", 400, seed=13)
            jobs_end_to_end(tmp / "j400", 400)
            jpaths = write_corpus(tmp / "j", args.jobs_docs, seed=11)
            jobs_end_to_end(tmp / "j", args.jobs_docs)
            one, d1 = kastfacts_words_per_second(tmp / "j", jpaths, jobs=1)
            two, d2 = kastfacts_words_per_second(tmp / "j", jpaths, jobs=2)
            print(f"one warm process: --jobs 1: {one:,.0f} words/s, --jobs 2: {two:,.0f} words/s on {args.jobs_docs} "
                  f"documents: speed-up {two / one:.2f}   (goal >= 1.7); identical output: {d1 == d2}")
            if args.cluster:
                dask, d3 = kastfacts_words_per_second(tmp / "j", jpaths, cluster="local:2")
                print(f"--cluster local:2: {dask:,.0f} words/s: {dask / two:.2f} of --jobs 2; identical output: {d1 == d3}")
            if args.out:
                reference = sorted_digest(tmp / "j", jobs=2)
                sharded, d4 = shards_words_per_second(tmp / "j", jpaths, jobs=2)
                print(f"--jobs 2 --out DIR: {sharded:,.0f} words/s: {sharded / two:.2f} of --jobs 2 into the "
                      f"database; identical facts: {d4 == reference}")
                if args.cluster:
                    dsharded, d5 = shards_words_per_second(tmp / "j", jpaths, cluster="local:2")
                    print(f"--cluster local:2 --out DIR: {dsharded:,.0f} words/s: {dsharded / dask:.2f} of "
                          f"--cluster local:2 into the database; identical facts: {d5 == reference}")
        if not args.skip_memory:
            write_corpus(tmp / "m1", args.docs, seed=3)
            write_corpus(tmp / "m4", 4 * args.docs, seed=3)
            m1, m4 = peak_rss_mb(tmp / "m1"), peak_rss_mb(tmp / "m4")
            print(f"peak RSS: {m1:,.0f} MB at {args.docs} documents, {m4:,.0f} MB at {4 * args.docs}:"
                  f" {100 * (m4 - m1) / m1:+.1f} %   (goal within 10 %)")
    exe = kastfacts_exe()
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([exe, "--help"], capture_output=True, check=True)
        times.append(time.perf_counter() - t0)
    print(f"`kastfacts --help`: {min(times):.3f} s best of 5, {sorted(times)[2]:.3f} s median   (goal < 0.5 s)")
    print(f"1-minute load average at the end: {load_average()}")


if __name__ == "__main__":
    main()
