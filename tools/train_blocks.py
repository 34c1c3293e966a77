#!/usr/bin/env python3
"""A learned block classifier on top of the rules (issue 12): does it help on pages it never saw?

Every block of a page (blocks.cpp: the smallest element wholly kept, wholly dropped by one rule or
wholly outside the main container) gets features that mean the same on every site (its size,
link density, sentence ends, tag and ancestors' tags, depth, place in the page, whether the rules
kept it and which rule dropped it, class/id words, its neighbours' fate) and a label: whether its
words are in the page's truth text. A logistic regression or small gradient-boosted trees (numpy
only) are trained with folds grouped by site host across the sets; on each held-out fold the
classifier either decides alone (p >= 0.5) or may flip the rules' decision only at high
confidence (keep a dropped block when p >= hi, drop a kept one when p <= lo; hi and lo chosen on
the training folds), and the page's text is rebuilt from its blocks and scored with score.py,
beside the rules' own text rebuilt the same way and the ceiling of deciding every block as its
label says. Results: bench/results/2026-12-06-block-classifier.md.

    # 1. a build that writes every block (uncapped text) to the warnings
    cmake -S . -B build-features -G Ninja -DCMAKE_BUILD_TYPE=Release \\
          -DCMAKE_CXX_FLAGS="-DPITH_RECORD_FEATURES" && cmake --build build-features --target pith_cli
    for s in dev wcxb-dev magic-html newspaper goose3; do
      build-features/pith extract ../shared/bench/$s/pages --format jsonl -o /tmp/blocks/$s.raw.jsonl
    done
    # 2. cross-validate (numbers on held-out sites only)
    tools/train_blocks.py /tmp/blocks --page-weights [--model gbdt --rounds 60] [--seed N]

    # 3. the model in the extractor: the built-in one, or one file per fold scored held-out
    tools/train_blocks.py /tmp/blocks --model gbdt --rounds 60 --page-weights --export src/extract/block_model.inc --inc
    tools/cv_blocks.sh /tmp/blocks

The features are computed by the extractor (src/extract/block_model.cpp, documented in
block_model.h) and read here by name, so training and extraction share one definition.

goose3's truth is snippets, not text: its blocks cannot be labelled, so it is never trained on,
only evaluated (held out like the others, by its sites).
"""
import argparse
import json
import math
import os
import pickle
import random
import re
import sys
from collections import Counter

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train_common import feature_names, joined_records  # noqa: E402


SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "bench")
SETS = ["dev", "wcxb-dev", "magic-html", "newspaper", "goose3"]
TRAIN_SETS = {"dev", "wcxb-dev", "magic-html", "newspaper"}  # goose3: snippets, no text to label with
TOKEN_RE = re.compile(r"\w+")

HEADER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "extract", "block_model.h")
# The features are computed in C++ (src/extract/block_model.cpp, documented in block_model.h) and
# recorded by a -DPITH_RECORD_FEATURES build: one definition, read here by name.
FEATURES = feature_names(HEADER, "PITH_BLOCK_FEATURES")


def parse_blocks(warnings):
    """The blocks a -DPITH_RECORD_FEATURES build records (extractor.cpp), with their features."""
    blocks = []
    for w in warnings:
        if not w.startswith("block:\x1f"):
            continue
        f = w.split("\x1f", 12)
        kv = dict(p.split("=", 1) for p in f[11].split())
        blocks.append({"kept": f[1] == "1", "rule": f[2], "in_main": f[3] == "1", "depth": int(f[4]),
                       "on_path": f[5] == "1", "element": f[6], "path": f[7], "chars": int(f[8]),
                       "link_chars": int(f[9]), "score": float(f[10]), "text": f[12],
                       "x": [float(kv.get(n, 0)) for n in FEATURES]})
    return blocks


def shingles(toks, n=3):
    return {tuple(toks[i:i + n]) for i in range(len(toks) - n + 1)}


