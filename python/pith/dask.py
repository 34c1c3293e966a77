"""pith on a Dask cluster: `pith run` and `pith dedup` as Dask tasks (docs/cluster.md).

    import pith.dask
    stats = pith.dask.run("crawl/", "corpus/", recipe="fineweb", scheduler="tcp://10.0.0.1:8786")
    print(stats["dedup"]["kept"], stats["run"]["written"])

or, from a shell:  python3 -m pith.dask run crawl/ -o corpus/ --scheduler tcp://10.0.0.1:8786
(`pith-dask run ...` once installed). Without a scheduler it starts a local cluster.

The job, each step a set of tasks that the workers run with pith's engine (the GIL released):
  1. run: one task per input file writes that file's part, .hashes and .done into RUN_DIR,
     as `pith run` does (pith.run(parts_only=True)); then one task, `pith run` over every
     input, reuses all the parts and writes RUN_DIR/stats.json and the rejects file;
  2. dedup (dedup=True): pith dedup's stages over RUN_DIR into OUTPUT: signatures per part,
     buckets per band, clusters, filter per part, finish.
Every task's files are written atomically with a done marker, so a task run twice (a worker
killed and its task rescheduled) leaves the same bytes. Inputs and outputs must be at the same
paths on the client and every worker (a shared file system), and every machine needs the same
pith, Python and Dask.

What is identical to `pith run` + `pith dedup` on one machine: OUTPUT's parts, byte for byte.
What differs: a run task dedups exactly within its own file, so RUN_DIR's parts keep the copies
of a document that `pith run` drops as dedup/duplicate in a later file; `pith dedup` then removes
them as dedup/exact_duplicate (corpus-wide, first in its order wins), so the counts in the two
stats.json files and the rejects name another stage for those copies.
"""

import argparse
import logging
import os
import shutil
import sys
import threading
import time

import pith

_EVENT_TOPIC = "pith-progress"
_EVENT_INTERVAL = 0.5  # seconds between a task's progress events
_MESSAGES_KEPT = 20  # messages per task sent back (the rest are counted), as the CLI caps them
_RUN_ONLY_OPTIONS = ("recipe", "format", "restart", "rejects", "languages", "lang_threshold", "lang_model",
                     "badwords", "clean", "pii", "favor", "text_format", "comments", "input_field", "input_type",
                     "max_record_bytes", "max_inflight_mb")


# --- On the workers ---------------------------------------------------------------------------

class _TaskReport:
    """Progress of one task to the client (as Dask events) and its first messages."""

    def __init__(self, job, key):
        self.job, self.key = job, key
        self.last = 0.0
        self.messages, self.message_count = [], 0
        try:
            from distributed import get_worker
            self.worker = get_worker()
        except (ImportError, ValueError):  # run outside a worker (a local call): no events
            self.worker = None

    def progress(self, p):
        now = time.monotonic()
        if self.worker is None or now - self.last < _EVENT_INTERVAL:
            return
        self.last = now
        self.worker.log_event(_EVENT_TOPIC, {"job": self.job, "key": self.key, "bytes": p["bytes_raw_done"],
                                             "records": p["records"]})

    def message(self, file, offset, what):
        self.message_count += 1
        if len(self.messages) < _MESSAGES_KEPT:
            self.messages.append(f"{file}:{offset}: {what}" if offset else f"{file}: {what}")


def _run_part(job, file, run_dir, options):
    """One input's part, .hashes and .done: `pith run` on that file alone."""
    report = _TaskReport(job, file["part"])
    stats = pith.run([file], run_dir, parts_only=True, progress=report.progress, on_message=report.message,
                     **options)
    return {"records": stats["records"], "written": stats["written"], "bytes": file["size"],
            "messages": report.messages, "message_count": report.message_count}


def _finish_run(files, run_dir, options):
    """`pith run` over every input: reuses every part, writes stats.json and the rejects file."""
    report = _TaskReport(None, None)
    stats = pith.run(files, run_dir, on_message=report.message, **dict(options, restart=False, jobs=1))
    stats["messages"], stats["message_count"] = report.messages, report.message_count
    return stats


def _dedup_plan(run_dir, output, options):
    return pith.dedup_plan([run_dir], output, **options)


