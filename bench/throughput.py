"""Cold start, --jobs scaling, throughput and memory of kastfacts against spaCy's own, in one run (not a test).

    python bench/throughput.py [--docs 300] [--jobs-docs 2000] [--rounds 3] [--skip-jobs] [--phases]
                               [--skip-throughput] [--skip-memory] [--cluster] [--out]

In this order: the cold start, `kastfacts extract seeds/` as a user runs it against a bare
`spacy.load` of the same three pipelines, and the three pipelines as kastfacts loads them (each a
fresh process, five times in turn, medians). Then `kastfacts extract` end to end, as a user runs
it, with `--jobs 1`, `--jobs 2` and the default at 400 distinct documents (--rounds times in
turn, medians), and with `--jobs 1` and `--jobs 2` at --jobs-docs of them: times, whether the
outputs are byte for byte the same, and the peak memory of each process (its peak RSS, and the
part of it no other process shares). Then, on the --jobs-docs documents, each in a warm process
of its own, in turn, --rounds times: (a) spaCy `nlp.pipe` with the same pipelines, NER alone
(everything else excluded); (b) kastfacts extraction end to end (language, NER, dates,
percentages, claims, store, corpus resolution), models loaded; words per second (medians) and
the median of each round's ratio (with --cluster, a Dask LocalCluster of 2 workers
on the same corpus; with --out, shards written by the workers instead of the database). Then peak
memory (RSS) at N and 4N documents, each in a fresh process; the start-up time of `kastfacts
--help`; and the issue's goals against this run's ratios. Ratios, not absolute times, are the
point: the machine is shared and noisy (the 1-minute load average is printed at the start and the
end).
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
    """`kastfacts extract folder` in a fresh process: seconds, CPU seconds (its own and its
    workers'), digest of its output, memory of the main process and of each worker (sampled every
    0.5 s: peak RSS, peak private part; sampling more often would cost the run itself)."""
    import resource

    def cpu() -> float:
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        return used.ru_utime + used.ru_stime

    with tempfile.TemporaryDirectory() as tmp:
        cmd = [kastfacts_exe(), "extract", str(folder), "--db", str(Path(tmp) / "k.db"), "--format", "jsonl", "-q", *options]
        t0, c0 = time.perf_counter(), cpu()
        with open(Path(tmp) / "out.jsonl", "wb") as out:
            proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL)
            main_peak, workers = 0.0, {}
            while True:
                main_peak = max(main_peak, _rollup(proc.pid)[0])
                for child in _children(proc.pid):
                    peak, private = _rollup(child)
                    old = workers.get(child, (0.0, 0.0))
                    workers[child] = (max(old[0], peak), max(old[1], private))
                try:
                    proc.wait(timeout=0.5)
                    break
                except subprocess.TimeoutExpired:
                    continue
        elapsed, cpu_seconds = time.perf_counter() - t0, cpu() - c0
        if proc.returncode not in (0, 3):
            raise SystemExit(f"{' '.join(cmd)} failed with exit {proc.returncode}")
        digest = hashlib.sha256((Path(tmp) / "out.jsonl").read_bytes()).hexdigest()[:16]
    return {"seconds": elapsed, "cpu": cpu_seconds, "digest": digest, "main_mb": main_peak,
            "workers": sorted(workers.values())}


LOADS = """
import json, sys, time, warnings
warnings.filterwarnings("ignore")
t0 = time.perf_counter()
import spacy
times = {"import spacy": time.perf_counter() - t0}
if sys.argv[1] == "kastfacts":
    from kastfacts import pipelines
    load = lambda package: pipelines.get(package.split("_", 1)[0])
else:
    load = spacy.load
for package in sys.argv[2:]:
    t = time.perf_counter()
    load(package)
    times[package] = time.perf_counter() - t