def label_blocks(blocks, truth_text):
    """(label, weight) per block: label 1 when most of its word 3-grams (a short block: its whole
    word sequence) are in the truth; weight grows with its words (score.py counts words)."""
    ttoks = [t.lower() for t in TOKEN_RE.findall(truth_text)]
    tsh = shingles(ttoks)
    tjoined = " " + " ".join(ttoks) + " "
    out = []
    for b in blocks:
        toks = [t.lower() for t in TOKEN_RE.findall(b["text"])]
        if not toks:
            out.append((0, 0.0))
            continue
        if len(toks) < 3:
            hit = (" " + " ".join(toks) + " ") in tjoined
        else:
            sh = shingles(toks)
            hit = sum(s in tsh for s in sh) / len(sh) >= 0.5
        out.append((int(hit), math.sqrt(min(len(toks), 400))))
    return out


def load(feature_dir):
    cache = os.path.join(feature_dir, "pages.pickle")
    if os.path.exists(cache):
        with open(cache, "rb") as f:
            return pickle.load(f)
    pages = []
    for s in SETS:
        raw = os.path.join(feature_dir, s + ".raw.jsonl")
        if not os.path.exists(raw):
            sys.exit(f"{raw}: missing; see the usage at the top")
        for r, t, pid, host in joined_records(os.path.join(SHARED, s), raw):
            blocks = parse_blocks(r.get("warnings", []))
            page = {"set": s, "id": pid, "host": host, "blocks": blocks, "text": r.get("text") or "",
                    "X": np.array([b.pop("x") for b in blocks], dtype=np.float64).reshape(len(blocks), len(FEATURES))}
            if s in TRAIN_SETS and t.get("text") is not None:
                lw = label_blocks(blocks, t["text"])
                page["y"] = np.array([l for l, _ in lw], dtype=np.float64)
                page["w"] = np.array([w for _, w in lw], dtype=np.float64)
            pages.append(page)
    with open(cache, "wb") as f:
        pickle.dump(pages, f)
    return pages


def folds_by_host(pages, k, seed):
    hosts = sorted({p["host"] for p in pages})
    random.Random(seed).shuffle(hosts)
    fold = {h: i % k for i, h in enumerate(hosts)}
    return [fold[p["host"]] for p in pages]


def fit(X, y, w, l2=1e-3, iters=400):
    """Weighted logistic regression by Newton's method (IRLS); X standardised here."""
    mu, sd = X.mean(0), X.std(0)
    sd[sd < 1e-9] = 1.0
    Z = np.hstack([np.ones((len(X), 1)), (X - mu) / sd])
    beta = np.zeros(Z.shape[1])
    sw = w.sum()
    for _ in range(30):
        p = 1 / (1 + np.exp(-(Z @ beta)))
        g = Z.T @ (w * (p - y)) / sw + l2 * np.r_[0, beta[1:]]
        H = (Z * (w * p * (1 - p))[:, None]).T @ Z / sw + l2 * np.diag(np.r_[0, np.ones(len(beta) - 1)])
        step = np.linalg.solve(H, g)
        beta -= step
        if np.abs(step).max() < 1e-6:
            break
    # fold the standardisation into the weights: p = sigmoid(b0 + x . b)
    coef = beta[1:] / sd
    return beta[0] - (mu * coef).sum(), coef