def _dedup_stage(output, stage, index):
    return pith.dedup_stage(output, stage, index)


# --- On the client ----------------------------------------------------------------------------

def _size(n):
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if n < 1000 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000


def _clock(seconds):
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class _Progress:
    """One line per stage on stderr: redrawn in place on a terminal (10 times a second at most),
    else printed every `interval` seconds and when the stage ends. `show` False: silent; a
    callable gets a dict (see run's progress) whenever it changed, 10 times a second at most."""

    def __init__(self, show, stream=None, interval=10.0):
        self.stream = stream or sys.stderr
        self.callback = show if callable(show) else None
        self.tty = show is not False and self.callback is None and self.stream.isatty()
        self.lines = show is not False and self.callback is None and not self.tty
        self.interval = 0.1 if self.tty or self.callback else interval
        self.last_state = None
        self.lock = threading.Lock()
        self.stage = None
        self.stop = threading.Event()
        self.thread = None

    def begin(self, stage, tasks, sizes=None):
        with self.lock:
            self.stage, self.tasks_total, self.tasks_done = stage, tasks, 0
            self.sizes = sizes or {}
            self.bytes_total = sum(self.sizes.values())
            self.partial = {}  # key -> bytes read by a task still running
            self.records = {}  # key -> records read by a task, running or done
            self.done = set()
            self.bytes_finished = 0
            self.started = time.monotonic()
        self.stop.clear()
        self.thread = threading.Thread(target=self._tick, daemon=True)
        self.thread.start()

    def event(self, event):
        """Dask's event handler: (timestamp, msg) from a worker's task."""
        msg = event[1]
        with self.lock:
            key = msg.get("key")
            if self.stage is not None and key in self.sizes and key not in self.done:
                self.partial[key] = msg["bytes"]
                self.records[key] = msg["records"]

    def task_done(self, key=None, records=0):
        with self.lock:
            self.tasks_done += 1
            if key is not None:
                self.done.add(key)
                self.partial.pop(key, None)
                self.records[key] = records
                self.bytes_finished += self.sizes.get(key, 0)

    def end(self):
        self.close()
        self._draw(final=True)

    def close(self):
        """Stops the redraws (a failed job ends without a last line)."""
        self.stop.set()
        if self.thread:
            self.thread.join()
            self.thread = None

    def _tick(self):
        while not self.stop.wait(self.interval):
            self._draw()

    def _state(self):
        with self.lock:
            return {"stage": self.stage, "tasks_done": self.tasks_done, "tasks_total": self.tasks_total,
                    "bytes_done": self.bytes_finished + sum(self.partial.values()), "bytes_total": self.bytes_total,
                    "bytes_running": sum(self.partial.values()), "records": sum(self.records.values())}

    def _draw(self, final=False):
        s = self._state()
        if self.callback:
            if s != self.last_state or final:
                self.last_state = s
                self.callback(s)
            return
        if not (self.tty or self.lines):
            return
        elapsed = time.monotonic() - self.started
        if s["bytes_total"]:
            frac = min(1.0, s["bytes_done"] / s["bytes_total"])
            rate = s["bytes_done"] / elapsed if elapsed > 0 else 0
            detail = (f"{s['tasks_done']}/{s['tasks_total']} files  {_size(s['bytes_done'])} / "
                      f"{_size(s['bytes_total'])}  {s['records']:,} records  {_size(rate)}/s")
        else:
            frac = s["tasks_done"] / s["tasks_total"] if s["tasks_total"] else 1.0
            detail = f"{s['tasks_done']}/{s['tasks_total']} tasks"
        eta = f"  eta {_clock(elapsed * (1 - frac) / frac)}" if 0 < frac < 1 else ""
        if self.tty:
            width = 24
            bar = "#" * int(frac * width) + "." * (width - int(frac * width))
            line = f"\r{s['stage']:<10} [{bar}] {frac * 100:5.1f}%  {detail}  {_clock(elapsed)}{eta}"
            columns = shutil.get_terminal_size((100, 20)).columns
            self.stream.write(line[:columns] + "\x1b[K" + ("\n" if final else ""))
        else:
            self.stream.write(f"pith-dask: {s['stage']}: {frac * 100:.1f}%  {detail}  {_clock(elapsed)}{eta}\n")
        self.stream.flush()


