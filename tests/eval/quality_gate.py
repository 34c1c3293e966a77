#!/usr/bin/env python3
"""Quality gate: runs `pith extract` over every benchmark set in ../shared/bench (dev, wcxb-dev,
magic-html, newspaper, goose3), scores the output with the sets' own scorer (score.py) and
fails when a score (overall, per page type, title/date/author) falls below its pinned floor in
floors.json. Exits 77 (ctest: skipped) with a message when the sets are absent.

    quality_gate.py PITH_BINARY SOURCE_DIR [--update]   (--update rewrites floors.json from
                                                          this run, minus a 0.005 margin)
"""
import os, sys

import gate


def predict(pith, src, bench, set_name, tmp):
    raw, pred = os.path.join(tmp, set_name + ".raw.jsonl"), os.path.join(tmp, set_name + ".jsonl")
    gate.run_pith([pith, "extract", os.path.join(bench, set_name, "pages"), "--format", "jsonl", "-o", raw], raw,
                  f"quality gate {set_name}")
    gate.pipe([sys.executable, os.path.join(src, "tools", "to_pred.py")], raw, pred)
    return pred


gate.run("quality gate", "floors.json", predict, extra_keys=("title_acc", "date_acc", "author_acc"))
