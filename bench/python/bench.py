#!/usr/bin/python3
"""pith from Python against the C++ CLI, on the same pages in the same run.

    PYTHONPATH=build/python /usr/bin/python3 bench/python/bench.py [--build build] [--repeat 3]
        [--sets dev wcxb-dev] [--output bench/results/DATE-python.md]

Per set of ../shared/bench: the CLI (`pith extract SET/pages --format jsonl -j 1`, end to end:
read, gunzip, decode, parse, extract, JSON out), then pith.extract in a loop (the pages read and
gunzipped before the clock starts, and again with each file read and gunzipped in the loop),
pith.extract_many(jobs=1) and pith.extract_many(jobs=2) over the same pages (each result is a
dict, so the library's JSON is parsed as well). CPU time is
user + system from resource.getrusage (the CLI's as a child process; Python's for the whole
process, every thread). Each figure is the median of --repeat runs, the runs of the ways
interleaved so that load on the shared machine hits them alike. The outputs are checked before
any time is printed: the Python dicts must equal the CLI's records field by field, and the
sets' scorer gives both the same F1.
"""
import argparse
import datetime
import gzip
import json
import os
import pathlib
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parents[2]
BENCH = REPO.parent / "shared" / "bench"


def cpu_self():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def cpu_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_cli(cli, pages_dir, out_path):
    cpu0, t0 = cpu_children(), time.perf_counter()
    subprocess.run([cli, "extract", str(pages_dir), "--format", "jsonl", "-j", "1", "-q", "-o", str(out_path)],
                   check=True)
    return time.perf_counter() - t0, cpu_children() - cpu0


def cli_startup(cli, work):
    """CPU of the CLI on one tiny page: what a process costs whatever the number of pages."""
    page = work / "tiny.html"
    page.write_text("<html><body><p>A tiny page.</p></body></html>")
    cpus = [run_cli(cli, page, work / "tiny.jsonl")[1] for _ in range(7)]
    return statistics.median(cpus)


def timed(fn):
    cpu0, t0 = cpu_self(), time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, cpu_self() - cpu0, out


def score(pred_raw, set_dir, work):
    """F1 of a raw JSONL output (pith extract's records, with source) with the set's scorer."""
    pred = work / (pred_raw.stem + ".pred.jsonl")
    with open(pred_raw, "rb") as src, open(pred, "wb") as dst:
        subprocess.run([sys.executable, str(REPO / "tools" / "to_pred.py")], stdin=src, stdout=dst, check=True)
    out = subprocess.run([sys.executable, str(BENCH / "score.py"), str(set_dir), str(pred), "--json"],
                         capture_output=True, check=True, text=True).stdout
    return json.loads(out)


def f1_of(scored):
    """The main F1 of score.py --json's output, whatever its nesting."""
    if isinstance(scored, dict):
        for key in ("f1", "F1"):
            if isinstance(scored.get(key), (int, float)):
                return scored[key]
        for value in scored.values():
            found = f1_of(value)
            if found is not None:
                return found
    if isinstance(scored, list):
        for value in scored:
            found = f1_of(value)
            if found is not None:
                return found
    return None


