#!/usr/bin/env python3
"""pith run alone against the same run through Dask (pith.dask.run) on 1 and 2 workers, over the
same WARC files, and pith dedup's stages through Dask against pith dedup in one process.

    /usr/bin/python3 bench/dask/bench.py [--build build] [--files 4] [--reps 3]
    /usr/bin/python3 bench/dask/bench.py --dedup-docs 40000    # dedup's stages on synthetic texts

The WARCs are made by tools/make_warc.py from the pages of ../shared/bench/wcxb-dev (split into
--files files of about equal size, in $TMPDIR/pith-bench-dask; never committed). A real
`dask scheduler` and `dask worker` processes (--nthreads 1 each, no nanny) are started on
127.0.0.1 before the timings and stopped after: a cluster is started once and used for many jobs,
so its start-up is not part of a job (it is printed apart). Each measurement is repeated --reps
times, the configurations alternating, and the median is shown. CPU seconds: the process's own
(pith run: getrusage of the child; Dask: user + system of the worker processes, from /proc).
Before a time is written down, the Dask run's parts are compared with pith run's (same bytes).
Prints Markdown for bench/results/.
"""
import argparse
import gzip
import json
import os
import pathlib
import shutil
import socket
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid):
    """user + system CPU seconds of a live process (/proc/PID/stat)."""
    fields = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Cluster:
    def __init__(self, workers, tmp, env):
        self.procs = []
        port = free_port()
        self.address = f"tcp://127.0.0.1:{port}"
        started = time.monotonic()
        log = open(tmp / "scheduler.log", "wb")
        self.procs.append(subprocess.Popen(["dask", "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                            "--no-dashboard", "--no-show"], stdout=log, stderr=log, env=env))
        self.workers = []
        for i in range(workers):
            wlog = open(tmp / f"worker-{i}.log", "wb")
            (tmp / f"w{i}").mkdir(exist_ok=True)
            p = subprocess.Popen(["dask", "worker", self.address, "--nthreads", "1", "--no-nanny", "--no-dashboard",
                                  "--host", "127.0.0.1", "--local-directory", str(tmp / f"w{i}"), "--memory-limit",
                                  "0"], stdout=wlog, stderr=wlog, env=env)
            self.procs.append(p)
            self.workers.append(p)
        import distributed
        with distributed.Client(self.address, timeout="60s") as c:
            c.wait_for_workers(workers, timeout=120)
        self.startup = time.monotonic() - started

    def cpu(self):
        return sum(cpu_seconds(p.pid) for p in self.workers)

    def stop(self):
        for p in reversed(self.procs):
            p.terminate()
        for p in self.procs:
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                p.kill()


def make_warcs(pages, tmp, files):
    names = sorted(n for n in os.listdir(pages) if n.endswith((".html", ".html.gz", ".htm")))
    sizes = [(os.path.getsize(pages / n), n) for n in names]
    groups = [[] for _ in range(files)]
    totals = [0] * files
    for size, n in sorted(sizes, reverse=True):  # largest first into the lightest file: equal sizes
        k = totals.index(min(totals))
        groups[k].append(n)
        totals[k] += size
    warcs = tmp / "warcs"
    if warcs.is_dir() and len(list(warcs.glob("*.warc"))) == files:
        return warcs
    shutil.rmtree(warcs, ignore_errors=True)
    warcs.mkdir(parents=True)
    for k, group in enumerate(groups):
        sub = tmp / f"pages-{k}"
        shutil.rmtree(sub, ignore_errors=True)
        sub.mkdir()
        for n in group:
            (sub / n).symlink_to(pages / n)
        subprocess.run([sys.executable, str(ROOT / "tools" / "make_warc.py"), str(sub), str(warcs / f"part-{k}.warc"),
                        "--truth", str(pages.parent / "truth.jsonl")], check=True, stderr=subprocess.DEVNULL)
    return warcs


def same_but_cross_file_copies(dask_dir, run_dir):
    """The Dask run's parts are pith run's plus the copies of documents of earlier files, which a
    run task (one file) cannot know of (docs/cluster.md): pith run's lines in order within the
    Dask part, and as many extra lines as pith run dropped as dedup/duplicate across files."""
    ours, theirs = parts(dask_dir), parts(run_dir)
    if sorted(ours) != sorted(theirs):
        return False
    extra = 0
    for name, data in theirs.items():
        mine = iter(ours[name].splitlines())
        if not all(line in mine for line in data.splitlines()):  # a subsequence, in order
            return False
        extra += ours[name].count(b"\n") - data.count(b"\n")
    dup = [json.loads((pathlib.Path(d) / "stats.json").read_text())["rejected_by_reason"].get("dedup/duplicate", 0)
           for d in (run_dir, dask_dir)]
    return extra == dup[0] - dup[1]


def parts(folder):
    out = {}
    for p in sorted(pathlib.Path(folder).glob("*.jsonl*")):
        data = p.read_bytes()
        out[p.name] = gzip.decompress(data) if p.name.endswith(".gz") else data
    return out


def make_dedup_corpus(folder, files, docs, seed=5):
    """JSONL files of `docs` synthetic texts in all (about 2 KB each, words drawn from a fixed
    list), one in five a near-copy of an earlier one (one word in 20 changed): the dedup stages'
    throughput on more documents than the WARCs give."""
    import random
    rng = random.Random(seed)
    # Letters only: pith dedup folds digits, so "w1" and "w2" would be one word.
    words = sorted({"".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9)))
                    for _ in range(6000)})
    folder.mkdir(parents=True, exist_ok=True)
    texts = []
    per_file = docs // files
    for f in range(files):
        with open(folder / f"docs-{f:02d}.jsonl", "w") as out:
            for i in range(per_file):
                if texts and i % 5 == 4:
                    t = rng.choice(texts).split(" ")
                    for k in range(0, len(t), 20):
                        t[k] = rng.choice(words)
                    text = " ".join(t)
                else:
                    text = " ".join(rng.choice(words) for _ in range(300))
                    if len(texts) < 2000:
                        texts.append(text)
                out.write(json.dumps({"id": f"{f}-{i}", "text": text}) + "\n")
    return folder


