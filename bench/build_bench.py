"""Benchmark: build a larger corpus (the seeds replicated under new ids) and compare with underthesea's ner().

Prints articles per second and peak memory (max RSS; with --jobs, the largest single process) of
`kg build` over the corpus, with one extraction process and with --jobs, and the same for
underthesea's own ner() over the same text. Each measurement runs in a process of its own, so that
peak memory is that phase's alone.

    .venv/bin/python bench/build_bench.py --copies 40      # 40 copies of the 5 seeds = 200 articles
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(folder: Path, copies: int) -> list[Path]:
    """Write copies of every seed under new ids; return the files."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    files = []
    for n in range(copies):
        for seed in seeds:
            path = folder / f"{seed.stem}-copy{n:04d}.txt"
            path.write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
            files.append(path)
    return files


def phase_build(corpus: Path, store: Path, jobs: int) -> dict:
    from kg.pipeline import build
    from kg.store import Store

    started = time.perf_counter()
    report = build([corpus], Store(store), jobs=jobs)
    seconds = time.perf_counter() - started
    return {"articles": len(report.articles), "seconds": seconds, "triples": report.triples}


def phase_ner(corpus: Path) -> dict:
    from underthesea import ner, sent_tokenize

    files = sorted(corpus.glob("*.txt"))
    started = time.perf_counter()
    for file in files:
        for sentence in sent_tokenize(file.read_text(encoding="utf-8")):
            ner(sentence)
    return {"articles": len(files), "seconds": time.perf_counter() - started}


def run_phase(name: str, corpus: Path, store: Path, jobs: int = 1) -> dict:
    command = [sys.executable, __file__, "--phase", name, "--corpus", str(corpus), "--store", str(store),
               "--jobs", str(jobs)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=40, help="copies of the five seeds (default: 40)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="extraction processes for kg build (default: the number of CPUs)")
    parser.add_argument("--phase", choices=("build", "ner"), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--store", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.phase:
        figures = phase_build(args.corpus, args.store, args.jobs) if args.phase == "build" else phase_ner(args.corpus)
        figures["peak_rss_mb"] = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                                     resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
        print(json.dumps(figures))
        return

    with tempfile.TemporaryDirectory(prefix="vnkg-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        files = make_corpus(corpus, args.copies)
        size = sum(f.stat().st_size for f in files)
        print(f"corpus: {len(files)} articles, {size / 1e6:.2f} MB")
        phases = [("build", 1, "kg build --jobs 1"), ("build", args.jobs, f"kg build --jobs {args.jobs}"),
                  ("ner", 1, "underthesea ner()")]
        for name, jobs, label in phases:
            figures = run_phase(name, corpus, Path(tmp) / f"store-{name}-{jobs}", jobs)
            rate = figures["articles"] / figures["seconds"]
            extra = f", {figures['triples']} triples" if "triples" in figures else ""
            print(f"{label:<34} {rate:8.1f} articles/s  {figures['seconds']:7.2f} s  "
                  f"peak RSS {figures['peak_rss_mb']:7.1f} MB{extra}")


if __name__ == "__main__":
    main()
