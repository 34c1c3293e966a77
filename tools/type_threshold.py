#!/usr/bin/env python3
"""What the page type's second selection is worth, by the type model's confidence: for each page,
F1 with the typed selection (TYPED) against F1 with the untyped one (UNTYPED, `pith extract
--type-hints-min-confidence 2`), split into pages whose predicted type is right and pages where it
is wrong (where the truth has a type). For each threshold it prints the set's F1 if types steered
only at that confidence or above, and the mean F1 change of the mistyped pages that would still be
steered: a threshold to ship is one where that change is >= 0 (mistyped pages lose nothing).

    tools/type_threshold.py SET_DIR TYPED.raw.jsonl UNTYPED.raw.jsonl

TYPED should come from a model that did not learn the set's pages (tools/cv_extract.sh writes
cv.raw.jsonl for wcxb-dev; every other set is unseen by the shipped model). Pages are scored by
the set's own score.py (imported from SET_DIR/..).
"""
import collections
import json
import os
import sys


def load_raw(path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                rows[os.path.basename(r.get("source") or "").split(".html")[0]] = r
    return rows


def main():
    set_dir, typed_path, untyped_path = sys.argv[1:4]
    sys.path.insert(0, os.path.dirname(os.path.abspath(set_dir)))
    import score  # the sets' own scorer

    _, truth = score.load_truth(os.path.join(set_dir, "truth.jsonl"))
    typed, untyped = load_raw(typed_path), load_raw(untyped_path)
    ids = [str(r["id"]) for r in truth]

    def scored(choose):
        preds = {}
        for i in ids:
            src = choose(i)
            if i in src:
                preds[i] = {"id": i, "text": src[i].get("text") or ""}
        res, pages = score.evaluate(truth, preds, 4, 0, 1)
        return res, {str(p["id"]): p.get("f1", 0.0) or 0.0 for p in pages}

    _, ft = scored(lambda i: typed)
    _, fu = scored(lambda i: untyped)
    true_type = {str(r["id"]): r.get("type") for r in truth}
    conf = lambda i: typed[i].get("page_type_confidence") or 0
    changed = sum(1 for i in ids if i in typed and abs(ft[i] - fu[i]) > 1e-9)
    print(f"{set_dir}: {len(ids)} pages, {changed} whose text changes with the typed selection")
    print(f"{'min conf':>8s} {'steered':>7s} {'mistyped':>8s} {'mistyped dF1':>12s} {'right dF1':>9s} {'set F1':>7s}")
    for thr in [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01]:
        steer = {i for i in ids if i in typed and conf(i) >= thr}
        res, _ = scored(lambda i: typed if i in steer else untyped)
        wrong = [i for i in steer if true_type.get(i) and typed[i].get("page_type") != true_type[i]]
        right = [i for i in steer if true_type.get(i) and typed[i].get("page_type") == true_type[i]]
        dw = sum(ft[i] - fu[i] for i in wrong) / len(wrong) if wrong else 0.0
        dr = sum(ft[i] - fu[i] for i in right) / len(right) if right else 0.0
        print(f"{thr:8.2f} {len(steer):7d} {len(wrong):8d} {dw:+12.4f} {dr:+9.4f} {res['f1']:7.4f}")
    by = collections.defaultdict(list)
    for i in ids:
        if i in typed and true_type.get(i):
            by[(true_type[i], typed[i].get("page_type"))].append((ft[i] - fu[i], conf(i)))
    print("truth -> predicted: pages, mean dF1 (typed - untyped), mean confidence")
    for k in sorted(by, key=lambda k: -len(by[k])):
        v = by[k]
        print(f"  {k[0]:>13s} -> {k[1]:<13s} {len(v):4d} {sum(d for d, _ in v) / len(v):+.4f} {sum(c for _, c in v) / len(v):.2f}")


if __name__ == "__main__":
    main()
