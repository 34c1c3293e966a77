"""What the quality gates share (quality_gate.py for pith extract, clean_gate.py for pith
clean): the command line, the skip where ../shared/bench is absent, scoring with the sets'
own scorer, the check against the pinned floors and --update.

    GATE.py PITH_BINARY SOURCE_DIR [--update]   (--update rewrites the floors file from this
                                                  run, minus a 0.005 margin)
"""
import json, os, signal, subprocess, sys, tempfile


def score(bench, set_name, pred, n_bootstrap=10):
    """score.py's result for one predictions file."""
    return json.loads(subprocess.run([sys.executable, os.path.join(bench, "score.py"), os.path.join(bench, set_name),
                                      pred, "--json", "--n-bootstrap", str(n_bootstrap)],
                                     capture_output=True, text=True, check=True).stdout)["results"][0]


def run(name, floors_file, predict, extra_keys=(), more_checks=None, set_of=None):
    """predict(pith, src, bench, set_name, tmp) -> path of score.py predictions for that set.
    more_checks(src, bench, set_name, tmp, got) -> [(key, value, bar)]: further bars, not pinned.
    set_of(key) -> the set whose truth scores a key of the floors file (default: the key itself;
    copies_gate.py keys a copy of a set as SET@COPY).
    Scores every set of the floors file, prints each floor, exits 77 / 1 / 0."""
    pith, src = sys.argv[1], sys.argv[2]
    update = "--update" in sys.argv
    shared = os.environ.get("PITH_SHARED", os.path.join(src, "..", "shared"))
    bench = os.path.join(shared, "bench")
    floors_path = os.path.join(src, "tests", "eval", floors_file)
    if not os.path.isfile(os.path.join(bench, "score.py")):
        print(f"{name} skipped: {bench} not found (the benchmark sets live beside the repo)")
        sys.exit(77)
    floors = json.load(open(floors_path))
    failures, report = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        for set_name, want in floors.items():
            pred = predict(pith, src, bench, set_name, tmp)
            res = score(bench, set_of(set_name) if set_of else set_name, pred)
            got = {"f1": res["f1"]}
            for t, v in res.get("f1_by_type", {}).items():
                got["f1_" + t] = v
            for k in extra_keys:
                if res.get(k) is not None:
                    got[k] = res[k]
            report[set_name] = got
            checks = [(k, got.get(k), floor) for k, floor in want.items()]
            if more_checks:
                checks += more_checks(src, bench, set_name, tmp, got)
            for key, value, floor in checks:
                status = "ok" if value is not None and value >= floor else "BELOW FLOOR"
                shown = value if value is not None else float("nan")
                print(f"{set_name:10s} {key:18s} {shown:.4f}  floor {floor:.4f}  {status}")
                if status != "ok":
                    failures.append(f"{set_name} {key}")
    if update:
        new = {s: {k: round(v - 0.005, 3) for k, v in got.items()} for s, got in report.items()}
        json.dump(new, open(floors_path, "w"), indent=1)
        print(f"{floors_file} updated")
    if failures:
        print(f"{name} FAILED: " + ", ".join(failures))
        sys.exit(1)
    print(f"{name} passed")


def run_pith(cmd, output, what):
    """Runs a pith command that writes `output`. A run that ends by a signal or writes no output
    is a failure of pith, not of quality: it is named with its exit status (pith's own crash
    report, with the input and a backtrace, is on stderr above), and the command is run once
    more so that the gate can still measure quality; a second crash fails the gate."""
    for attempt in (1, 2):
        r = subprocess.run(cmd, check=False)
        if r.returncode >= 0 and os.path.isfile(output):
            if attempt == 2:
                print(f"{what}: the second run finished; the first one crashed (see above)", flush=True)
            return
        how = f"signal {-r.returncode} ({signal.Signals(-r.returncode).name})" if r.returncode < 0 else f"exit code {r.returncode}"
        print(f"{what}: pith ended by {how} and wrote no {os.path.basename(output)} (attempt {attempt} of 2)", flush=True)
    sys.exit(f"{what}: pith failed twice: {' '.join(cmd)}")


def pipe(cmd, src_path, dst_path):
    """Runs a filter script: src_path on stdin, dst_path as stdout."""
    with open(src_path) as fin, open(dst_path, "w") as fout:
        subprocess.run(cmd, stdin=fin, stdout=fout, check=True)
