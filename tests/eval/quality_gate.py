#!/usr/bin/env python3
"""Quality gate: runs `pith extract` over the benchmark sets in ../shared/bench, scores the
output with the sets' own scorer (score.py) and fails when a score falls below its pinned
floor in floors.json. Exits 77 (ctest: skipped) with a message when the sets are absent.

    quality_gate.py PITH_BINARY SOURCE_DIR [--update]   (--update rewrites floors.json from
                                                          this run, minus a 0.005 margin)
"""
import json, os, subprocess, sys, tempfile

pith, src = sys.argv[1], sys.argv[2]
update = "--update" in sys.argv
shared = os.environ.get("PITH_SHARED", os.path.join(src, "..", "shared"))
bench = os.path.join(shared, "bench")
floors_path = os.path.join(src, "tests", "eval", "floors.json")
if not os.path.isfile(os.path.join(bench, "score.py")):
    print(f"quality gate skipped: {bench} not found (the benchmark sets live beside the repo)")
    sys.exit(77)
floors = json.load(open(floors_path))
failures, report = [], {}
with tempfile.TemporaryDirectory() as tmp:
    for set_name, want in floors.items():
        raw, pred = os.path.join(tmp, set_name + ".raw.jsonl"), os.path.join(tmp, set_name + ".jsonl")
        subprocess.run([pith, "extract", os.path.join(bench, set_name, "pages"), "--format", "jsonl", "-o", raw],
                       check=False)
        with open(raw) as f, open(pred, "w") as out:
            for line in f:
                r = json.loads(line)
                name = os.path.basename(r["source"])
                r["id"] = name[: -len(".html.gz")] if name.endswith(".html.gz") else name
                out.write(json.dumps(r) + "\n")
        res = json.loads(subprocess.run([sys.executable, os.path.join(bench, "score.py"), os.path.join(bench, set_name),
                                         pred, "--json", "--n-bootstrap", "10"],
                                        capture_output=True, text=True, check=True).stdout)["results"][0]
        got = {"f1": res["f1"]}
        for t, v in res.get("f1_by_type", {}).items():
            got["f1_" + t] = v
        for k in ("title_acc", "date_acc", "author_acc"):
            if res.get(k) is not None:
                got[k] = res[k]
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
    print("floors.json updated")
if failures:
    print("quality gate FAILED: " + ", ".join(failures))
    sys.exit(1)
print("quality gate passed")
