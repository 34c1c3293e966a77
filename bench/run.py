#!/usr/bin/env python3
"""End-to-end speed + quality benchmark: pith against Readability.js (and trafilatura where it
is installed), all in one run, on the benchmark sets in ../shared/bench.

Normally called through bench/run.sh (`make bench`), which installs the Node packages first.
See bench/README.md for what is measured. Python 3 standard library only.

    run.py [--set dev|wcxb-dev ...] [--quick | --pages N] [--repeat N] [--pith PATH]
           [--no-pith] [--no-readability] [--no-trafilatura] [--no-plain] [--jobs N]

For each set it runs, one after the other, each under `/usr/bin/time -v` (peak RSS):
  pith -j 1      on the .html.gz pages (the main number: end to end, gunzip included)
  pith -j NPROC  on the .html.gz pages
  pith -j 1      on pre-decompressed .html copies (unless --no-plain)
  Readability.js (bench/readability/extract.js: one Node process, one thread)
  trafilatura    (bench/trafilatura/extract.py) when `import trafilatura` works
then scores every output with ../shared/bench/score.py and writes a markdown report to
bench/results/YYYY-MM-DD-<set>.md (full sets) or bench/out/<set>-firstN/report.md (--quick).
All intermediate files go to bench/out/<set>[-firstN]/.
"""
import argparse
import datetime
import gzip
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import threading
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
ALL_SETS = ["dev", "wcxb-dev"]
QUICK_PAGES = 40
GNU_TIME = "/usr/bin/time"


def log(msg):
    print(f"bench: {msg}", file=sys.stderr, flush=True)


def rel(p):
    """Path relative to the repo root when inside it (for readable reports)."""
    p = os.path.abspath(p)
    return os.path.relpath(p, ROOT) if p.startswith(ROOT + os.sep) else p


