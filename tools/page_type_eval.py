#!/usr/bin/env python3
"""Page-type accuracy of pith's JSONL against a set's truth `type` (stdlib only).

    tools/page_type_eval.py SET_DIR PRED.jsonl [--confusion]

PRED is what tools/eval.sh writes (build/eval/SET.jsonl: rows with `id` and `page_type`).
Prints overall accuracy, accuracy per true type, and with --confusion the confusion matrix
(rows: truth, columns: prediction).
"""
import argparse
import collections
import json
import os


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("set_dir")
    ap.add_argument("pred")
    ap.add_argument("--confusion", action="store_true")
    a = ap.parse_args()
    truth = {str(r["id"]): r.get("type") for r in read_jsonl(os.path.join(a.set_dir, "truth.jsonl"))}
    preds = {str(r.get("id")): r.get("page_type") or "" for r in read_jsonl(a.pred)}
    per = collections.defaultdict(lambda: [0, 0])
    conf = collections.defaultdict(collections.Counter)
    for pid, t in truth.items():
        if not t:
            continue
        p = preds.get(pid, "")
        per[t][0] += p == t
        per[t][1] += 1
        conf[t][p or "-"] += 1
    hits = sum(v[0] for v in per.values())
    total = sum(v[1] for v in per.values())
    print(f"page type accuracy: {hits / total:.3f} ({hits}/{total})")
    print(f"macro accuracy (mean over types): {sum(v[0] / v[1] for v in per.values()) / len(per):.3f}")
    for t in sorted(per, key=lambda k: -per[k][1]):
        h, n = per[t]
        print(f"  {t:14s} {h / n:.3f}  ({h}/{n})")
    if a.confusion:
        cols = sorted({c for row in conf.values() for c in row})
        print("\ntruth \\ pred   " + " ".join(f"{c[:6]:>6s}" for c in cols))
        for t in sorted(conf):
            print(f"  {t:13s}" + " ".join(f"{conf[t][c]:6d}" for c in cols))


if __name__ == "__main__":
    main()
