#!/usr/bin/env python3
"""Quality gate of `pith clean`: the benchmark of bench/clean (each page of ../shared/bench dev
and wcxb-dev as the visible text lines of its HTML, `pith wet`), cleaned by `pith clean`,
scored by the sets' own scorer, and checked against the floors in clean_floors.json. Exits 77
(ctest: skipped) with a message when the sets are absent.

    clean_gate.py PITH_BINARY SOURCE_DIR [--update]   (--update rewrites clean_floors.json
                                                        from this run, minus a 0.005 margin)
"""
import os, subprocess, sys

import gate


def predict(pith, src, bench, set_name, tmp):
    d = os.path.join(bench, set_name)
    p = lambda name: os.path.join(tmp, f"{set_name}.{name}")
    gate.run_pith([pith, "wet", os.path.join(d, "pages"), "-q", "-o", p("wet.jsonl")], p("wet.jsonl"),
                  f"clean gate {set_name} (wet)")
    gate.pipe([sys.executable, os.path.join(src, "bench", "clean", "prepare.py"), d], p("wet.jsonl"), p("in.jsonl"))
    gate.run_pith([pith, "clean", p("in.jsonl"), "-q", "-f", "jsonl", "-o", p("raw.jsonl")], p("raw.jsonl"),
                  f"clean gate {set_name} (clean)")
    gate.pipe([sys.executable, os.path.join(src, "bench", "clean", "to_pred.py")], p("raw.jsonl"), p("pred.jsonl"))
    return p("pred.jsonl")


# Issue 3's bar: pith clean beats the C4 and FineWeb line rules (bench/clean/baselines.py, the
# "-lines" forms, their strongest) by 0.10 F1 on each set, measured in the same run.
MARGIN = 0.10


def margin_over_line_filters(src, bench, set_name, tmp, got):
    inp = os.path.join(tmp, f"{set_name}.in.jsonl")
    out = os.path.join(tmp, f"{set_name}.baselines")
    os.makedirs(out, exist_ok=True)
    with open(inp) as fin:
        subprocess.run([sys.executable, os.path.join(src, "bench", "clean", "baselines.py"), out], stdin=fin, check=True)
    best = max(gate.score(bench, set_name, os.path.join(out, f), n_bootstrap=2)["f1"]
               for f in ("c4-lines.jsonl", "fineweb-lines.jsonl"))
    return [("margin_over_c4_fineweb", got["f1"] - best, MARGIN)]


gate.run("clean gate", "clean_floors.json", predict, more_checks=margin_over_line_filters)