def default_shared():
    if os.environ.get("PITH_SHARED"):
        return os.environ["PITH_SHARED"]
    try:
        top = subprocess.run(["git", "-C", ROOT, "rev-parse", "--show-toplevel"], capture_output=True,
                             text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        top = ROOT
    return os.path.join(os.path.dirname(top), "shared")


def page_id(path):
    return re.sub(r"\.(html?\.gz|html?)$", "", os.path.basename(path), flags=re.I)


def nproc():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


# ------------------------------------------------------------------ machine / versions
def machine_info():
    cpu = "?"
    mem = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                    break
    except OSError:
        pass
    osname = platform.system()
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    osname = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return {"nproc": nproc(), "cpu": cpu, "mem": mem, "os": osname, "kernel": platform.release()}


def cmd_output(cmd, timeout=20):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        return (p.stdout or p.stderr).strip().splitlines()[0] if p.returncode == 0 and (p.stdout or p.stderr).strip() else None
    except (OSError, subprocess.TimeoutExpired):
        return None


def git_rev():
    rev = cmd_output(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"])
    if not rev:
        return None
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    branch = cmd_output(["git", "-C", ROOT, "rev-parse", "--abbrev-ref", "HEAD"])
    return f"{rev}{' (uncommitted changes)' if dirty else ''}" + (f" on {branch}" if branch else "")


def find_trafilatura():
    """First Python that can import trafilatura, and its version, else (None, None)."""
    seen = set()
    for py in ("/usr/bin/python3", shutil.which("python3")):
        if not py or py in seen or not os.path.exists(py):
            continue
        seen.add(py)
        v = cmd_output([py, "-c", "import trafilatura; print(getattr(trafilatura, '__version__', '?'))"], 60)
        if v:
            return py, v
    return None, None


# ------------------------------------------------------------------ running
def parse_gnu_time(path):
    res = {}
    try:
        with open(path, errors="replace") as f:
            for line in f:
                line = line.strip()
                if line.startswith("Maximum resident set size (kbytes):"):
                    res["rss_kb"] = int(line.rsplit(":", 1)[1])
                elif line.startswith("User time (seconds):"):
                    res["user_s"] = float(line.rsplit(":", 1)[1])
                elif line.startswith("System time (seconds):"):
                    res["sys_s"] = float(line.rsplit(":", 1)[1])
                elif line.startswith("Exit status:"):
                    res["exit"] = int(line.rsplit(":", 1)[1])
                elif line.startswith("Command terminated by signal"):
                    res["signal"] = line.rsplit(" ", 1)[1]
    except OSError:
        pass
    return res


def timed_run(cmd, out, name, env=None):
    """Runs cmd under /usr/bin/time -v; returns wall seconds (perf_counter around the process),
    peak RSS, CPU seconds and exit status. stdout/stderr go to out/NAME.stdout / .stderr."""
    tfile = os.path.join(out, name + ".time")
    full = [GNU_TIME, "-v", "-o", tfile] + cmd
    loads, stop = [], threading.Event()

    def sample_load():  # the machine is shared: record how busy it was during the run
        while True:
            loads.append(os.getloadavg()[0])
            if stop.wait(2.0):
                return

    sampler = threading.Thread(target=sample_load, daemon=True)
    with open(os.path.join(out, name + ".stdout"), "wb") as so, \
         open(os.path.join(out, name + ".stderr"), "wb") as se:
        sampler.start()
        t0 = time.perf_counter()
        p = subprocess.run(full, stdout=so, stderr=se, env=env)
        wall = time.perf_counter() - t0
        stop.set()
        sampler.join()
    loads.append(os.getloadavg()[0])
    res = parse_gnu_time(tfile)
    res["wall_s"] = wall
    res["load_mean"] = statistics.fmean(loads)
    res["load_max"] = max(loads)
    res.setdefault("exit", p.returncode)
    return res


class Run:
    def __init__(self, key, label, input_desc, cmd, raw, pred, kind, repeat=1, stats=None, env=None):
        self.key, self.label, self.input_desc, self.cmd = key, label, input_desc, cmd
        self.raw, self.pred, self.kind, self.repeat, self.stats, self.env = raw, pred, kind, repeat, stats, env
        self.samples = []
        self.tool_stats = None
        self.score = None
        self.rows = self.errors = None
        self.note = None

    @property
    def ok(self):
        return self.samples and all(s.get("exit") == 0 and "signal" not in s for s in self.samples)

    def wall(self):
        return statistics.median(s["wall_s"] for s in self.samples) if self.samples else None

    def rss_mb(self):
        v = [s["rss_kb"] for s in self.samples if "rss_kb" in s]
        return max(v) / 1024 if v else None

    def cpu_s(self):
        v = [s.get("user_s", 0) + s.get("sys_s", 0) for s in self.samples if "user_s" in s]
        return statistics.median(v) if v else None


# ------------------------------------------------------------------ preparing a set
def prepare(src, out, limit, plain):
    """Lists the pages (sorted names, first `limit` if given). For a limited run, builds a
    subset set directory (pages, truth.jsonl, set.json) so score.py sees only those pages.
    Writes pre-decompressed copies to out/html when `plain`. Reading every page here also warms
    the page cache, so no tool pays for cold disk reads."""
    names = sorted(f for f in os.listdir(os.path.join(src, "pages")) if f.endswith(".html.gz"))
    if limit:
        names = names[:limit]
        sub = os.path.join(out, "set")
        shutil.rmtree(sub, ignore_errors=True)
        os.makedirs(os.path.join(sub, "pages"))
        for n in names:
            shutil.copyfile(os.path.join(src, "pages", n), os.path.join(sub, "pages", n))
        keep = {page_id(n) for n in names}
        with open(os.path.join(src, "truth.jsonl"), encoding="utf-8") as f, \
             open(os.path.join(sub, "truth.jsonl"), "w", encoding="utf-8") as g:
            for line in f:
                if line.strip() and str(json.loads(line)["id"]) in keep:
                    g.write(line)
        if os.path.exists(os.path.join(src, "set.json")):
            shutil.copyfile(os.path.join(src, "set.json"), os.path.join(sub, "set.json"))
        score_dir = sub
    else:
        score_dir = src
    pages_dir = os.path.join(score_dir, "pages")
    html_dir = os.path.join(out, "html")
    shutil.rmtree(html_dir, ignore_errors=True)
    if plain:
        os.makedirs(html_dir)
    bytes_html = bytes_gz = 0
    paths = []
    for n in names:
        p = os.path.join(pages_dir, n)
        paths.append(p)
        with open(p, "rb") as f:
            gz = f.read()
        html = gzip.decompress(gz)
        bytes_gz += len(gz)
        bytes_html += len(html)
        if plain:
            with open(os.path.join(html_dir, page_id(n) + ".html"), "wb") as f:
                f.write(html)
    with open(os.path.join(out, "pages.txt"), "w") as f:
        f.write("".join(p + "\n" for p in paths))
    metric = None
    if os.path.exists(os.path.join(src, "set.json")):
        with open(os.path.join(src, "set.json")) as f:
            metric = json.load(f).get("metric")
    return {"pages": len(names), "metric": metric, "bytes_html": bytes_html, "bytes_gz": bytes_gz, "score_dir": score_dir,
            "pages_dir": pages_dir, "html_dir": html_dir if plain else None,
            "list": os.path.join(out, "pages.txt"), "ids": [page_id(n) for n in names]}


def pith_to_pred(raw, pred):
    """pith's JSONL (`source`, `text`, `title`, `author`, `date`, ...) to score.py's format."""
    rows = errors = 0
    with open(raw, encoding="utf-8") as f, open(pred, "w", encoding="utf-8") as g:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            rows += 1
            if r.get("error"):
                errors += 1
            src = r.get("source") or r.get("path") or r.get("id") or ""
            g.write(json.dumps({"id": page_id(str(src)), "text": r.get("text") or "", "title": r.get("title"),
                                "author": r.get("author"), "date": r.get("date")}, ensure_ascii=False) + "\n")
    return rows, errors


def count_rows(pred):
    rows = errors = 0
    with open(pred, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows += 1
                errors += bool(json.loads(line).get("error"))
    return rows, errors


# ------------------------------------------------------------------ report
def f3(v):
    return "-" if v is None else f"{v:.3f}"


def fnum(v, nd=2):
    return "-" if v is None else f"{v:.{nd}f}"


def plural(n, word):
    return f"{n} {word}" + ("" if n == 1 else "s")


def speed(r, info):
    w = r.wall()
    if not w or not r.ok:
        return None, None
    return info["pages"] / w, info["bytes_html"] / 1e6 / w


def render(name, src, info, runs, a, mach, versions, started, load0, load1, skipped, python):
    ok = [r for r in runs if r.samples]
    scored = [r for r in ok if r.score]
    has_meta = any(r.score.get(k + "_acc") is not None or r.score.get(k + "_n") for r in scored
                   for k in ("title", "author", "date"))
    wordf1 = info["metric"] == "wordf1" or any(r.score.get("mode") == "wordf1" for r in scored)
    L = []
    title = f"{name}" + (f", first {info['pages']} pages (--quick)" if a.limit else "")
    L.append(f"# pith vs Readability.js: {title}, {started:%Y-%m-%d}")
    L.append("")
    L.append(f"- Run: {started:%Y-%m-%d %H:%M} UTC, `bash bench/run.sh {' '.join(shlex.quote(x) for x in a.argv)}`".rstrip())
    L.append(f"- Machine: {mach['nproc']} CPUs (nproc), {mach['cpu']}, {mach['mem']} RAM, {mach['os']}, "
             f"Linux {mach['kernel']}. Load average (1 min) {load0:.2f} before, {load1:.2f} after this set.")
    L.append(f"- Set: `{src}`: {info['pages']} pages, {info['bytes_html'] / 1e6:.1f} MB of HTML "
             f"({info['bytes_gz'] / 1e6:.1f} MB gzipped). Metric: "
             + ("mean per-page bag-of-words F1 (WCXB)" if wordf1 else
                "4-gram shingle F1 of the corpus mean precision and recall (Zyte benchmark)"
                if info["metric"] == "fulltext" else f"{info['metric'] or 'auto'}") + ", by `score.py`.")
    L.append("- Versions: " + "; ".join(f"{k} {v}" for k, v in versions.items()))
    if skipped:
        L.append("- Not run: " + "; ".join(skipped))
    L.append("")
    L.append("## Speed and quality")
    L.append("")
    hdr = ["tool", "input", "wall s", "pages/s", "MB/s", "peak RSS MB", "CPU s", "pages/CPU-s", "F1", "P", "R"]
    if has_meta:
        hdr += ["title", "author", "date"]
    L.append("| " + " | ".join(hdr) + " |")
    L.append("|" + "|".join(["---"] * 2 + ["---:"] * (len(hdr) - 2)) + "|")
    for r in runs:
        if not r.samples:
            continue
        pps, mbs = speed(r, info)
        w = r.wall()
        wall_s = fnum(w)
        if len(r.samples) > 1:
            ws = [s["wall_s"] for s in r.samples]
            wall_s += f" ({min(ws):.2f}-{max(ws):.2f})"
        if not r.ok:
            s0 = next(s for s in r.samples if s.get("exit") != 0 or "signal" in s)
            wall_s = f"FAILED (exit {s0.get('exit')}{', signal ' + s0['signal'] if 'signal' in s0 else ''})"
        sc = r.score or {}
        f1 = "-" if not sc else f"{sc['f1']:.3f} ±{sc.get('f1_std', 0):.3f}"
        cpu = r.cpu_s() if r.ok else None
        row = [r.label, r.input_desc, wall_s, fnum(pps, 1), fnum(mbs, 2), fnum(r.rss_mb(), 0), fnum(r.cpu_s()),
               fnum(info["pages"] / cpu, 1) if cpu else "-", f1, f3(sc.get("precision")), f3(sc.get("recall"))]
        if has_meta:
            row += [f3(sc.get("title_acc")), f3(sc.get("author_acc")), f3(sc.get("date_acc"))]
        L.append("| " + " | ".join(row) + " |")
    L.append("")
    notes = []
    byk = {r.key: r for r in runs}
    p1, rd = byk.get("pith-j1"), byk.get("readability")
    if p1 and rd and p1.ok and rd.ok:
        pp1 = speed(p1, info)[0]
        prd = speed(rd, info)[0]
        line = f"**pith (1 thread) / Readability.js pages/s: {pp1 / prd:.1f}x** (wall time of each whole process, same run)"
        if rd.tool_stats and rd.tool_stats.get("seconds"):
            loop = info["pages"] / rd.tool_stats["seconds"]
            line += (f"; {pp1 / loop:.1f}x against Readability.js's own in-loop time, which leaves out Node"
                     f" start-up and module loading")
        c1, crd = p1.cpu_s(), rd.cpu_s()
        if c1 and crd:
            line += (f"; {crd / c1:.1f}x by CPU time (user + system, all threads: less sensitive to other load on"
                     f" the machine)")
        notes.append(line + ".")
    elif not (p1 and p1.ok):
        notes.append("No pith(1 thread)/Readability.js ratio: pith did not run" + (" successfully" if p1 else "") + ".")
    for r in runs:
        st = r.tool_stats
        if st and st.get("seconds"):
            notes.append(f"{r.label} in-loop timing (read + gunzip + parse + extract + write, no start-up): "
                         f"{st['seconds']:.2f} s, {st['pages'] / st['seconds']:.2f} pages/s, "
                         f"{st['bytes'] / 1e6 / st['seconds']:.2f} MB/s; read+gunzip alone {st.get('seconds_read', 0):.2f} s"
                         + (f"; no article (parse() returned null) on {plural(st['null_results'], 'page')}"
                            if st.get("null_results") else "")
                         + (f"; it threw on {plural(st['errors'], 'page')} (see `error` in its output)"
                            if st.get("errors") else "") + ".")
        if r.rows is not None and r.rows != info["pages"]:
            notes.append(f"{r.label}: {r.rows} output rows for {info['pages']} pages (missing ones score as empty).")
        if r.errors and not st:
            notes.append(f"{r.label}: {plural(r.errors, 'page')} reported an error.")
        if r.note:
            notes.append(f"{r.label}: {r.note}")
    lr = [r for r in runs if r.samples and "load_mean" in r.samples[0]]
    if lr:
        notes.append("Load average (1 min) during each run, mean (max), on this " + str(mach["nproc"]) + "-CPU machine: "
                     + "; ".join(f"{r.label}{'' if r.input_desc == '.html.gz' or ', ' in r.label else ' ' + r.input_desc}: "
                                 f"{statistics.fmean(s['load_mean'] for s in r.samples):.1f} "
                                 f"({max(s['load_max'] for s in r.samples):.1f})" for r in lr)
                     + ". Each tool adds about 1 (pith -j N about N) itself; much more means other work"
                     " competed for the CPUs.")
    if notes:
        L += [f"- {n}" for n in notes]
        L.append("")
    L.append("Columns: wall s = elapsed time of the whole process (median of the runs, min-max in brackets, "
             "when repeated), pages/s and MB/s = pages and MB (10^6 bytes) of uncompressed HTML divided by wall s; "
             "peak RSS = GNU time's maximum resident set size; CPU s = user + system time of all threads "
             "(median); pages/CPU-s = pages / CPU s; "
             "F1/P/R by score.py (± = bootstrap standard deviation)"
             + ("; title/author/date = exact-match accuracy over pages whose truth has the field" if has_meta else "")
             + ". Readability.js `text` is `article.textContent`.")
    L.append("")
    if wordf1:
        types = sorted({t for r in scored for t in (r.score.get("f1_by_type") or {})})
        if types:
            L.append("## F1 by page type")
            L.append("")
            L.append("| type | pages | " + " | ".join(r.label for r in scored) + " |")
            L.append("|---|---:|" + "---:|" * len(scored))
            for t in types:
                n = scored[0].score.get("pages_by_type", {}).get(t, "")
                L.append(f"| {t} | {n} | " + " | ".join(f3(r.score["f1_by_type"].get(t)) for r in scored) + " |")
            L.append("")
        L.append("| snippets | " + " | ".join(r.label for r in scored) + " |")
        L.append("|---|" + "---:|" * len(scored))
        L.append("| with-rate (higher is better) | " + " | ".join(f3(r.score.get("with_rate")) for r in scored) + " |")
        L.append("| without-rate (lower is better) | " + " | ".join(f3(r.score.get("without_rate")) for r in scored) + " |")
        L.append("")
    if has_meta:
        L.append("Metadata truth counts: " + ", ".join(
            f"{k} {scored[0].score.get(k + '_n', 0)}" for k in ("title", "author", "date")) + " pages; pages where each tool gave a value: "
            + "; ".join(r.label + ": " + "/".join(str(r.score.get(k + "_given", 0)) for k in ("title", "author", "date"))
                        for r in scored) + " (title/author/date).")
        L.append("")
    L.append("## Commands")
    L.append("")
    L.append(f"Each command ran under `{GNU_TIME} -v -o bench/out/.../NAME.time` (from the repo root); outputs are in "
             f"`{rel(os.path.dirname(info['list']))}/`.")
    L.append("")
    L.append("```")
    for r in runs:
        if r.samples:
            L.append(f"# {r.label}" + (f" (x{len(r.samples)})" if len(r.samples) > 1 else ""))
            L.append(shlex.join(rel(x) if os.path.isabs(x) and x.startswith(ROOT) else x for x in r.cmd))
    preds = [rel(r.pred) for r in scored]
    if preds:
        L.append("# scoring")
        L.append(shlex.join([python, rel(os.path.join(a.shared, "bench", "score.py")), rel(info["score_dir"])] + preds + ["--json"]))
    L.append("```")
    L.append("")
    L.append("Caveats: one run on a shared, noisy machine; compare tools within the same run (the ratio), not "
             "across runs. pith and Readability.js read the same .html.gz files, warm in the page cache. "
             "The baselines get each page's URL from truth.jsonl, pith (a folder input) none. "
             "See bench/README.md.")
    return "\n".join(L) + "\n"


# ------------------------------------------------------------------ main
def run_set(name, a, mach):
    src = os.path.join(a.shared, "bench", name)
    if not os.path.isfile(os.path.join(src, "truth.jsonl")):
        log(f"set {name}: {src}/truth.jsonl not found, skipping (set PITH_SHARED or --shared)")
        return None
    tag = name + (f"-first{a.limit}" if a.limit else "")
    out = os.path.join(a.out, tag)
    os.makedirs(out, exist_ok=True)
    started = datetime.datetime.now(datetime.timezone.utc)
    load0 = os.getloadavg()[0]
    log(f"set {name}: preparing {out}")
    info = prepare(src, out, a.limit, a.plain and not a.no_pith)
    log(f"set {name}: {info['pages']} pages, {info['bytes_html'] / 1e6:.1f} MB HTML")

    runs, skipped = [], []
    versions = {}
    jn = a.jobs
    if not a.no_pith:
        versions["pith"] = (cmd_output([a.pith, "--version"]) or "?") + f", repo {git_rev() or '?'}"
        def pith_run(key, label, inp, desc, j):
            raw = os.path.join(out, key + ".raw.jsonl")
            cmd = [a.pith, "extract", inp, "--format", "jsonl", "-o", raw, "-j", str(j)]
            return Run(key, label, desc, cmd, raw, os.path.join(out, key + ".jsonl"), "pith", a.repeat)
        runs.append(pith_run("pith-j1", "pith -j 1", info["pages_dir"], ".html.gz", 1))
        if jn != 1:
            runs.append(pith_run(f"pith-j{jn}", f"pith -j {jn}", info["pages_dir"], ".html.gz", jn))
        if info["html_dir"]:
            runs.append(pith_run("pith-j1-html", "pith -j 1, .html", info["html_dir"], ".html (pre-decompressed)", 1))
    else:
        skipped.append("pith (--no-pith)")
    if not a.no_readability:
        rd = os.path.join(BENCH, "readability")
        pred = os.path.join(out, "readability.jsonl")
        cmd = ["node", os.path.join(rd, "extract.js"), "--list", info["list"], "--truth",
               os.path.join(info["score_dir"], "truth.jsonl"), "-o", pred, "--stats", os.path.join(out, "readability.stats.json")]
        runs.append(Run("readability", "Readability.js", ".html.gz", cmd, None, pred, "stats",
                        stats=os.path.join(out, "readability.stats.json")))
        versions["node"] = cmd_output(["node", "--version"]) or "?"
    else:
        skipped.append("Readability.js (--no-readability)")
    if not a.no_trafilatura:
        py, tv = find_trafilatura()
        if py:
            pred = os.path.join(out, "trafilatura.jsonl")
            cmd = [py, os.path.join(BENCH, "trafilatura", "extract.py"), "--list", info["list"], "--truth",
                   os.path.join(info["score_dir"], "truth.jsonl"), "-o", pred, "--stats", os.path.join(out, "trafilatura.stats.json")]
            runs.append(Run("trafilatura", "trafilatura", ".html.gz", cmd, None, pred, "stats",
                            stats=os.path.join(out, "trafilatura.stats.json")))
            versions["trafilatura"] = f"{tv} ({py})"
        else:
            skipped.append("trafilatura (not importable by /usr/bin/python3 or python3)")
            log("trafilatura: not installed for /usr/bin/python3 or python3, skipping")
    else:
        skipped.append("trafilatura (--no-trafilatura)")

    for r in runs:
        for stale in (r.raw, r.pred, r.stats, r.pred + ".meta.json"):  # from an earlier run
            if stale and os.path.exists(stale):
                os.remove(stale)
        for i in range(r.repeat):
            log(f"set {name}: {r.label} on {r.input_desc}" + (f" (run {i + 1}/{r.repeat})" if r.repeat > 1 else ""))
            s = timed_run(r.cmd, out, r.key + (f".{i + 1}" if r.repeat > 1 else ""), env=r.env)
            r.samples.append(s)
            log(f"  wall {s['wall_s']:.2f} s, peak RSS {s.get('rss_kb', 0) / 1024:.0f} MB, exit {s.get('exit')}")
            if s.get("exit") != 0 or "signal" in s:
                log(f"  FAILED: see {out}/{r.key}*.stderr")
                break
        if r.kind == "pith" and os.path.exists(r.raw) and r.ok:
            r.rows, r.errors = pith_to_pred(r.raw, r.pred)
        elif r.kind == "stats" and os.path.exists(r.pred):
            r.rows, r.errors = count_rows(r.pred)
            try:
                with open(r.stats) as f:
                    r.tool_stats = json.load(f)
            except (OSError, ValueError):
                r.note = "no stats file"
            if r.tool_stats:
                for k in ("version", "jsdom"):
                    if r.tool_stats.get(k):
                        label = {"version": r.label, "jsdom": "jsdom"}[k]
                        versions[label] = r.tool_stats[k]
        if r.rows is not None:
            meta = {"tool": r.label,
                    "seconds": r.wall(), "pages_per_s": speed(r, info)[0], "errors": r.errors}
            with open(r.pred + ".meta.json", "w") as f:
                json.dump(meta, f)
    load1 = os.getloadavg()[0]

    scored = [r for r in runs if r.rows is not None and os.path.exists(r.pred)]
    if scored:
        log(f"set {name}: scoring {len(scored)} outputs")
        cmd = [a.python, os.path.join(a.shared, "bench", "score.py"), info["score_dir"]] + [r.pred for r in scored] + ["--json"]
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0:
            log(f"score.py failed: {p.stderr.strip()}")
        else:
            with open(os.path.join(out, "scores.json"), "w") as f:
                f.write(p.stdout)
            for r, res in zip(scored, json.loads(p.stdout)["results"]):
                r.score = res

    md = render(name, src, info, runs, a, mach, versions, started, load0, load1, skipped, a.python)
    with open(os.path.join(out, "report.md"), "w") as f:
        f.write(md)
    summary = {"set": name, "pages": info["pages"], "bytes_html": info["bytes_html"], "bytes_gz": info["bytes_gz"],
               "date": started.isoformat(), "machine": mach, "versions": versions,
               "runs": [{"key": r.key, "label": r.label, "input": r.input_desc, "cmd": r.cmd, "samples": r.samples,
                         "wall_s": r.wall(), "pages_per_s": speed(r, info)[0], "mb_per_s": speed(r, info)[1],
                         "rss_mb": r.rss_mb(), "cpu_s": r.cpu_s(), "tool_stats": r.tool_stats,
                         "score": {k: v for k, v in (r.score or {}).items() if k != "worst"}} for r in runs]}
    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)
    dest = os.path.join(out, "report.md")
    if not a.limit and not a.no_results:
        os.makedirs(a.results, exist_ok=True)
        dest = os.path.join(a.results, f"{started:%Y-%m-%d}-{name}.md")
        with open(dest, "w") as f:
            f.write(md)
    print(md)
    log(f"set {name}: report written to {rel(dest)}")
    return dest


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", action="append", choices=ALL_SETS, help="set to run (repeatable; default: all)")
    ap.add_argument("--quick", action="store_true", help=f"only the first {QUICK_PAGES} pages of each set (by file name)")
    ap.add_argument("--pages", type=int, metavar="N", help="only the first N pages of each set (implies --quick)")
    ap.add_argument("--repeat", type=int, default=3, metavar="N",
                    help="runs of each pith command; the report gives the median (default 3). Readability.js and trafilatura run once")
    ap.add_argument("--jobs", type=int, default=nproc(), metavar="N", help="threads of the parallel pith run (default: nproc)")
    ap.add_argument("--pith", default=os.environ.get("PITH_BIN") or os.path.join(ROOT, "build", "pith"),
                    help="pith binary (default: $PITH_BIN or build/pith)")
    ap.add_argument("--no-pith", action="store_true", help="skip pith (e.g. before it is built)")
    ap.add_argument("--no-readability", action="store_true")
    ap.add_argument("--no-trafilatura", action="store_true")
    ap.add_argument("--no-plain", dest="plain", action="store_false",
                    help="skip the pith run on pre-decompressed .html copies")
    ap.add_argument("--no-results", action="store_true", help="do not write bench/results/ (report stays in bench/out/)")
    ap.add_argument("--shared", default=default_shared(), help="shared folder holding bench/ (default: $PITH_SHARED or <repo>/../shared)")
    ap.add_argument("--out", default=os.path.join(BENCH, "out"))
    ap.add_argument("--results", default=os.path.join(BENCH, "results"))
    ap.add_argument("--python", default=sys.executable, help="Python for score.py (default: this one)")
    a = ap.parse_args()
    a.argv = sys.argv[1:]
    a.limit = a.pages or (QUICK_PAGES if a.quick else None)
    a.repeat = max(1, a.repeat)
    a.pith = os.path.abspath(a.pith)

    if not os.path.isfile(os.path.join(a.shared, "bench", "score.py")):
        log(f"{a.shared}/bench/score.py not found: no benchmark sets here, skipping (set PITH_SHARED)")
        return 0
    if not os.access(GNU_TIME, os.X_OK):
        log(f"{GNU_TIME} not found (Debian package `time`): needed for peak RSS")
        return 1
    if not a.no_pith and not os.access(a.pith, os.X_OK):
        log(f"pith binary {a.pith} not found: run `make build` first, or pass --no-pith")
        return 1
    mach = machine_info()
    for name in a.set or ALL_SETS:
        run_set(name, a, mach)
    return 0


if __name__ == "__main__":
    sys.exit(main())
