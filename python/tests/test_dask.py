"""pith.dask on a real Dask cluster: a `dask scheduler` and two `dask worker` processes started
here on 127.0.0.1 (free ports; stopped at the end, whatever happens; every wait bounded).

The output of pith.dask.run is compared byte for byte with `pith run` + `pith dedup` on one
machine; a worker is killed with SIGKILL in the middle of a task and the job must still finish
with the same bytes.
"""
import gzip
import os
import pathlib
import pty
import random
import select
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest

import pith
from conftest import make_warc

distributed = pytest.importorskip("distributed", reason="python3-distributed is not installed (make setup)")
if shutil.which("dask") is None:
    pytest.skip("no `dask` command on PATH (python3-distributed, make setup)", allow_module_level=True)
import pith.dask  # noqa: E402 (needs distributed)

START_TIMEOUT = 60  # seconds for the scheduler and the workers to come up
JOB_TIMEOUT = 180  # seconds for one pith.dask.run
PYTHONPATH = str(pathlib.Path(pith.__file__).resolve().parents[1])

WORDS = ("the council library budget river school market winter harbour museum station garden bridge "
         "village farmer teacher doctor lawyer report meeting season festival railway factory forest "
         "island mountain valley weather election committee hospital street morning evening history "
         "science music theatre painting journey harvest kitchen window letter story answer question").split()


def article(rng, n_paragraphs=4):
    paragraphs = []
    for _ in range(n_paragraphs):
        sentences = []
        for _ in range(rng.randint(3, 5)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(9, 16))]
            sentences.append(" ".join(words).capitalize() + ".")
        paragraphs.append(" ".join(sentences))
    return paragraphs


def page(title, paragraphs):
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav><article>"
            f"<h1>{title}</h1>{body}</article><footer>Copyright 2024</footer></body></html>").encode()


