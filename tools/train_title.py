#!/usr/bin/env python3
"""Trains the title ranker (a conditional logit over each page's title candidates, stdlib
only) and writes src/extract/title_model.inc.

    # 1. a build that records every title candidate and its features in the warnings
    cmake -S . -B build-features -G Ninja -DCMAKE_BUILD_TYPE=Release \\
          -DCMAKE_CXX_FLAGS="-DPITH_RECORD_FEATURES" && cmake --build build-features
    build-features/pith extract ../shared/bench/wcxb-dev/pages --format jsonl -o /tmp/f.jsonl
    # 2. cross-validate, then fit on everything and write the weights
    tools/train_title.py ../shared/bench/wcxb-dev /tmp/f.jsonl [--write]

A candidate is correct when, character for character (pith keeps the page's quotes and dashes), it
equals the truth title after NFKC, case folding and white space collapsing (score.py's rule). Cross-validation is grouped by site (the truth URL's
host); its accuracy counts every page, also those where no candidate is correct, so it is
directly comparable with score.py's title accuracy.
"""
import argparse
import math
import os
import random
import re
import statistics
import sys
import unicodedata

import train_common

HERE = os.path.dirname(os.path.abspath(__file__))
MODEL = os.path.join(HERE, "..", "src", "extract", "title_model.inc")
HEADER = os.path.join(HERE, "..", "src", "extract", "title.h")


def norm(s):
    s = unicodedata.normalize("NFKC", str(s or ""))
    return re.sub(r"\s+", " ", s).strip().casefold()


def feature_names():
    return train_common.feature_names(HEADER, "PITH_TITLE_FEATURES")


def load(set_dir, pred, names):
    pages = []
    for r, t, _, host in train_common.joined_records(set_dir, pred):
        if not norm(t.get("title")):
            continue
        cands = []
        for w in r.get("warnings", []):
            if not w.startswith("title-candidate:"):
                continue
            feats, text = w[len("title-candidate:"):].split("\x1f", 1)
            cands.append((train_common.parse_features(feats, names), norm(text) == norm(t["title"])))
        pages.append((cands, host))
    if not any(c for c, _ in pages):
        sys.exit(f"{pred}: no title-candidate records; build with -DPITH_RECORD_FEATURES")
    return pages


def scores(w, cands):
    return [sum(wi * xi for wi, xi in zip(w, x)) for x, _ in cands]


def train(pages, l2, epochs, lr, seed):
    nf = len(next(c for c, _ in pages if c)[0][0])
    w = [0.0] * nf
    g2 = [1e-8] * nf
    rng = random.Random(seed)
    usable = [c for c, _ in pages if any(ok for _, ok in c)]
    for _ in range(epochs):
        rng.shuffle(usable)
        for cands in usable:
            z = scores(w, cands)
            m = max(z)
            e = [math.exp(v - m) for v in z]
            s = sum(e)
            p = [v / s for v in e]
            pc = sum(pi for pi, (_, ok) in zip(p, cands) if ok)
            grad = [l2 * wi for wi in w]
            for pi, (x, ok) in zip(p, cands):
                q = pi / pc if ok else 0.0
                d = pi - q
                if d == 0.0:
                    continue
                for j, xj in enumerate(x):
                    if xj:
                        grad[j] += d * xj
            for j, g in enumerate(grad):
                g2[j] += g * g
                w[j] -= lr * g / math.sqrt(g2[j])
    return w


def accuracy(w, pages):
    hits = 0
    for cands, _ in pages:
        if not cands:
            continue
        z = scores(w, cands)
        best = max(range(len(cands)), key=lambda i: z[i])
        hits += cands[best][1]
    return hits


def simple_choice(cands, names):
    """The rule the model must beat (title.cpp simple_title): the first h1 when the <title>,
    og:title or JSON-LD headline say the same; else og:title, the <title>, the JSON-LD headline
    (each without the site's name), the first h1, in that order."""
    ix = {n: i for i, n in enumerate(names)}
    f = lambda x, n: x[ix[n]] > 0
    meta = ("agree_og", "agree_title", "agree_ld", "src_og", "src_title", "src_ld")
    for i, (x, _) in enumerate(cands):
        if f(x, "src_h1_0") and any(f(x, m) for m in meta):
            return i
    for src in ("src_og", "src_title", "src_ld", "src_h1_0"):
        for i, (x, _) in enumerate(cands):
            if f(x, src):
                return i
    return 0


def confidence(w, cands):
    """(index of the model's best candidate, its softmax probability among the page's candidates)."""
    z = scores(w, cands)
    m = max(z)
    e = [math.exp(v - m) for v in z]
    best = max(range(len(cands)), key=lambda i: z[i])
    return best, e[best] / sum(e)


THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


BINS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.8, 1.01)


