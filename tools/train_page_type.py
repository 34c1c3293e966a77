#!/usr/bin/env python3
"""Trains the page-type model (multinomial logistic regression, stdlib only) and writes
src/extract/page_type_model.inc.

    # 1. a build that records features in each record's warnings
    cmake -S . -B build-features -G Ninja -DCMAKE_BUILD_TYPE=Release \\
          -DCMAKE_CXX_FLAGS=-DPITH_RECORD_FEATURES && cmake --build build-features
    build-features/pith extract ../shared/bench/wcxb-dev/pages --format jsonl -o /tmp/f.jsonl
    # 2. cross-validate, then fit on everything and write the weights
    tools/train_page_type.py ../shared/bench/wcxb-dev /tmp/f.jsonl [--write]

Cross-validation is grouped by site (the truth URL's host), so that pages of one site are
never on both sides of a split; the accuracy it prints is the number to report. --write fits
on all pages and writes the model (the C++ build checks the feature count).

Copies of the set without class names (tools/strip_attrs.py wcxb-dev --mode strip, --mode html4;
their features from build-features/pith as in step 1) can be scored (--copy-eval NAME SET_DIR
F.jsonl: cross-validated, never trained on) or trained on beside the set's pages (--copy, weighted
by --copy-weight); every copy of a page is in its site's fold, and the accuracy is printed per
copy. --test NAME SET_DIR F.jsonl types a set the model never saw (magic-html) with the model
fitted on everything. What training on the copies gave (rejected): src/extract/README.md.

    tools/train_page_type.py ../shared/bench/wcxb-dev /tmp/f.jsonl \\
        --copy-eval stripped /tmp/blind-bench/bench/wcxb-dev /tmp/f-strip.jsonl \\
        --copy-eval html4 /tmp/html4-bench/bench/wcxb-dev /tmp/f-html4.jsonl \\
        --test magic-html ../shared/bench/magic-html /tmp/f-magic.jsonl
"""
import argparse
import collections
import math
import os
import random
import sys

import train_common

TYPES = ["article", "forum", "product", "listing", "collection", "documentation", "service"]
HERE = os.path.dirname(os.path.abspath(__file__))
MODEL = os.path.join(HERE, "..", "src", "extract", "page_type_model.inc")
HEADER = os.path.join(HERE, "..", "src", "extract", "page_type.h")


def feature_names():
    return train_common.feature_names(HEADER, "PITH_PAGE_FEATURES")


def load(set_dir, pred, names, copy="normal"):
    """(features, type index, site host, page id, copy): copy names the version of the pages
    (the set's own, or a copy written by tools/strip_attrs.py)."""
    rows = []
    for r, t, pid, host in train_common.joined_records(set_dir, pred):
        if t.get("type") not in TYPES:
            continue
        rec = next((w for w in r.get("warnings", []) if w.startswith("page-type-features:")), None)
        if rec is None:
            sys.exit(f"{pred}: no page-type-features; build with -DPITH_RECORD_FEATURES")
        rows.append((train_common.parse_features(rec.split(":", 1)[1], names), TYPES.index(t["type"]), host, pid, copy))
    return rows


def softmax(z):
    m = max(z)
    e = [math.exp(v - m) for v in z]
    s = sum(e)
    return [v / s for v in e]


def train(rows, l2, epochs, lr, class_weight, seed, copy_weight=1.0):
    nf = len(rows[0][0])
    w = [[0.0] * nf for _ in TYPES]
    g2 = [[1e-8] * nf for _ in TYPES]  # Adagrad accumulators
    counts = collections.Counter(r[1] for r in rows)
    cw = {c: (len(rows) / (len(TYPES) * counts[c])) ** class_weight if counts[c] else 1.0 for c in range(len(TYPES))}
    rng = random.Random(seed)
    order = list(range(len(rows)))
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            x, y = rows[i][0], rows[i][1]
            rw = cw[y] * (1.0 if rows[i][4] == "normal" else copy_weight)
            p = softmax([sum(wi * xi for wi, xi in zip(w[c], x)) for c in range(len(TYPES))])
            for c in range(len(TYPES)):
                err = (p[c] - (1.0 if c == y else 0.0)) * rw
                wc, gc = w[c], g2[c]
                for j, xj in enumerate(x):
                    if xj == 0.0 and j != 0:
                        continue
                    g = err * xj + l2 * wc[j]
                    gc[j] += g * g
                    wc[j] -= lr * g / math.sqrt(gc[j])
    return w


def predict(w, x):
    z = [sum(wi * xi for wi, xi in zip(w[c], x)) for c in range(len(TYPES))]
    return max(range(len(TYPES)), key=lambda c: z[c])


def site_folds(rows, folds):
    """Site host -> fold number: the pages of one site are all in one fold."""
    hosts = sorted({r[2] for r in rows})
    random.Random(7).shuffle(hosts)
    return {h: i % folds for i, h in enumerate(hosts)}