def _pith_version():
    return pith.__version__


def _connect(scheduler, workers, threads):
    """A client of the scheduler at `scheduler`, or of a local cluster started here."""
    from distributed import Client, LocalCluster
    if scheduler:
        client = Client(scheduler, timeout="60s")
        try:
            if workers:
                client.wait_for_workers(workers, timeout=600)
            # The same Python, Dask and pith everywhere (docs/cluster.md): a worker with another
            # pith would write parts that the finishing run refuses as written with other settings.
            client.get_versions(check=True)
            versions = client.run(_pith_version)
            other = {w: v for w, v in versions.items() if v != pith.__version__}
            if other:
                raise RuntimeError(f"workers run another pith than this client's {pith.__version__}: " +
                                   ", ".join(f"{w} has {v}" for w, v in sorted(other.items())))
        except BaseException:
            client.close()
            raise
        return client, None
    cores = os.cpu_count() or 1
    workers = workers or 1
    # No dashboard, and the scheduler's HTTP server on a free port: never a clash with a cluster
    # already on this machine.
    cluster = LocalCluster(n_workers=workers, threads_per_worker=threads or max(1, cores // workers),
                           processes=True, dashboard_address=":0", scheduler_kwargs={"dashboard": False},
                           silence_logs=logging.ERROR)
    return Client(cluster), cluster


def _gather(client, futures, progress, on_result=None):
    """Waits for every future; the first task that fails cancels the rest and raises its error."""
    from distributed import as_completed
    for future in as_completed(futures):
        if future.status == "error":
            client.cancel(futures)
            future.result()  # raises the task's exception (a PithError subclass, KilledWorker, ...)
        result = future.result()
        if on_result:
            on_result(future, result)
        else:
            progress.task_done()
        future.release()


def run(inputs, output, *, recipe="fineweb", scheduler=None, dedup=True, workers=None, threads=None, jobs=1,
        run_output=None, dedup_options=None, progress=None, **run_options):
    """Builds a corpus on a Dask cluster: `pith run` (one task per input file), then `pith dedup`.

    inputs: WARC/WET/ARC/JSONL files, folders or globs (as pith.run), seen at the same paths by
    the client and every worker. output: the corpus folder: pith dedup's output with dedup=True,
    else pith run's. run_output: where the run's parts go with dedup=True (default: OUTPUT.run,
    beside output).
    scheduler: a Dask scheduler's address ("tcp://host:8786"); None starts a local cluster of
    `workers` processes (default 1) with `threads` threads each (default: the cores shared out).
    With a scheduler, `workers` waits until that many workers are connected.
    jobs: pith's threads inside one task (default 1: the cluster's threads are the parallelism).
    dedup: run pith dedup's stages after the run; dedup_options: pith.dedup's options (bands,
    rows, ...). progress: None shows a bar on a terminal and a line every 10 seconds otherwise,
    False nothing, a callable gets a dict per update (stage, tasks_done, tasks_total, bytes_done,
    bytes_total, bytes_running: read by tasks still running, records).
    run_options: pith.run's options (recipe, format, rejects, languages, ...; not shard, which
    is for runs outside Dask, nor dedup, which is pith.run's exact dedup: always on here).

    Returns {"run": RUN_DIR's stats.json as a dict, "dedup": pith dedup's stats (with dedup),
    "output", "run_output", "seconds": wall time per stage, "messages": the first messages of
    the tasks}. Raises the first task's error (a PithError subclass, or distributed's
    KilledWorker when workers keep dying on one task).
    """
    bad = sorted(set(run_options) - set(_RUN_ONLY_OPTIONS))
    if bad:
        raise TypeError(f"pith.dask.run got options it does not take: {', '.join(bad)} (shard is for runs outside "
                        "Dask; the run's exact dedup is always on, dedup= adds pith dedup)")
    output = os.path.abspath(os.fspath(output))
    run_dir = os.path.abspath(os.fspath(run_output)) if run_output else (output.rstrip("/") + ".run" if dedup
                                                                          else output)
    options = dict(run_options, recipe=recipe, jobs=jobs)
    if options.get("rejects"):
        options["rejects"] = os.path.abspath(os.fspath(options["rejects"]))
    files, not_listed = pith.list_inputs(inputs, exclude=[run_dir, output])
    if not files:
        why = "; ".join(f"{e['path']}: {e['what']}" for e in not_listed)
        raise pith.IoError("no input files (give WARC, WET, ARC or JSONL files, folders, globs)" +
                           (f"; {why}" if why else ""))
    # Absolute paths: the workers may run in another folder.
    files = [dict(f, path=os.path.abspath(f["path"]), root=os.path.abspath(f["root"])) for f in files]
    os.makedirs(run_dir, exist_ok=True)

    shown = _Progress(progress)
    client, cluster = _connect(scheduler, workers, threads)
    job = f"{os.getpid()}-{time.time_ns()}"
    seconds, messages = {}, [f"{e['path']}: {e['what']}" for e in not_listed]
    result = {"output": output, "run_output": run_dir, "seconds": seconds, "messages": messages}
    try:
        client.subscribe_topic(_EVENT_TOPIC, lambda e: e[1].get("job") == job and shown.event(e))

        started = time.monotonic()
        shown.begin("run", len(files), {f["part"]: f["size"] for f in files})
        futures = [client.submit(_run_part, job, f, run_dir, options, key=f"pith-run-{job}-{i}", pure=False)
                   for i, f in enumerate(files)]
        by_future = {fut.key: f["part"] for fut, f in zip(futures, files)}

        def part_done(future, r):
            shown.task_done(by_future[future.key], r["records"])
            messages.extend(r["messages"])

        _gather(client, futures, shown, part_done)
        del futures
        finish = client.submit(_finish_run, files, run_dir, options, key=f"pith-run-finish-{job}", pure=False)
        result["run"] = finish.result()
        messages.extend(result["run"].pop("messages"))
        result["run"].pop("message_count")
        shown.end()
        seconds["run"] = time.monotonic() - started

        if dedup:
            opts = dict(dedup_options or {})
            if options.get("rejects") and "rejects" not in opts:
                opts["rejects"] = os.path.join(output, "rejects.jsonl.gz")
            started = time.monotonic()
            plan = client.submit(_dedup_plan, run_dir, output, opts, key=f"pith-dedup-plan-{job}",
                                 pure=False).result()
            seconds["dedup_plan"] = time.monotonic() - started
            stages = (("signatures", plan["parts"]), ("buckets", plan["bands"]), ("clusters", 1),
                      ("filter", plan["parts"]), ("finish", 1))
            for stage, count in stages:
                started = time.monotonic()
                shown.begin(f"dedup {stage}", count)
                futures = [client.submit(_dedup_stage, output, stage, i, key=f"pith-dedup-{stage}-{job}-{i}",
                                         pure=False) for i in range(count)]
                last = {}
                _gather(client, futures, shown, lambda f, r: (shown.task_done(), last.update(result=r)))
                del futures
                shown.end()
                seconds[f"dedup_{stage}"] = time.monotonic() - started
            result["dedup"] = last["result"]
        return result
    finally:
        shown.close()
        client.unsubscribe_topic(_EVENT_TOPIC)
        client.close()
        if cluster is not None:
            cluster.close()


# --- Command line -----------------------------------------------------------------------------

def _parser():
    p = argparse.ArgumentParser(prog="pith-dask", description="pith run and pith dedup on a Dask cluster "
                                "(docs/cluster.md)")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="build a corpus: pith run (one task per input file), then pith dedup")
    r.add_argument("inputs", nargs="+", help="WARC/WET/ARC/JSONL files, folders or quoted globs, at the same paths "
                   "on every worker")
    r.add_argument("-o", "--output", required=True, help="corpus folder (pith dedup's output; pith run's with "
                   "--no-dedup)")
    r.add_argument("--run-output", help="pith run's folder with dedup (default: OUTPUT.run)")
    r.add_argument("--scheduler", help="Dask scheduler address, tcp://host:8786 (default: a local cluster)")
    r.add_argument("--workers", type=int, help="local cluster: worker processes (default 1); with --scheduler: wait "
                   "for this many workers")
    r.add_argument("--threads", type=int, help="local cluster: threads per worker (default: the cores shared out)")
    r.add_argument("-j", "--jobs", type=int, default=1, help="pith's threads inside one task (default 1)")
    r.add_argument("--recipe", default="fineweb", choices=["none", "gopher", "c4", "fineweb"])
    r.add_argument("--format", default="jsonl.gz", choices=["jsonl", "jsonl.gz", "jsonl.zst"])
    r.add_argument("--restart", action="store_true", help="redo every part of the run")
    r.add_argument("--rejects", help="pith run's rejected documents (.jsonl[.gz|.zst]); with dedup, pith dedup's "
                   "go to OUTPUT/rejects.jsonl.gz")
    r.add_argument("--input-field", "--field", dest="input_field", default="text")
    r.add_argument("--input-type", default="auto", choices=["auto", "html", "text"])
    r.add_argument("--lang", help="languages to keep, comma-separated, or all")
    r.add_argument("--lang-threshold", type=float)
    r.add_argument("--lang-model")
    r.add_argument("--badwords")
    r.add_argument("--no-clean", action="store_true")
    r.add_argument("--no-pii", action="store_true")
    r.add_argument("--favor", default="balanced", choices=["precision", "balanced", "recall"])
    r.add_argument("--text-format", default="text", choices=["text", "markdown"])
    r.add_argument("--comments", action="store_true")
    r.add_argument("--no-dedup", action="store_true", help="stop after pith run")
    r.add_argument("--dedup-option", action="append", default=[], metavar="NAME=VALUE",
                   help="an option of pith.dedup (e.g. bands=20, verify=true); repeatable")
    r.add_argument("-q", "--quiet", action="store_true", help="no progress")
    return p