def fit_gbdt(X, y, w, rounds=150, depth=3, rate=0.1, bins=32, min_hess=20.0):
    """Gradient-boosted trees on the logistic loss, numpy only: features cut at quantiles, each
    tree grown level by level from histograms of gradients and hessians."""
    edges = [np.unique(np.quantile(X[:, j], np.linspace(0, 1, bins + 1)[1:-1])) for j in range(X.shape[1])]
    B = np.stack([np.searchsorted(e, X[:, j], side="right") for j, e in enumerate(edges)], 1).astype(np.int32)
    base = math.log((w * y).sum() / (w * (1 - y)).sum())
    f = np.full(len(y), base)
    trees = []
    nb = bins + 1
    for _ in range(rounds):
        p = 1 / (1 + np.exp(-f))
        g, h = w * (p - y), w * p * (1 - p)
        node = np.zeros(len(y), dtype=np.int64)
        splits = []
        for level in range(depth):
            nodes = 1 << level
            level_splits = []
            best = [(0.0, -1, 0)] * nodes
            G = np.bincount(node, g, nodes)
            H = np.bincount(node, h, nodes)
            for j in range(X.shape[1]):
                idx = node * nb + B[:, j]
                gh = np.bincount(idx, g, nodes * nb).reshape(nodes, nb).cumsum(1)
                hh = np.bincount(idx, h, nodes * nb).reshape(nodes, nb).cumsum(1)
                gr, hr = G[:, None] - gh, H[:, None] - hh
                gain = gh ** 2 / (hh + 1) + gr ** 2 / (hr + 1) - (G ** 2 / (H + 1))[:, None]
                gain[(hh < min_hess) | (hr < min_hess)] = 0
                for nd in range(nodes):
                    b = int(gain[nd].argmax())
                    if gain[nd, b] > best[nd][0]:
                        best[nd] = (gain[nd, b], j, b)
            for nd in range(nodes):
                _, j, b = best[nd]
                level_splits.append((j, b))
            splits.append(level_splits)
            feat = np.array([j for j, _ in level_splits])
            cut = np.array([b for _, b in level_splits])
            fj = np.maximum(feat[node], 0)
            right = (B[np.arange(len(y)), fj] > cut[node]) & (feat[node] >= 0)
            node = node * 2 + right
        leaves = 1 << depth
        G = np.bincount(node, g, leaves)
        H = np.bincount(node, h, leaves)
        value = -rate * G / (H + 1)
        f += value[node]
        trees.append((splits, value))
    return ("gbdt", edges, base, trees)


def predict(model, X):
    if model[0] == "gbdt":
        _, edges, base, trees = model
        B = np.stack([np.searchsorted(e, X[:, j], side="right") for j, e in enumerate(edges)], 1)
        f = np.full(len(X), base)
        for splits, value in trees:
            node = np.zeros(len(X), dtype=np.int64)
            for level_splits in splits:
                feat = np.array([j for j, _ in level_splits])
                cut = np.array([b for _, b in level_splits])
                fj = np.maximum(feat[node], 0)
                right = (B[np.arange(len(X)), fj] > cut[node]) & (feat[node] >= 0)
                node = node * 2 + right
            f += value[node]
        return 1 / (1 + np.exp(-f))
    b0, coef = model
    return 1 / (1 + np.exp(-(b0 + X @ coef)))


def model_text(model):
    """A GBDT in the text format of src/extract/block_model.h parse_block_model: a node's bin cut
    becomes the threshold x >= edges[cut] (searchsorted's right side), a cut past the last edge
    never sends right (inf)."""
    _, edges, base, trees = model
    depth = len(trees[0][0]) if trees else 1
    lines = ["pith-block-model 1", "features " + " ".join(FEATURES), f"depth {depth}", f"base {base!r}"]
    for splits, value in trees:
        parts = ["tree"]
        for level_splits in splits:
            for j, b in level_splits:
                if j < 0:
                    parts += ["-1", "0"]
                else:
                    parts += [str(j), repr(float(edges[j][b])) if b < len(edges[j]) else "inf"]
        parts += [repr(float(v)) for v in value]
        lines.append(" ".join(parts))
    return "\n".join(lines) + "\n"


def write_model(model, path, inc):
    text = model_text(model)
    if inc:
        text = ("// Written by tools/train_blocks.py --export --inc: the block classifier's trees in the text format of\n"
                "// block_model.h parse_block_model (block_model.cpp includes it as a string).\n"
                'R"MODEL(' + text + ')MODEL"\n')
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def rebuilt_text(page, keep):
    return "\n\n".join(b["text"] for b, k in zip(page["blocks"], keep) if k and b["text"])


def decisions(page, p, hi, lo):
    kept = np.array([b["kept"] for b in page["blocks"]], dtype=bool)
    return np.where(kept, p > lo, p >= hi)