def cross_validate(rows, folds, scored_only=(), **kw):
    """Per copy: {type: [right, pages]} and the confusion, each page scored by a model fitted
    without its site (all copies of a site are in one fold)."""
    fold_of = site_folds(rows, folds)
    per = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0]))
    conf = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
    for k in range(folds):
        tr = [r for r in rows if fold_of[r[2]] != k]
        te = [r for r in list(rows) + list(scored_only) if fold_of[r[2]] == k]
        w = train(tr, **kw)
        for r in te:
            x, y, copy = r[0], r[1], r[4]
            p = predict(w, x)
            per[copy][y][0] += p == y
            per[copy][y][1] += 1
            conf[copy][TYPES[y]][TYPES[p]] += 1
    return per, conf


def report(title, per, conf=None):
    n = sum(v[1] for v in per.values())
    hits = sum(v[0] for v in per.values())
    print(f"{title}: {hits / n:.3f} ({hits}/{n}), macro {sum(v[0] / v[1] for v in per.values()) / len(per):.3f}")
    print("  " + "  ".join(f"{TYPES[c]} {per[c][0] / per[c][1]:.3f}" for c in sorted(per, key=lambda c: -per[c][1])))
    if conf:
        print("  confusion (truth -> predicted):")
        for t in TYPES:
            if conf[t]:
                print(f"    {t:14s} " + " ".join(f"{p[:5]}={n}" for p, n in conf[t].most_common()))


def write_model(w, names, path=MODEL):
    lines = [
        "// Generated by tools/train_page_type.py: do not edit by hand.",
        f"constexpr size_t kModelFeatureCount = {len(names)};",
        'static_assert(kModelFeatureCount == kPageFeatureCount, "retrain: tools/train_page_type.py");',
        "constexpr float kPageTypeWeights[kPageTypeCount][kPageFeatureCount] = {",
    ]
    for c, t in enumerate(TYPES):
        lines.append(f"    // {t}")
        lines.append("    {")
        for j in range(0, len(names), 6):
            chunk = ", ".join(f"{w[c][k]:.4f}f /*{names[k]}*/" for k in range(j, min(j + 6, len(names))))
            lines.append(f"        {chunk},")
        lines.append("    },")
    lines.append("};")
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pairs", nargs="+", help="SET_DIR PRED.jsonl [SET_DIR PRED.jsonl ...]")
    ap.add_argument("--copy", nargs=3, action="append", default=[], metavar=("NAME", "SET_DIR", "PRED.jsonl"),
                    help="a copy of the first set's pages (tools/strip_attrs.py) trained on beside them, its "
                         "pages in their site's fold; cross-validated accuracy is printed per copy")
    ap.add_argument("--copy-weight", type=float, default=1.0, help="weight of a --copy page against the set's own")
    ap.add_argument("--copy-eval", nargs=3, action="append", default=[], metavar=("NAME", "SET_DIR", "PRED.jsonl"),
                    help="as --copy, but only scored in cross-validation, never trained on")
    ap.add_argument("--test", nargs=3, action="append", default=[], metavar=("NAME", "SET_DIR", "PRED.jsonl"),
                    help="a set never trained on, typed by the model fitted on everything (accuracy printed)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--lr", type=float, default=0.5)
    ap.add_argument("--class-weight", type=float, default=0.5, help="0: none, 1: inverse frequency (0.5: between)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--fold-model", type=int, metavar="K",
                    help="write a model fitted without fold K to --out and fold K's page ids to --pages "
                         "(tools/cv_extract.sh: extraction scored with a model that never saw the page)")
    ap.add_argument("--out", help="model path for --fold-model")
    ap.add_argument("--pages", help="page-id list path for --fold-model")
    a = ap.parse_args()
    if len(a.pairs) % 2:
        sys.exit("give SET_DIR PRED.jsonl pairs")
    names = feature_names()
    rows = []
    for i in range(0, len(a.pairs), 2):
        rows += load(a.pairs[i], a.pairs[i + 1], names)
    for name, set_dir, pred in a.copy:
        rows += load(set_dir, pred, names, name)
    scored_only = []
    for name, set_dir, pred in a.copy_eval:
        scored_only += load(set_dir, pred, names, name)
    kw = dict(l2=a.l2, epochs=a.epochs, lr=a.lr, class_weight=a.class_weight, seed=a.seed,
              copy_weight=a.copy_weight)
    if a.fold_model is not None:
        if not a.out or not a.pages:
            sys.exit("--fold-model needs --out and --pages")
        fold_of = site_folds(rows, a.folds)
        write_model(train([r for r in rows if fold_of[r[2]] != a.fold_model], **kw), names, a.out)
        with open(a.pages, "w", encoding="utf-8") as f:
            f.writelines(f"{r[3]}\n" for r in rows if fold_of[r[2]] == a.fold_model and r[4] == "normal")
        return
    per, conf = cross_validate(rows, a.folds, scored_only, **kw)
    for copy in per:
        report(f"{a.folds}-fold cross-validated accuracy (grouped by site), {copy} pages", per[copy], conf[copy])
    if a.write or a.test:
        w = train(rows, **kw)
        for name, set_dir, pred in a.test:
            tp = collections.defaultdict(lambda: [0, 0])
            for r in load(set_dir, pred, names, name):
                tp[r[1]][0] += predict(w, r[0]) == r[1]
                tp[r[1]][1] += 1
            report(f"unseen {name}, model fitted on everything", tp)
        if a.write:
            write_model(w, names)
            print(f"wrote {os.path.normpath(MODEL)}")


if __name__ == "__main__":
    main()