def by_confidence(held, names, w, acc):
    """acc[bin] += (pages, model right, rule right) for the model's confidence bins."""
    for cands, _ in held:
        if not cands:
            continue
        best, p = confidence(w, cands)
        b = max(i for i, lo in enumerate(BINS) if p >= lo)
        n, m, r = acc.get(b, (0, 0, 0))
        acc[b] = (n + 1, m + cands[best][1], r + cands[simple_choice(cands, names)][1])


def gated(held, names, w):
    """Per threshold: pages right when the model's choice is used only at or above it."""
    hits = {t: 0 for t in THRESHOLDS}
    for cands, _ in held:
        if not cands:
            continue
        best, p = confidence(w, cands)
        rule = simple_choice(cands, names)
        for t in THRESHOLDS:
            hits[t] += cands[best if p >= t else rule][1]
    return hits


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pairs", nargs="+", help="SET_DIR PRED.jsonl [SET_DIR PRED.jsonl ...]")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--lr", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeats", type=int, default=1, help="cross-validate this many times, sites dealt anew")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--unseen", nargs="*", default=[], metavar="SET_DIR PRED.jsonl",
                    help="sets scored with the final weights, never trained on")
    a = ap.parse_args()
    if len(a.pairs) % 2:
        sys.exit("give SET_DIR PRED.jsonl pairs")
    names = feature_names()
    pages = []
    for i in range(0, len(a.pairs), 2):
        pages += load(a.pairs[i], a.pairs[i + 1], names)
    kw = dict(l2=a.l2, epochs=a.epochs, lr=a.lr, seed=a.seed)
    reachable = sum(any(ok for _, ok in c) for c, _ in pages)
    hosts = sorted({h for _, h in pages})
    hits_per_repeat = []
    gate = {t: 0 for t in THRESHOLDS}
    bins = {}
    for r in range(a.repeats):
        # Each repeat deals the sites into folds differently: the spread of the repeats is how
        # much the held-out accuracy depends on which sites happen to be held out together.
        order = list(hosts)
        random.Random(7 + r).shuffle(order)
        fold_of = {h: i % a.folds for i, h in enumerate(order)}
        hits = 0
        for k in range(a.folds):
            w = train([p for p in pages if fold_of[p[1]] != k], **kw)
            held = [p for p in pages if fold_of[p[1]] == k]
            hits += accuracy(w, held)
            for t, h in gated(held, names, w).items():
                gate[t] += h
            by_confidence(held, names, w, bins)
        hits_per_repeat.append(hits / len(pages))
    mean = statistics.fmean(hits_per_repeat)
    spread = statistics.pstdev(hits_per_repeat) if len(hits_per_repeat) > 1 else 0.0
    rule_hits = sum(c[simple_choice(c, names)][1] for c, _ in pages if c)
    print(f"pages {len(pages)}, a correct candidate exists on {reachable} ({reachable / len(pages):.3f})")
    print(f"simple rule (no learning): {rule_hits / len(pages):.3f}")
    print(f"{a.folds}-fold cross-validated title accuracy (grouped by site), {a.repeats} repeat(s): "
          f"{mean:.3f} (sd {spread:.3f})")
    print("model's choice only at softmax confidence >= t, else the simple rule (same folds):")
    print("  " + "  ".join(f"t={t:.2f}: {h / len(pages) / a.repeats:.3f}" for t, h in gate.items()))
    print("held-out pages by the model's confidence: pages, model right, simple rule right")
    for b in sorted(bins):
        n, m, r = bins[b]
        print(f"  [{BINS[b]:.2f}, {BINS[b + 1]:.2f}): {n:4d}  model {m / n:.3f}  rule {r / n:.3f}")
    w = train(pages, **kw)
    print(f"in-sample accuracy: {accuracy(w, pages) / len(pages):.3f}")
    for i in range(0, len(a.unseen), 2):
        unseen = load(a.unseen[i], a.unseen[i + 1], names)
        g = gated(unseen, names, w)
        print(f"unseen {os.path.basename(a.unseen[i].rstrip('/'))} ({len(unseen)} pages): rule "
              f"{sum(c[simple_choice(c, names)][1] for c, _ in unseen if c) / len(unseen):.3f}, "
              + ", ".join(f"t={t:.2f}: {h / len(unseen):.3f}" for t, h in g.items()))
    for n, v in sorted(zip(names, w), key=lambda t: -abs(t[1])):
        print(f"  {n:18s} {v:+.3f}")
    if a.write:
        lines = [
            "// Generated by tools/train_title.py: do not edit by hand.",
            f"constexpr size_t kTitleModelFeatureCount = {len(names)};",
            'static_assert(kTitleModelFeatureCount == kTitleFeatureCount, "retrain: tools/train_title.py");',
            "constexpr float kTitleWeights[kTitleFeatureCount] = {",
        ]
        for j in range(0, len(names), 4):
            lines.append("    " + " ".join(f"{w[k]:.4f}f, /*{names[k]}*/" for k in range(j, min(j + 4, len(names)))))
        lines.append("};")
        with open(MODEL, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        print(f"wrote {os.path.normpath(MODEL)}")


if __name__ == "__main__":
    main()
