#!/usr/bin/env python3
"""Quality gate of `pith clean`: the benchmark of bench/clean (each page of ../shared/bench dev
and wcxb-dev as the visible text lines of its HTML, `pith wet`), cleaned by `pith clean`,
scored by the sets' own scorer, and checked against the floors in clean_floors.json. Exits 77
(ctest: skipped) with a message when the sets are absent.

    clean_gate.py PITH_BINARY SOURCE_DIR [--update]   (--update rewrites clean_floors.json
                                                        from this run, minus a 0.005 margin)
"""
import json, os, subprocess, sys, tempfile

pith, src = sys.argv[1], sys.argv[2]
update = "--update" in sys.argv
shared = os.environ.get("PITH_SHARED", os.path.join(src, "..", "shared"))
bench = os.path.join(shared, "bench")
floors_path = os.path.join(src, "tests", "eval", "clean_floors.json")
if not os.path.isfile(os.path.join(bench, "score.py")):
    print(f"clean gate skipped: {bench} not found (the benchmark sets live beside the repo)")
    sys.exit(77)
floors = json.load(open(floors_path))
py = sys.executable
failures, report = [], {}
with tempfile.TemporaryDirectory() as tmp:
    for set_name, want in floors.items():
        d = os.path.join(bench, set_name)
        p = lambda name: os.path.join(tmp, f"{set_name}.{name}")
        subprocess.run([pith, "wet", os.path.join(d, "pages"), "-o", p("wet.jsonl")], check=False,
                       stderr=subprocess.DEVNULL)
        with open(p("wet.jsonl")) as fin, open(p("in.jsonl"), "w") as fout:
            subprocess.run([py, os.path.join(src, "bench", "clean", "prepare.py"), d], stdin=fin, stdout=fout, check=True)
        subprocess.run([pith, "clean", p("in.jsonl"), "-f", "jsonl", "-o", p("raw.jsonl")], check=False,
                       stderr=subprocess.DEVNULL)
        with open(p("raw.jsonl")) as fin, open(p("pred.jsonl"), "w") as fout:
            subprocess.run([py, os.path.join(src, "bench", "clean", "to_pred.py")], stdin=fin, stdout=fout, check=True)
        res = json.loads(subprocess.run([py, os.path.join(bench, "score.py"), d, p("pred.jsonl"), "--json",
                                         "--n-bootstrap", "10"], capture_output=True, text=True, check=True).stdout)["results"][0]
        got = {"f1": res["f1"]}
        for t, v in res.get("f1_by_type", {}).items():
            got["f1_" + t] = v
        report[set_name] = got
        for key, floor in want.items():
            value = got.get(key)
            status = "ok" if value is not None and value >= floor else "BELOW FLOOR"
            print(f"{set_name:10s} {key:18s} {value if value is not None else float('nan'):.4f}  floor {floor:.4f}  {status}")
            if status != "ok":
                failures.append(f"{set_name} {key}")
if update:
    new = {s: {k: round(v - 0.005, 3) for k, v in got.items()} for s, got in report.items()}
    json.dump(new, open(floors_path, "w"), indent=1)
    print("clean_floors.json updated")
if failures:
    print("clean gate FAILED: " + ", ".join(failures))
    sys.exit(1)
print("clean gate passed")
