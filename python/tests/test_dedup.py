"""pith.dedup, pith.dedup_plan and pith.dedup_stage: the same bytes as `pith dedup`, stage by stage
or at once, with plain arguments (what a Dask task pickles), and errors as PithError."""
import json
import pickle
import random
import subprocess
import threading
import time

import pytest

import pith

VOCAB = ("river market council winter garden school budget engine harbor letter meadow signal planet "
         "forest doctor museum pocket ribbon silver tunnel valley window yellow anchor").split()


def text(seed, words=200):
    rng = random.Random(seed)
    return " ".join(rng.choice(VOCAB) for _ in range(words)) + "."


def write_run(folder, parts):
    """Folders as pith run leaves them: NAME.jsonl with NAME.done beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, docs in parts.items():
        with open(folder / f"{name}.jsonl", "w") as f:
            for doc_id, t in docs:
                f.write(json.dumps({"id": doc_id, "text": t, "metadata": {}}) + "\n")
        (folder / f"{name}.done").write_text("part\tx\n")


@pytest.fixture
def corpus(tmp_path):
    originals = [(f"o{i}", text(i)) for i in range(40)]
    near = []
    for i in range(10):
        words = originals[i][1].split()
        words[100] = "zebra"
        near.append((f"n{i}", " ".join(words)))
    copies = [(f"c{i}", originals[20 + i][1]) for i in range(5)]
    write_run(tmp_path / "run1", {"a": originals[:20], "b": originals[20:]})
    write_run(tmp_path / "run2", {"c": near + copies})
    return [str(tmp_path / "run1"), str(tmp_path / "run2")]


def folder_bytes(folder):
    """The parts and stats.json (report.html names the folder it is in)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and p.name != "report.html"}


def test_dedup_returns_the_summary(corpus, tmp_path):
    s = pith.dedup(corpus, tmp_path / "out", jobs=2, rejects=tmp_path / "rejects.jsonl")
    assert s["documents"] == 55
    assert s["removed_by_reason"] == {"dedup/exact_duplicate": 5, "dedup/near_duplicate": 10}
    assert s["documents"] == s["kept"] + s["removed"]
    assert s["parts"] == 3
    assert set(s["stage_seconds"]) == {"signatures", "buckets", "clusters", "filter", "finish"}
    rejects = [json.loads(line) for line in (tmp_path / "rejects.jsonl").read_text().splitlines()]
    assert {r["id"]: r["duplicate_of"] for r in rejects}["n3"] == "o3"
    assert json.loads((tmp_path / "out" / "stats.json").read_text())["kept"] == 40


def test_stages_one_by_one_give_the_bytes_of_the_cli(corpus, tmp_path, cli):
    plan = pith.dedup_plan(corpus, str(tmp_path / "staged"))
    assert plan["parts"] == 3 and plan["bands"] == 15 and plan["lsh_bands"] == 14
    # Plain arguments: a task of a cluster pickles them.
    calls = [("signatures", i) for i in range(plan["parts"])] + [("buckets", b) for b in range(plan["bands"])]
    calls += [("clusters", 0)] + [("filter", i) for i in range(plan["parts"])]
    for stage, index in calls:
        args = pickle.loads(pickle.dumps((str(tmp_path / "staged"), stage, index)))
        assert pith.dedup_stage(*args)["ran"] is True
    assert pith.dedup_stage(str(tmp_path / "staged"), "filter", 0)["ran"] is False  # done already
    summary = pith.dedup_stage(str(tmp_path / "staged"), "finish")
    assert summary["kept"] == 40
    subprocess.run([cli, "dedup", *corpus, "-o", str(tmp_path / "cli"), "-j", "1", "-q"], check=True)
    assert folder_bytes(tmp_path / "staged") == folder_bytes(tmp_path / "cli")


def test_errors_are_pith_errors(corpus, tmp_path):
    with pytest.raises(pith.IoError, match="not a folder"):
        pith.dedup([str(tmp_path / "missing")], tmp_path / "out")
    with pytest.raises(pith.BadInputError, match="rows"):
        pith.dedup_plan(corpus, tmp_path / "out", rows=0)
    pith.dedup_plan(corpus, tmp_path / "out")
    with pytest.raises(pith.BadInputError, match="not done"):
        pith.dedup_stage(tmp_path / "out", "clusters")
    with pytest.raises(ValueError, match="stage must be"):
        pith.dedup_stage(tmp_path / "out", "sort")


def test_stage_releases_the_gil(tmp_path):
    # A corpus whose signatures take a while: a Python thread keeps running meanwhile.
    write_run(tmp_path / "big", {"p": [(str(i), text(i, 2000)) for i in range(1500)]})
    pith.dedup_plan([str(tmp_path / "big")], tmp_path / "out")
    ticks = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.005)

    t = threading.Thread(target=tick)
    t.start()
    start = time.perf_counter()
    pith.dedup_stage(tmp_path / "out", "signatures", 0)
    elapsed = time.perf_counter() - start
    done.set()
    t.join()
    inside = [x for x in ticks if start < x < start + elapsed]
    assert elapsed > 0.1
    assert len(inside) >= 5, (elapsed, len(inside))