print(json.dumps(times))
"""


def load_seconds(how: str) -> tuple[float, dict]:
    """A fresh process that imports spaCy and loads the three pinned pipelines, nothing else: with
    a bare `spacy.load` each (`how` = "bare"), or as kastfacts loads them ("kastfacts"). Its whole
    time, and the time of each step inside it."""
    from kastfacts.pipelines import pins

    t0 = time.perf_counter()
    steps = json.loads(_last_line([sys.executable, "-c", LOADS, how, *(p.package for p in pins().values())]))
    return time.perf_counter() - t0, steps


def cold_start(rounds: int = 5) -> float:
    """Seeds end to end against the bare load, in turn, so that a change in the machine's load hits
    both; and kastfacts' own load of the three pipelines against spaCy's. Returns the ratio."""
    seeds = HERE.parent / "seeds"
    ours, bare, loads = [], [], []
    for _ in range(rounds):
        bare.append(load_seconds("bare"))
        loads.append(load_seconds("kastfacts"))
        ours.append(run_extract(seeds)["seconds"])
    o, b = statistics.median(ours), statistics.median(t for t, _ in bare)
    k = statistics.median(t for t, _ in loads)
    print(f"cold start: `kastfacts extract seeds/` {o:.2f} s, bare spacy.load of the three pipelines {b:.2f} s "
          f"(medians of {rounds}, each a fresh process): ratio {o / b:.2f}   (goal <= 0.8)")
    print(f"    the three pipelines as kastfacts loads them: {k:.2f} s ({k / b:.2f} of the bare load); each, bare -> kastfacts:")
    for step in bare[0][1]:
        before = statistics.median(times[step] for _, times in bare)
        after = statistics.median(times[step] for _, times in loads)
        print(f"      {step:24} {before:5.2f} s -> {after:5.2f} s")
    return o / b


def workers_line(result: dict) -> str:
    if not result["workers"]:
        return f"one process, peak RSS {result['main_mb']:,.0f} MB"
    peaks = ", ".join(f"{peak:,.0f} MB ({private:,.0f} MB its own)" for peak, private in result["workers"])
    return f"main process {result['main_mb']:,.0f} MB; workers' peak RSS {peaks}"


def jobs_end_to_end(folder: Path, n: int, default: bool, rounds: int = 1) -> dict:
    """`kastfacts extract` with --jobs 1, --jobs 2 (and no --jobs), each in a fresh process, as a user
    runs it, `rounds` times in turn (medians: a change in the machine's load hits every option):
    times, ratios, whether every output is byte for byte the same, memory per worker."""
    options = {"--jobs 1": ("--jobs", "1"), "--jobs 2": ("--jobs", "2")} | ({"default": ()} if default else {})
    runs: dict[str, list[dict]] = {name: [] for name in options}
    for _ in range(rounds):
        for name, option in options.items():
            runs[name].append(run_extract(folder, *option))
    seconds = {name: statistics.median(r["seconds"] for r in results) for name, results in runs.items()}
    one, two = seconds["--jobs 1"], seconds["--jobs 2"]
    figures = {"speed_up": one / two, "same": len({r["digest"] for rs in runs.values() for r in rs}) == 1}
    line = f"{n:,} documents, end to end: --jobs 1 {one:.1f} s, --jobs 2 {two:.1f} s (speed-up {one / two:.2f})"
    if default:
        figures["default"] = seconds["default"] / one
        line += f", default {seconds['default']:.1f} s ({figures['default']:.2f} of --jobs 1)"
    print(f"{line}{f' (medians of {rounds})' if rounds > 1 else ''}; identical output: {figures['same']}")
    for name, results in runs.items():
        used = statistics.median(r["cpu"] for r in results)
        print(f"    {name}: {used:.1f} CPU s ({used / seconds[name]:.2f} cores busy); {workers_line(results[0])}")
    return figures


PHASES = """
import os, sys, tempfile, time
t0 = time.perf_counter()
from kastfacts import extraction, output
from kastfacts.store import Store
marks = {}
def timed(name, fn):
    def run(*args, **kwargs):
        marks[name] = [time.perf_counter() - t0, time.process_time()]
        try:
            return fn(*args, **kwargs)
        finally:
            marks[name] += [time.perf_counter() - t0, time.process_time()]
    return run
extraction._fork_pool = timed("load", extraction._fork_pool)
extraction.resolve_corpus = timed("pass", extraction.resolve_corpus)
jobs = int(sys.argv[2])
with tempfile.TemporaryDirectory() as tmp, Store(os.path.join(tmp, "k.db")) as store, open(os.devnull, "w") as out:
    done = set(extraction.extract_to_store([sys.argv[1]], store, jobs=jobs))
    timed("output", lambda: output.write_serialized(extraction.serialized_facts(store, done, jobs), "jsonl", out))()
(_, _, forked, _), (start, c0, end, c1) = marks["load"], marks["pass"]
print(f"0-{forked:.1f} s loading, {forked:.1f}-{start:.1f} s workers extracting, {start:.1f}-{end:.1f} s the corpus pass "
      f"({c1 - c0:.1f} CPU s in the main process), then the output {marks['output'][2] - marks['output'][0]:.1f} s "
      f"({marks['output'][3] - marks['output'][1]:.1f} CPU s)")
"""


def jobs_phases(folder: Path, jobs: int = 2) -> None:
    """Where a --jobs N run's time goes (library calls, as the CLI makes them): the part before the
    workers fork, their extraction, and what the main process does alone after them (the corpus
    pass and the output), the Amdahl part of the speed-up."""
    got = subprocess.run([sys.executable, "-c", PHASES, str(folder), str(jobs)], capture_output=True, text=True)
    print(f"    --jobs {jobs} phases: " + (got.stdout.strip() or got.stderr.strip().splitlines()[-1]))


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


def words_per_second_in_fresh_process(which: str, folder: Path) -> float:
    """(a) or (b) on `folder`, in a process of its own: a round must not find the caches (words,
    grammars) a round before it filled on the same corpus."""
    return float(_last_line([sys.executable, __file__, "--measure", which, str(folder)]))


def _last_line(command: list[str]) -> str:
    """The last line a process prints (what it measured; anything before it is talk)."""
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]


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
    return float(_last_line([sys.executable, "-c", code, str(folder)]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=300, help="N for memory (N against 4N documents)")
    ap.add_argument("--jobs-docs", type=int, default=2000, help="documents for the --jobs comparison and the throughput ratio")
    ap.add_argument("--rounds", type=int, default=3,
                    help="fresh runs of each option at 400 documents, and of (a) and (b) (medians)")
    ap.add_argument("--skip-throughput", action="store_true", help="skip (a) and (b)")
    ap.add_argument("--skip-jobs", action="store_true")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--phases", action="store_true", help="also time the phases of a --jobs 2 run at --jobs-docs documents")
    ap.add_argument("--cluster", action="store_true", help="also time a Dask LocalCluster of 2 workers")
    ap.add_argument("--out", action="store_true", help="also time --out DIR (shards written by the workers)")
    ap.add_argument("--measure", nargs=2, metavar=("WHICH", "FOLDER"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:                      # one round of (a) or (b), for words_per_second_in_fresh_process
        which, folder = args.measure[0], Path(args.measure[1])
        paths = sorted(folder.iterdir())
        print(ner_only_words_per_second(paths) if which == "ner-only" else kastfacts_words_per_second(folder, paths)[0])
        return
    goals = []
    print(f"1-minute load average: {load_average()} on {os.cpu_count()} cores")
    goals.append(("seeds end to end / bare load of the three pipelines", cold_start(), "<= 0.8"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        jpaths = write_corpus(tmp / "j", args.jobs_docs, seed=11)
        print(f"corpus: {args.jobs_docs:,} distinct documents, {word_count(jpaths):,} words (fr/es/en); and 400 of the same kind")
        if not args.skip_jobs:
            write_corpus(tmp / "j400", 400, seed=13)
            at400 = jobs_end_to_end(tmp / "j400", 400, default=True, rounds=args.rounds)
            goals.append(("default jobs / --jobs 1, 400 documents (time)", at400["default"], "<= 1.0"))
            goals.append(("--jobs 2 speed-up, 400 documents", at400["speed_up"], "(no goal)"))
            atn = jobs_end_to_end(tmp / "j", args.jobs_docs, default=False)
            if args.phases:
                jobs_phases(tmp / "j")
            goals.append((f"--jobs 2 speed-up, {args.jobs_docs:,} documents", atn["speed_up"], ">= 1.7"))
        if not args.skip_throughput:
            bases, ourss = [], []
            for _ in range(args.rounds):
                bases.append(words_per_second_in_fresh_process("ner-only", tmp / "j"))
                ourss.append(words_per_second_in_fresh_process("kastfacts", tmp / "j"))
            ratios = [o / b for o, b in zip(ourss, bases)]
            base, ours = statistics.median(bases), statistics.median(ourss)
            rounds = f"medians of {args.rounds}, in turn, each a fresh process, warm" if args.rounds > 1 else "one warm process"
            print(f"(a) spaCy nlp.pipe, NER only:        {base:9,.0f} words/s   ({args.jobs_docs:,} documents; {rounds})")
            print(f"(b) kastfacts extract, end to end:   {ours:9,.0f} words/s")
            print(f"    ratio (b)/(a):                    {statistics.median(ratios):9.2f}   (goal >= 0.8; each round: "
                  + ", ".join(f"{r:.2f}" for r in ratios) + ")")
            goals.append(("extraction / NER-only nlp.pipe, words/s", statistics.median(ratios), ">= 0.8"))
            if args.cluster or args.out:
                ours, d1 = kastfacts_words_per_second(tmp / "j", jpaths)
                two, d2 = kastfacts_words_per_second(tmp / "j", jpaths, jobs=2)
                print(f"one warm process, --jobs 2: {two:,.0f} words/s ({two / ours:.2f} of --jobs 1); identical output: {d1 == d2}")
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
    print("\nthe issue's goals, in this run:")
    for what, ratio, goal in goals:
        print(f"    {what:55} {ratio:5.2f}   {goal}")


if __name__ == "__main__":
    main()