def bench_set(pith, cli, name, repeat, work, startup_cpu):
    set_dir = BENCH / name
    files = sorted(p for p in (set_dir / "pages").iterdir() if p.is_file())
    pages = []
    for p in files:
        data = p.read_bytes()
        pages.append(gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data)
    html_bytes = sum(len(p) for p in pages)

    def read_and_extract():  # end to end as the CLI: each file read and gunzipped, then extracted
        out = []
        for f in files:
            data = f.read_bytes()
            out.append(pith.extract(gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data))
        return out

    for p in pages[:20]:  # lazy set-up and allocator growth, billed to no way in particular
        pith.extract(p)
    ways = {
        "CLI `pith extract -j 1`": None,
        "`pith.extract` loop": lambda: [pith.extract(p) for p in pages],
        "`pith.extract` loop, reading and gunzipping each file": read_and_extract,
        "`pith.extract_many(jobs=1)`": lambda: list(pith.extract_many(pages, jobs=1)),
        "`pith.extract_many(jobs=2)`": lambda: list(pith.extract_many(pages, jobs=2)),
    }
    times = {way: [] for way in ways}
    outputs = {}
    cli_out = work / f"{name}.cli.jsonl"
    for _ in range(repeat):
        for way, fn in ways.items():
            if fn is None:
                wall, cpu = run_cli(cli, set_dir / "pages", cli_out)
            else:
                wall, cpu, outputs[way] = timed(fn)
            times[way].append((wall, cpu))

    # The outputs first: every Python result equals the CLI's record, field by field.
    cli_records = [json.loads(line) for line in cli_out.read_text(encoding="utf-8").split("\n") if line]
    sources = [r.pop("source") for r in cli_records]
    identical = {}
    for way, out in outputs.items():
        identical[way] = len(out) == len(cli_records) and all(a == b for a, b in zip(out, cli_records))
    py_raw = work / f"{name}.python.jsonl"
    with open(py_raw, "w", encoding="utf-8") as f:
        for source, d in zip(sources, outputs["`pith.extract` loop"]):
            f.write(json.dumps({"source": source, **d}, ensure_ascii=False) + "\n")
    for r, source in zip(cli_records, sources):
        r["source"] = source
    f1_cli = f1_of(score(cli_out, set_dir, work))
    f1_py = f1_of(score(py_raw, set_dir, work))

    rows = []
    cli_cpu = statistics.median(c for _, c in times["CLI `pith extract -j 1`"])
    cli_cpu_per_page = cli_cpu / len(pages)
    cli_work_per_page = (cli_cpu - startup_cpu) / len(pages)  # without the process's start-up
    for way in ways:
        wall = statistics.median(w for w, _ in times[way])
        cpu = statistics.median(c for _, c in times[way])
        rows.append({
            "way": way,
            "pages_s": len(pages) / wall,
            "mb_s": html_bytes / wall / 1e6,
            "cpu_ms_page": cpu / len(pages) * 1000,
            "mb_s_core": html_bytes / cpu / 1e6,
            "ratio": (cpu / len(pages)) / cli_cpu_per_page,
            "ratio_work": (cpu / len(pages)) / cli_work_per_page,
            "identical": identical.get(way, True),
        })
    return {"name": name, "pages": len(pages), "mb": html_bytes / 1e6, "rows": rows, "f1_cli": f1_cli,
            "f1_py": f1_py, "all_identical": all(identical.values())}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default=str(REPO / "build"), help="the build folder (pith and python/pith)")
    ap.add_argument("--sets", nargs="+", default=["dev", "wcxb-dev"])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--output", help="write the Markdown table here too")
    args = ap.parse_args()
    build = pathlib.Path(args.build).resolve()
    sys.path.insert(0, str(build / "python"))
    import pith  # noqa: E402 (from the build folder)

    cli = str(build / "pith")
    if not BENCH.is_dir():
        print(f"bench: {BENCH} is absent; nothing to measure", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        startup_cpu = cli_startup(cli, pathlib.Path(tmp))
        results = [bench_set(pith, cli, name, args.repeat, pathlib.Path(tmp), startup_cpu) for name in args.sets]

    load = os.getloadavg()
    lines = [
        f"# pith from Python vs the C++ CLI ({datetime.date.today().isoformat()})",
        "",
        f"Command: `PYTHONPATH={args.build}/python /usr/bin/python3 bench/python/bench.py --build {args.build} "
        f"--repeat {args.repeat}` (Python {platform.python_version()}, pith {pith.__version__}; load average "
        f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} at the end, on the shared {os.cpu_count()}-core machine).",
        "",
        "Same pages, same run, the ways interleaved, median of the runs. The CLI is end to end (its",
        "process reads and gunzips the files and writes JSONL); the Python calls get the pages read and",
        "gunzipped beforehand and return dicts (the library's JSON parsed by `json.loads`). CPU is user +",
        "system time (getrusage; every thread of the process). \"CPU vs CLI\" = CPU per page / the CLI's;",
        f"\"vs CLI's pages\" leaves out the CLI's start-up ({startup_cpu * 1000:.1f} ms of CPU for one tiny page,",
        "the median of 7), the cost of its pages alone.",
        "",
    ]
    for r in results:
        check = "identical to the CLI's, every field of every page" if r["all_identical"] else "**DIFFERENT**"
        lines += [
            f"## {r['name']}: {r['pages']} pages, {r['mb']:.1f} MB of HTML",
            "",
            f"Outputs: {check}; F1 (the set's score.py) CLI {r['f1_cli']:.4f}, Python {r['f1_py']:.4f}.",
            "",
            "| way | pages/s | MB/s | CPU ms/page | MB/s per core | CPU vs CLI | vs CLI's pages |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for row in r["rows"]:
            lines.append(f"| {row['way']} | {row['pages_s']:.1f} | {row['mb_s']:.1f} | {row['cpu_ms_page']:.2f} | "
                         f"{row['mb_s_core']:.1f} | {row['ratio']:.3f}x | {row['ratio_work']:.3f}x |")
        lines.append("")
    text = "\n".join(lines)
    print(text)
    if args.output:
        pathlib.Path(args.output).write_text(text, encoding="utf-8")
    return 0 if all(r["all_identical"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