def make_corpus(folder, files=4, pages=40, seed=7):
    """WARCs of distinct articles, with copies planted across files: exact copies of earlier
    pages and near-copies (a few words changed), so that both dedup kinds have work."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    seen = []
    for f in range(files):
        items = []
        for i in range(pages):
            url = f"https://example.com/{f}/{i}"
            if seen and i % 10 == 3:  # an exact copy of an earlier page
                items.append((url, page(*rng.choice(seen))))
                continue
            if seen and i % 10 == 7:  # a near-copy: one word in 40 changed
                title, paragraphs = rng.choice(seen)
                words = " ".join(paragraphs).split(" ")
                for k in range(0, len(words), 40):
                    words[k] = rng.choice(WORDS)
                items.append((url, page(title + " (updated)", [" ".join(words)])))
                continue
            title = f"Story {f}-{i}"
            paragraphs = article(rng)
            seen.append((title, paragraphs))
            items.append((url, page(title, paragraphs)))
        make_warc(folder / f"crawl-{f:02d}.warc.gz", items)
    return folder


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """A dask scheduler and workers as separate processes; stop() ends them all."""

    def __init__(self, tmp, workers=2):
        self.tmp = pathlib.Path(tmp)
        self.tmp.mkdir(parents=True, exist_ok=True)
        self.procs = []
        self.workers = []
        self.env = dict(os.environ, PYTHONPATH=PYTHONPATH + os.pathsep + os.environ.get("PYTHONPATH", ""))
        port = free_port()
        self.address = f"tcp://127.0.0.1:{port}"
        self._start(["dask", "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard",
                     "--no-show"], "scheduler")
        for i in range(workers):
            self.add_worker()
        with distributed.Client(self.address, timeout=f"{START_TIMEOUT}s") as client:
            client.wait_for_workers(workers, timeout=START_TIMEOUT)

    def _start(self, cmd, name):
        log = open(self.tmp / f"{name}.log", "wb")
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=self.env, cwd=self.tmp)
        log.close()
        self.procs.append(proc)
        return proc

    def add_worker(self):
        # --no-nanny: the worker is this very process, so that SIGKILL kills a worker and not a
        # nanny that would start another one in its place.
        n = len(self.workers)
        local = self.tmp / f"worker-{n}"
        local.mkdir(exist_ok=True)
        proc = self._start(["dask", "worker", self.address, "--nthreads", "1", "--no-nanny", "--no-dashboard",
                            "--host", "127.0.0.1", "--local-directory", str(local), "--death-timeout", "60",
                            "--name", f"w{n}"], f"worker-{n}")
        self.workers.append(proc)
        return proc

    def stop(self):
        for proc in reversed(self.procs):
            if proc.poll() is None:
                proc.terminate()
        deadline = time.monotonic() + 15
        for proc in self.procs:
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)

    def logs(self):
        return "\n".join(f"== {p.name}\n{p.read_text(errors='replace')[-3000:]}" for p in sorted(self.tmp.glob("*.log")))


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    c = None
    try:
        c = Cluster(tmp_path_factory.mktemp("cluster"))
        yield c
    finally:
        if c is not None:
            c.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("corpus") / "in")


OUTPUT_ENDINGS = (".jsonl", ".jsonl.gz", ".jsonl.zst", ".hashes", ".done", "stats.json")


def folder_bytes(folder):
    """A run's or a dedup's output, relative name -> bytes: parts, rejects, .hashes, .done,
    stats.json (not dedup's working folder .dedup/, nor the reports, which carry the time)."""
    out = {}
    for p in sorted(pathlib.Path(folder).rglob("*")):
        rel = p.relative_to(folder).as_posix()
        if p.is_file() and rel.endswith(OUTPUT_ENDINGS) and not rel.startswith(".dedup/"):
            out[rel] = p.read_bytes()
    return out


def without(stats_json, *keys):
    import json
    d = json.loads(stats_json)
    for k in keys:
        d.pop(k, None)
    return d


def one_machine(corpus, out, cli):
    """`pith run` + `pith dedup` with the CLI, as a user would on one machine (pith.dedup, the
    same library call, where the CLI has no dedup command yet)."""
    run_dir, dedup_dir = out / "run", out / "dedup"
    subprocess.run([cli, "run", str(corpus), "-o", str(run_dir), "--recipe", "none", "-j", "2", "-q"], check=True,
                   timeout=JOB_TIMEOUT)
    if subprocess.run([cli, "dedup", "--help"], capture_output=True, timeout=30).returncode == 0:
        subprocess.run([cli, "dedup", str(run_dir), "-o", str(dedup_dir), "-q"], check=True, timeout=JOB_TIMEOUT)
    else:
        pith.dedup(str(run_dir), str(dedup_dir), jobs=2)
    return run_dir, dedup_dir


def test_run_and_dedup_on_the_cluster_match_one_machine(cluster, corpus, tmp_path, cli):
    run_dir, dedup_dir = one_machine(corpus, tmp_path / "local", cli)
    seen = []
    r = pith.dask.run(str(corpus), tmp_path / "corpus", recipe="none", scheduler=cluster.address, progress=seen.append)
    assert r["output"] == str(tmp_path / "corpus") and r["run_output"] == str(tmp_path / "corpus") + ".run"
    assert r["run"]["files"] == 4 and r["run"]["files_done_before"] == 4  # the finishing run redid nothing
    # The deduplicated corpus: the same parts, byte for byte.
    ours, theirs = folder_bytes(r["output"]), folder_bytes(dedup_dir)
    parts = sorted(k for k in theirs if ".jsonl" in k and "/" not in k)
    assert len(parts) == 4
    for name in parts:
        assert gzip.decompress(ours[name]) == gzip.decompress(theirs[name]), name
    assert r["dedup"]["kept"] == sum(gzip.decompress(theirs[n]).count(b"\n") for n in parts)
    # What differs, as docs/cluster.md says: a run task dedups exactly within its own file, so
    # the copies that `pith run` drops across files reach pith dedup, which removes them.
    local_run = without((run_dir / "stats.json").read_text(), "files_done_before")
    dask_run = without((pathlib.Path(r["run_output"]) / "stats.json").read_text(), "files_done_before")
    across = local_run["rejected_by_reason"].get("dedup/duplicate", 0) - dask_run["rejected_by_reason"].get(
        "dedup/duplicate", 0)
    assert across > 0  # the corpus has copies across files
    assert dask_run["written"] == local_run["written"] + across
    assert dask_run["records"] == local_run["records"]
    assert r["dedup"]["removed_by_reason"]["dedup/exact_duplicate"] == across
    assert r["dedup"]["removed_by_reason"].get("dedup/near_duplicate", 0) > 0
    # Progress reached the client, per stage, ending with every task done.
    stages = [s["stage"] for s in seen]
    for stage in ("run", "dedup signatures", "dedup buckets", "dedup clusters", "dedup filter", "dedup finish"):
        assert stage in stages, stages
    last_run = [s for s in seen if s["stage"] == "run"][-1]
    assert last_run["tasks_done"] == 4 and last_run["bytes_done"] == last_run["bytes_total"] > 0


def test_run_alone_matches_pith_run_part_for_part(cluster, tmp_path, cli):
    """Without copies across files, the run folder is pith run's, .done and .hashes included."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    for f in range(3):
        rng = random.Random(100 + f)
        make_warc(corpus / f"c{f}.warc.gz", [(f"https://e.com/{f}/{i}", page(f"T {f} {i}", article(rng)))
                                            for i in range(15)])
    subprocess.run([cli, "run", str(corpus), "-o", str(tmp_path / "local"), "--recipe", "fineweb", "-q"], check=True,
                   timeout=JOB_TIMEOUT)
    r = pith.dask.run(corpus, tmp_path / "dask", recipe="fineweb", scheduler=cluster.address, dedup=False,
                      progress=False)
    assert r["run_output"] == str(tmp_path / "dask")
    ours, theirs = folder_bytes(tmp_path / "dask"), folder_bytes(tmp_path / "local")
    assert sorted(ours) == sorted(theirs)
    for name, data in theirs.items():
        if name == "stats.json":
            assert without(ours[name], "files_done_before") == without(data, "files_done_before")
        else:
            assert ours[name] == data, name


def parts_being_written(folder, pid):
    return list(pathlib.Path(folder).glob(f"*.tmp-{pid}"))


def test_a_worker_killed_in_a_task_does_not_change_the_output(tmp_path, cli):
    """SIGKILL to a worker while it writes a part: Dask gives the task to the other worker, and
    the output is still that of one machine."""
    corpus = make_corpus(tmp_path / "in", files=4, pages=300, seed=11)
    run_dir, dedup_dir = one_machine(corpus, tmp_path / "local", cli)
    c = Cluster(tmp_path / "cluster")
    try:
        victim = c.workers[0]
        out = tmp_path / "corpus"
        killed, stop, seen = [], threading.Event(), []

        def kill_when_writing():
            # The first time the victim has a part open (its temporary file is there), kill it.
            deadline = time.monotonic() + JOB_TIMEOUT
            while not stop.is_set() and time.monotonic() < deadline:
                writing = parts_being_written(str(out) + ".run", victim.pid)
                if writing:
                    os.kill(victim.pid, signal.SIGKILL)
                    killed.extend(writing)
                    return
                time.sleep(0.01)

        watcher = threading.Thread(target=kill_when_writing, daemon=True)
        watcher.start()
        try:
            r = pith.dask.run(corpus, out, recipe="none", scheduler=c.address, progress=seen.append)
        finally:
            stop.set()
            watcher.join(timeout=5)
        assert killed, "the victim never opened a part"
        assert victim.wait(timeout=10) == -signal.SIGKILL
        ours, theirs = folder_bytes(out), folder_bytes(dedup_dir)
        parts = sorted(k for k in theirs if ".jsonl" in k and "/" not in k)
        assert len(parts) == 4
        for name in parts:
            assert gzip.decompress(ours[name]) == gzip.decompress(theirs[name]), name
        # The killed task's temporary file was removed by the run that finishes the job.
        assert not list(pathlib.Path(r["run_output"]).glob("*.tmp-*"))
        # Progress of tasks still running came from the workers (events), not only completions.
        assert any(s["stage"] == "run" and s["bytes_running"] > 0 for s in seen), seen
    except BaseException:
        print(c.logs())
        raise
    finally:
        c.stop()


def test_the_command_shows_a_bar_on_a_terminal_and_lines_otherwise(cluster, corpus, tmp_path):
    launcher = [sys.executable, "-m", "pith.dask", "run", str(corpus), "--recipe", "none", "--no-dedup",
                "--scheduler", cluster.address]
    env = dict(os.environ, PYTHONPATH=PYTHONPATH)
    plain = subprocess.run(launcher + ["-o", str(tmp_path / "plain")], env=env, capture_output=True, text=True,
                           timeout=JOB_TIMEOUT)
    assert plain.returncode == 0, plain.stderr
    assert "pith-dask: run: 100.0%  4/4 files" in plain.stderr and "\r" not in plain.stderr
    assert "written ->" in plain.stderr

    main, child = pty.openpty()
    proc = subprocess.Popen(launcher + ["-o", str(tmp_path / "tty")], env=env, stdin=child, stdout=child,
                            stderr=child, close_fds=True)
    os.close(child)
    seen = b""
    deadline = time.monotonic() + JOB_TIMEOUT
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([main], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(main, 4096)
                except OSError:  # the child closed the terminal
                    break
                if not chunk:
                    break
                seen += chunk
            elif proc.poll() is not None:
                break
        assert proc.wait(timeout=10) == 0, seen.decode(errors="replace")
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(main)
    text = seen.decode(errors="replace")
    assert "\rrun        [########################] 100.0%" in text, text
    assert folder_bytes(tmp_path / "tty").keys() == folder_bytes(tmp_path / "plain").keys()


def test_without_a_scheduler_it_starts_a_local_cluster(corpus, tmp_path):
    r = pith.dask.run(corpus, tmp_path / "out", recipe="none", dedup=False, workers=1, threads=2, progress=False)
    assert r["run"]["files"] == 4 and r["run"]["files_done_before"] == 4
    assert len(list((tmp_path / "out").glob("*.jsonl.gz"))) == 4


def test_options_that_make_no_sense_on_a_cluster_are_refused(corpus, tmp_path):
    with pytest.raises(TypeError, match="shard"):
        pith.dask.run(corpus, tmp_path / "out", shard="0/2", progress=False)
    with pytest.raises(pith.IoError, match="no input files"):
        pith.dask.run(tmp_path / "nothing-here", tmp_path / "out", progress=False)


def test_list_inputs_and_a_run_of_one_listed_file_keep_its_part_name(tmp_path):
    """What a run task is given: one dict of pith.list_inputs, whose rel names the part."""
    rng = random.Random(3)
    (tmp_path / "in" / "2024").mkdir(parents=True)
    make_warc(tmp_path / "in" / "2024" / "a.warc.gz", [("https://e.com/a", page("A", article(rng)))])
    make_warc(tmp_path / "in" / "b.warc.gz", [("https://e.com/b", page("B", article(rng)))])
    files, not_listed = pith.list_inputs([str(tmp_path / "in"), str(tmp_path / "missing")])
    assert [(f["rel"], f["part"]) for f in files] == [("2024/a.warc.gz", "2024__a.warc.gz"), ("b.warc.gz", "b.warc.gz")]
    assert files[0]["size"] == (tmp_path / "in" / "2024" / "a.warc.gz").stat().st_size
    assert [e["path"] for e in not_listed] == [str(tmp_path / "missing")]
    stats = pith.run([files[0]], tmp_path / "out", recipe="none", parts_only=True)
    assert stats["files"] == 1 and stats["written"] == 1
    assert (tmp_path / "out" / "2024__a.warc.gz.jsonl.gz").exists()
    assert not (tmp_path / "out" / "stats.json").exists()
    whole = pith.run(files, tmp_path / "out", recipe="none")
    assert whole["files_done_before"] == 1 and whole["written"] == 2
