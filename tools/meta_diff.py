#!/usr/bin/env python3
"""Where pith's metadata differs from a set's truth, page by page (stdlib only).

    tools/meta_diff.py SET_DIR PRED.jsonl [--field title|author|date] [--only-wrong] [--limit N]

PRED is the JSONL that tools/eval.sh writes (build/eval/SET.jsonl, with `id`). Uses the same
normalisers as score.py (imported from SET_DIR/../score.py), prints one line per page:
id, type, ok/WRONG/MISSING, truth, prediction and its source; then counts per source.
"""
import argparse
import collections
import importlib.util
import json
import os
import sys


def load_score(set_dir):
    path = os.path.join(os.path.dirname(os.path.abspath(set_dir.rstrip("/"))), "score.py")
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("set_dir")
    ap.add_argument("pred")
    ap.add_argument("--field", default="title", choices=["title", "author", "date"])
    ap.add_argument("--only-wrong", action="store_true")
    ap.add_argument("--limit", type=int, default=0)
    a = ap.parse_args()
    score = load_score(a.set_dir)
    norm = score.META[a.field]
    truth = score.read_jsonl(os.path.join(a.set_dir, "truth.jsonl"))
    preds = {str(r.get("id")): r for r in score.read_jsonl(a.pred)}
    by_source = collections.defaultdict(collections.Counter)
    shown = 0
    for t in truth:
        tv = norm(t.get(a.field)) if t.get(a.field) else ""
        if not tv:
            continue
        p = preds.get(str(t["id"]), {})
        pv = p.get(a.field) or ""
        src = p.get(a.field + "_source", "") if a.field != "title" else ""
        status = "ok" if pv and norm(pv) == tv else ("MISSING" if not pv else "WRONG")
        by_source[src or "-"][status] += 1
        if a.only_wrong and status == "ok":
            continue
        if a.limit and shown >= a.limit:
            continue
        shown += 1
        print(f"{t['id']}\t{t.get('type')}\t{status}\t{t.get(a.field)!r}\t{pv!r}\t{src}")
    print("\nby source:", file=sys.stderr)
    for src, c in sorted(by_source.items(), key=lambda x: -sum(x[1].values())):
        n = sum(c.values())
        print(f"  {src:12s} n={n:4d} ok={c['ok']:4d} ({c['ok'] / n:.2f}) wrong={c['WRONG']} missing={c['MISSING']}",
              file=sys.stderr)


if __name__ == "__main__":
    main()