def dedup_throughput(a, tmp, env, pith):
    """pith dedup's stages through Dask (1 and 2 workers) against pith.dedup in one process."""
    corpus = make_dedup_corpus(tmp / "dedup-in", a.files, a.dedup_docs)
    run_options = dict(recipe="none", format="jsonl", clean=False, pii=False, input_type="text", progress=False)
    import pith.dask
    rows = []
    for workers in (1, 2):
        ctmp = tmp / f"cluster-dedup-{workers}"
        ctmp.mkdir(exist_ok=True)
        cluster = Cluster(workers, ctmp, env)
        try:
            out = tmp / f"dedup-dask-{workers}"
            for d in (out, pathlib.Path(str(out) + ".run")):
                shutil.rmtree(d, ignore_errors=True)
            cpu0 = cluster.cpu()
            r = pith.dask.run(str(corpus), out, scheduler=cluster.address, **run_options)
            cpu = cluster.cpu() - cpu0
        finally:
            cluster.stop()
        local = tmp / f"dedup-local-{workers}"
        shutil.rmtree(local, ignore_errors=True)
        t = time.monotonic()
        s = pith.dedup(r["run_output"], str(local), jobs=workers)
        local_wall = time.monotonic() - t
        rows.append((workers, r, cpu, local_wall, s, parts(out) == parts(local)))
    print(f"pith dedup's stages on {a.dedup_docs} synthetic documents in {a.files} JSONL files "
          "(one in five a near-copy); the run before them is not timed here.\n")
    print("| dedup | documents | kept | plan s | signatures s | buckets s | clusters s | filter s | finish s | "
          "total s | docs/s | pith.dedup in one process, same jobs: s, docs/s | same parts |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    stages = ["dedup_plan", "dedup_signatures", "dedup_buckets", "dedup_clusters", "dedup_filter", "dedup_finish"]
    for workers, r, cpu, local_wall, s, same in rows:
        sec, d = r["seconds"], r["dedup"]
        total = sum(sec[k] for k in stages)
        print(f"| Dask, {workers} worker(s) | {d['documents']} | {d['kept']} | "
              + " | ".join(f"{sec[k]:.2f}" for k in stages)
              + f" | {total:.2f} | {d['documents'] / total:.0f} | {local_wall:.2f}, {s['documents'] / local_wall:.0f} | "
                f"{'yes' if same else 'NO'} |")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dedup-docs", type=int, default=0,
                    help="instead: time pith dedup's stages through Dask on this many synthetic documents")
    ap.add_argument("--build", default="build")
    ap.add_argument("--files", type=int, default=4)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--pages", default=str(ROOT.parent / "shared" / "bench" / "wcxb-dev" / "pages"))
    a = ap.parse_args()
    pages = pathlib.Path(a.pages)
    if not pages.is_dir():
        print(f"bench/dask: {pages} not found; skipped")
        return 0
    build = (ROOT / a.build).resolve()
    env = dict(os.environ, PYTHONPATH=str(build / "python"))
    sys.path.insert(0, str(build / "python"))
    import pith
    import pith.dask
    tmp = pathlib.Path(os.environ.get("TMPDIR", "/tmp")) / "pith-bench-dask"
    tmp.mkdir(parents=True, exist_ok=True)
    if not a.dedup_docs:
        warcs = make_warcs(pages, tmp, a.files)
        mb = sum(p.stat().st_size for p in warcs.glob("*.warc")) / 1e6
    cli = str(build / "pith")
    if a.dedup_docs:
        return dedup_throughput(a, tmp, env, pith)

    def pith_run(jobs):
        out = tmp / f"run-j{jobs}"
        shutil.rmtree(out, ignore_errors=True)
        before = os.times()
        t = time.monotonic()
        subprocess.run([cli, "run", str(warcs), "-o", str(out), "-j", str(jobs), "--recipe", "fineweb", "--format",
                        "jsonl", "-q"], check=True)
        wall = time.monotonic() - t
        after = os.times()
        return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system), out

    def dask_run(cluster, workers, dedup):
        out = tmp / f"dask-{workers}{'-dedup' if dedup else ''}"
        for d in (out, pathlib.Path(str(out) + ".run")):
            shutil.rmtree(d, ignore_errors=True)
        cpu0 = cluster.cpu()
        t = time.monotonic()
        r = pith.dask.run(str(warcs), out, recipe="fineweb", format="jsonl", scheduler=cluster.address, dedup=dedup,
                          progress=False)
        wall = time.monotonic() - t
        return wall, cluster.cpu() - cpu0, r

    def local_dedup(run_dir, jobs):
        out = tmp / f"dedup-local-j{jobs}"
        shutil.rmtree(out, ignore_errors=True)
        t = time.monotonic()
        s = pith.dedup(str(run_dir), str(out), jobs=jobs)
        return time.monotonic() - t, s, out

    results = {}
    clusters = {}
    try:
        for workers in (1, 2):
            ctmp = tmp / f"cluster-{workers}"
            ctmp.mkdir(exist_ok=True)
            clusters[workers] = Cluster(workers, ctmp, env)
        # Alternate: one of each per repetition, so that load on the shared machine hits all alike.
        for rep in range(a.reps):
            for jobs in (1, 2):
                wall, cpu, out = pith_run(jobs)
                results.setdefault(f"pith run -j {jobs}", []).append((wall, cpu))
                reference = out
            for workers in (1, 2):
                wall, cpu, r = dask_run(clusters[workers], workers, dedup=False)
                results.setdefault(f"pith.dask.run, {workers} worker{'s' if workers > 1 else ''}", []).append(
                    (wall, cpu))
                if not same_but_cross_file_copies(r["run_output"], reference):
                    print(f"bench/dask: the Dask run's parts differ from pith run's ({r['run_output']})",
                          file=sys.stderr)
                    return 1
        # Dedup through Dask, stage by stage, against pith run + pith.dedup in one process: the
        # same corpus, byte for byte.
        dedup_rows = []
        for workers in (1, 2):
            wall, cpu, r = dask_run(clusters[workers], workers, dedup=True)
            local_wall, local_stats, local_out = local_dedup(reference, workers)
            same = parts(r["output"]) == parts(local_out)
            dedup_rows.append((workers, r, local_wall, local_stats, same))
    finally:
        startup = {w: c.startup for w, c in clusters.items()}
        for c in clusters.values():
            c.stop()

    print(f"Input: {a.files} WARC files, {mb:.0f} MB (tools/make_warc.py from {pages}), recipe fineweb, "
          f"--format jsonl; median of {a.reps} runs. Cluster start-up (not in the times): "
          + ", ".join(f"{w} worker(s) {s:.1f} s" for w, s in startup.items()) + ".\n")
    print("| run | wall s (each) | median wall s | MB/s (wall) | CPU s (median) | wall vs pith run -j N |")
    print("|---|---|---|---|---|---|")
    medians = {k: statistics.median(w for w, _ in v) for k, v in results.items()}
    for k, v in results.items():
        n = 2 if "-j 2" in k or "2 workers" in k else 1
        base = medians[f"pith run -j {n}"]
        walls = ", ".join(f"{w:.2f}" for w, _ in v)
        cpu = statistics.median(c for _, c in v)
        print(f"| {k} | {walls} | {medians[k]:.2f} | {mb / medians[k]:.1f} | {cpu:.2f} | "
              f"{(medians[k] / base - 1) * 100:+.1f} % |")
    print()
    print("| dedup | documents | kept | plan s | signatures s | buckets s | clusters s | filter s | finish s | "
          "total s | docs/s | pith.dedup in one process s (jobs) | same corpus as pith run + pith dedup |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for workers, r, local_wall, local_stats, same in dedup_rows:
        s = r["seconds"]
        d = r["dedup"]
        stages = ["dedup_plan", "dedup_signatures", "dedup_buckets", "dedup_clusters", "dedup_filter", "dedup_finish"]
        total = sum(s[k] for k in stages)
        print(f"| Dask, {workers} worker(s) | {d['documents']} | {d['kept']} | "
              + " | ".join(f"{s[k]:.2f}" for k in stages)
              + f" | {total:.2f} | {d['documents'] / total:.0f} | {local_wall:.2f} ({workers}) | "
                f"{'yes' if same else 'NO'} |")
    print()
    print(json.dumps({"medians": medians, "dedup_local_stage_seconds": [x[3].get("stage_seconds") for x in dedup_rows]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
