#!/usr/bin/env python3
"""Quality gate on poorer markup: copies of dev, wcxb-dev and magic-html made by
tools/strip_attrs.py, "stripped" (every class and id attribute removed: CleanEval-style pages,
hashed CSS-in-JS names) and "html4" (also role=, aria-*, data-*, microdata, and the HTML5
semantic elements turned into <div>/<span>: pages written before HTML5), are extracted and
scored against each set's own truth. Fails when a score falls below its floor in
copies_floors.json (keys SET@MODE). These copies stand in for the pages nobody tuned on: a
rule that reads a class name or a semantic tag must not be the only thing holding a score.
Exits 77 (ctest: skipped) with a message when ../shared/bench is absent.

    copies_gate.py PITH_BINARY SOURCE_DIR [--update]
"""
import concurrent.futures
import gzip
import os
import sys

import gate

sys.path.insert(0, os.path.join(sys.argv[2] if len(sys.argv) > 2 else ".", "tools"))
import strip_attrs  # noqa: E402  (tools/ is found through SOURCE_DIR)

MODES = {"stripped": "strip", "html4": "html4"}


def copy_page(args):
    """One page of the set rewritten in the copy's mode (the same bytes strip_attrs.py writes)."""
    src, dst, mode = args
    gz = src.endswith(".gz")
    with (gzip.open if gz else open)(src, "rb") as fh:
        data = fh.read()
    with open(dst[:-3] if gz else dst, "wb") as fh:  # written uncompressed: pith reads both
        fh.write(strip_attrs.rewrite(data, mode, os.path.basename(src).encode(), False))


def predict(pith, src, bench, key, tmp):
    set_name, copy = key.split("@")
    pages_in = os.path.join(bench, set_name, "pages")
    pages_out = os.path.join(tmp, f"{set_name}-{copy}")
    os.makedirs(pages_out)
    jobs = [(os.path.join(pages_in, f), os.path.join(pages_out, f), MODES[copy]) for f in sorted(os.listdir(pages_in))]
    with concurrent.futures.ProcessPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        list(pool.map(copy_page, jobs, chunksize=16))
    raw, pred = os.path.join(tmp, key + ".raw.jsonl"), os.path.join(tmp, key + ".jsonl")
    gate.run_pith([pith, "extract", pages_out, "--format", "jsonl", "-o", raw], raw, f"copies gate {key}")
    gate.pipe([sys.executable, os.path.join(src, "tools", "to_pred.py")], raw, pred)
    return pred


gate.run("copies gate", "copies_floors.json", predict, extra_keys=("title_acc", "date_acc", "author_acc"),
         set_of=lambda key: key.split("@")[0])