def _value(text):
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def main(argv=None):
    args = _parser().parse_args(argv)
    options = {"format": args.format, "restart": args.restart, "input_field": args.input_field,
               "input_type": args.input_type, "clean": not args.no_clean, "pii": not args.no_pii,
               "favor": args.favor, "text_format": args.text_format, "comments": args.comments}
    for name in ("rejects", "lang_threshold", "lang_model", "badwords"):
        if getattr(args, name) is not None:
            options[name] = getattr(args, name)
    if args.lang:
        options["languages"] = [] if args.lang == "all" else args.lang.split(",")
    dedup_options = {}
    for item in args.dedup_option:
        name, eq, value = item.partition("=")
        if not eq:
            print(f"pith-dask: --dedup-option {item}: give NAME=VALUE", file=sys.stderr)
            return 2
        dedup_options[name.replace("-", "_")] = _value(value)
    try:
        r = run(args.inputs, args.output, recipe=args.recipe, scheduler=args.scheduler, dedup=not args.no_dedup,
                workers=args.workers, threads=args.threads, jobs=args.jobs, run_output=args.run_output,
                dedup_options=dedup_options, progress=False if args.quiet else None, **options)
    except (pith.PithError, TypeError, ValueError, OSError) as e:
        print(f"pith-dask: {e}", file=sys.stderr)
        return 2
    except Exception as e:  # a task's failure on the cluster (KilledWorker, a lost scheduler, ...)
        print(f"pith-dask: {type(e).__name__}: {e}", file=sys.stderr)
        return 2
    for m in r["messages"][:_MESSAGES_KEPT]:
        print(f"pith: {m}", file=sys.stderr)
    if len(r["messages"]) > _MESSAGES_KEPT:
        print(f"pith: ... and {len(r['messages']) - _MESSAGES_KEPT} more messages", file=sys.stderr)
    if not args.quiet:
        s = r["run"]
        print(f"pith-dask: run: {s['files']} files, {s['records']:,} records, {s['written']:,} written -> "
              f"{r['run_output']}", file=sys.stderr)
        if "dedup" in r:
            d = r["dedup"]
            print(f"pith-dask: dedup: {d.get('documents', 0):,} documents, {d.get('kept', 0):,} kept -> {r['output']}",
                  file=sys.stderr)
        print("pith-dask: seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in r["seconds"].items()), file=sys.stderr)
    return 1 if r["messages"] else 0


if __name__ == "__main__":
    from pith.dask import main as _main  # the package's module, so that tasks pickle by reference

    sys.exit(_main())
