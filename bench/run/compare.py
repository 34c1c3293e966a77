#!/usr/bin/env python3
"""pith run, two builds side by side in one run.

The same inputs, A and B alternating, REPS times each; MB of uncompressed WARC per CPU second
(user + system, from getrusage, microseconds) at -j 1; the median per build and B's ratio to A;
and a check that both wrote the same documents (a timing of a wrong output is not a win).

    python3 bench/run/compare.py OLD_PITH NEW_PITH [--reps 7] [INPUT ...]

Inputs default to the WARCs of bench/run/run.sh in $TMPDIR/pith-bench-run. Prints a Markdown
table for bench/results/.
"""
import argparse
import glob
import json
import os
import resource
import shutil
import statistics
import subprocess
import tempfile


def cpu_seconds_of(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("inputs", nargs="*")
    ap.add_argument("--reps", type=int, default=7)
    args = ap.parse_intermixed_args()
    tmp = os.path.join(os.environ.get("TMPDIR", "/tmp"), "pith-bench-run")
    inputs = args.inputs or [p for p in (os.path.join(tmp, n) for n in ("dev.warc", "wcxb.warc", "wcxb.warc.gz"))
                             if os.path.exists(p)]
    work = tempfile.mkdtemp(prefix="pith-compare-")
    print("| input | build | MB/s per core, each run | median | B / A | documents written | same bytes |")
    print("|---|---|---|---|---|---|---|")
    for path in inputs:
        rates = {"A": [], "B": []}
        for _ in range(args.reps):
            for which, binary in (("A", args.a), ("B", args.b)):
                out = os.path.join(work, which)
                shutil.rmtree(out, ignore_errors=True)
                cpu = cpu_seconds_of([binary, "run", path, "-o", out, "-j", "1", "--recipe", "fineweb",
                                      "--format", "jsonl"])
                stats = json.load(open(os.path.join(out, "stats.json")))
                rates[which].append(stats["bytes_uncompressed"] / 1e6 / cpu)
        docs = {}
        for which in "AB":
            parts = sorted(glob.glob(os.path.join(work, which, "*.jsonl")))
            docs[which] = b"".join(open(p, "rb").read() for p in parts)
        same = "yes" if docs["A"] == docs["B"] else "NO"
        ma, mb = statistics.median(rates["A"]), statistics.median(rates["B"])
        name = os.path.basename(path)
        for which, m in (("A", ma), ("B", mb)):
            runs = ", ".join(f"{r:.1f}" for r in rates[which])
            ratio = "1.000" if which == "A" else f"{mb / ma:.3f}"
            lines = docs[which].count(b"\n")
            print(f"| {name} | {which} | {runs} | {m:.1f} | {ratio} | {lines} | {same if which == 'B' else ''} |")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