def score_sets(pages, texts, sets):
    """score.py's F1 per set for {page id: text}."""
    sys.path.insert(0, SHARED)
    import score
    out = {}
    for s in sets:
        _, truth = score.load_truth(os.path.join(SHARED, s))
        preds = {p["id"]: {"text": texts[(p["set"], p["id"])]} for p in pages if p["set"] == s}
        truth = [r for r in truth if str(r["id"]) in preds]
        res, _ = score.evaluate(truth, preds, 4, 0, 0)
        out[s] = res["f1"]
    return out


def quick_page_f1(page, text, truth_tokens):
    """Bag-of-words F1 of one page (score.py's wordf1), for choosing thresholds on training pages."""
    p = Counter(t.lower() for t in TOKEN_RE.findall(text))
    t = truth_tokens
    if not t or not p:
        return float(not t and not p)
    c = sum((t & p).values())
    if not c:
        return 0.0
    pr, rc = c / sum(p.values()), c / sum(t.values())
    return 2 * pr * rc / (pr + rc)


GRID_HI = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 1.01]
GRID_LO = [-0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("feature_dir")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--model", choices=["logit", "gbdt"], default="logit")
    ap.add_argument("--rounds", type=int, default=150)
    ap.add_argument("--page-weights", action="store_true",
                    help="weigh each page's blocks to sum to 1 (score.py averages pages), not by words")
    ap.add_argument("--export", metavar="FILE",
                    help="train the GBDT on every labelled page (with --fold-model K: on the other folds) and "
                         "write it in block_model.h's text format; no cross-validation")
    ap.add_argument("--inc", action="store_true", help="--export as the C++ include src/extract/block_model.inc")
    ap.add_argument("--fold-model", type=int, metavar="K", help="--export: leave out fold K's sites")
    ap.add_argument("--pages", metavar="FILE", help="--fold-model: write fold K's pages (SET/ID per line)")
    args = ap.parse_args()

    pages = load(args.feature_dir)
    if args.page_weights:
        for p in pages:
            if "w" in p and p["w"].sum() > 0:
                p["w"] = p["w"] ** 2 / (p["w"] ** 2).sum() * 100
    truths = {}
    for s in TRAIN_SETS:
        with open(os.path.join(SHARED, s, "truth.jsonl"), encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                truths[(s, str(r["id"]))] = Counter(t.lower() for t in TOKEN_RE.findall(r.get("text") or ""))
    fold_of = folds_by_host(pages, args.folds, args.seed)
    print(f"{len(pages)} pages, {sum(len(p['blocks']) for p in pages)} blocks, "
          f"{len({p['host'] for p in pages})} sites, {args.folds} folds grouped by site", file=sys.stderr)

    if args.export:
        k = args.fold_model
        train = [p for p, f in zip(pages, fold_of) if f != k and "y" in p]
        model = fit_gbdt(np.vstack([p["X"] for p in train]), np.concatenate([p["y"] for p in train]),
                         np.concatenate([p["w"] for p in train]), args.rounds)
        write_model(model, args.export, args.inc)
        if args.pages and k is not None:
            with open(args.pages, "w", encoding="utf-8") as f:
                for p, fo in zip(pages, fold_of):
                    if fo == k:
                        f.write(f"{p['set']}/{p['id']}\n")
        print(f"{args.export}: {len(train)} training pages", file=sys.stderr)
        return

    probs = [None] * len(pages)
    chosen = []
    grid_texts = {}
    for k in range(args.folds):
        train = [p for p, f in zip(pages, fold_of) if f != k and "y" in p]
        X = np.vstack([p["X"] for p in train])
        y = np.concatenate([p["y"] for p in train])
        w = np.concatenate([p["w"] for p in train])
        model = fit_gbdt(X, y, w, args.rounds) if args.model == "gbdt" else fit(X, y, w, args.l2)
        print(f"fold {k}: {len(train)} training pages", file=sys.stderr)
        # hi and lo: the pair that maximises the training pages' mean F1 (in-sample, never held-out)
        train_p = [predict(model, p["X"]) for p in train]
        rules_f1 = [quick_page_f1(p, rebuilt_text(p, [b["kept"] for b in p["blocks"]]), truths[(p["set"], p["id"])])
                    for p in train]
        best, best_f1 = (1.01, -0.01), -1
        for hi in GRID_HI:
            for lo in GRID_LO:
                f1 = 0.0
                for p, q, base in zip(train, train_p, rules_f1):
                    keep = decisions(p, q, hi, lo)
                    if all(k == b["kept"] for k, b in zip(keep, p["blocks"])):
                        f1 += base
                    else:
                        f1 += quick_page_f1(p, rebuilt_text(p, keep), truths[(p["set"], p["id"])])
                f1 /= len(train)
                if f1 > best_f1 + 1e-9:
                    best, best_f1 = (hi, lo), f1
        chosen.append(best)
        for i, (p, f) in enumerate(zip(pages, fold_of)):
            if f == k:
                probs[i] = predict(model, p["X"])
                probs[i] = (probs[i], best)

    # block-level quality on held-out pages
    ys = np.concatenate([p["y"] for p in pages if "y" in p])
    ws = np.concatenate([p["w"] for p in pages if "y" in p])
    ps = np.concatenate([q for p, (q, _) in zip(pages, probs) if "y" in p])
    rules = np.concatenate([[b["kept"] for b in p["blocks"]] for p in pages if "y" in p]).astype(float)
    acc_rules = (ws * (rules == ys)).sum() / ws.sum()
    acc_model = (ws * ((ps >= 0.5) == ys)).sum() / ws.sum()
    print(f"held-out blocks, word-weighted accuracy: rules {acc_rules:.4f}, classifier alone {acc_model:.4f}")
    print("thresholds chosen on the training folds (hi, lo):", chosen)

    texts_actual = {(p["set"], p["id"]): p["text"] for p in pages}
    texts_rules = {(p["set"], p["id"]): rebuilt_text(p, [b["kept"] for b in p["blocks"]]) for p in pages}
    texts_model = {(p["set"], p["id"]): rebuilt_text(p, decisions(p, q, *hl)) for p, (q, hl) in zip(pages, probs)}
    texts_alone = {(p["set"], p["id"]): rebuilt_text(p, q >= 0.5) for p, (q, hl) in zip(pages, probs)}
    # the ceiling of any block classifier: every labelled block decided as its label says
    texts_oracle = {(p["set"], p["id"]): rebuilt_text(p, p["y"] > 0) if "y" in p else texts_rules[(p["set"], p["id"])]
                    for p in pages}
    rows = [("pith text (rules)", texts_actual), ("oracle: blocks as labelled", texts_oracle), ("rules, rebuilt from blocks", texts_rules),
            ("rules + classifier flips (held-out)", texts_model), ("classifier alone (held-out)", texts_alone)]
    for hi, lo in [(0.9, 0.05), (0.95, 0.02), (0.8, 0.1), (1.01, 0.05), (0.9, -0.01)]:
        rows.append((f"  fixed hi={hi} lo={lo} (held-out)",
                     {(p["set"], p["id"]): rebuilt_text(p, decisions(p, q, hi, lo)) for p, (q, _) in zip(pages, probs)}))
    print(f"{'':40s}" + "".join(f"{s:>12s}" for s in SETS))
    for name, texts in rows:
        f1 = score_sets(pages, texts, SETS)
        print(f"{name:40s}" + "".join(f"{f1[s]:12.4f}" for s in SETS))

    if args.model == "gbdt":
        return
    full = [p for p in pages if "y" in p]
    model = fit(np.vstack([p["X"] for p in full]), np.concatenate([p["y"] for p in full]),
                np.concatenate([p["w"] for p in full]), args.l2)
    print("weights on all pages (per unit of each feature):")
    for name, c in sorted(zip(FEATURES, model[1]), key=lambda t: -abs(t[1]))[:20]:
        print(f"  {name:28s} {c:+.3f}")


if __name__ == "__main__":
    main()
