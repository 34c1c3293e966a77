#!/usr/bin/python3
"""Synthetic corpora with planted near-copies for pith dedup, and its precision and recall.

    tools/gen_near_dups.py generate OUT --docs 20000 [--dup-rate 0.2] [--words 300] [--parts 8]
        OUT/run/part-NNNN.jsonl (+ .done, as pith run leaves its parts) and OUT/planted.jsonl:
        one line per planted copy {copy, source, jaccard, method}. Documents are sentences of
        real text (../shared/bench/*/truth.jsonl when present, else the text bundled below)
        drawn at random; a share of them get a near-copy later in the corpus, edited to a target
        Jaccard similarity in 0.3..1.0 by word edits, sentence edits, or boilerplate added.
    tools/gen_near_dups.py evaluate OUT DEDUP_OUT --rejects REJECTS [--bands 14 --rows 8]
        Recall of the planted copies by Jaccard bin next to the S-curve 1-(1-s^r)^b, and
        precision / recall of removed documents against exact Jaccard >= 0.8 and >= 0.7 (a
        removed document is right when it is that similar to the document it names).
    tools/gen_near_dups.py real RUN_OUT DEDUP_OUT --rejects REJECTS
        The same on real pages (pith run's output of the dev sets): every pair's exact Jaccard
        is the truth (fine for a few thousand pages).

    tools/gen_near_dups.py generate OUT --docs 10000000 --words 40 --parts 32 --stream
        The same layout for scale runs (bench/dedup/bench.sh at 10M documents): documents are
        written as they are made, so memory stays flat whatever --docs is; each is --words words
        drawn from the real sentences' vocabulary, and a share of them get a copy with words
        changed a few documents later in the same part. No planted.jsonl (nothing to evaluate).

Jaccard similarity is that of word 5-gram sets after pith's normalisation for ASCII text (lower
case, punctuation removed, digit runs as 0); --fast skips computing it (benchmark corpora).
Debian's python3 only; no package outside the standard library.
"""
import argparse
import gzip
import json
import os
import random
import re
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"
BUNDLED = """The council met on Tuesday to discuss the new budget for the harbor district.
Residents asked for more money to repair the roads that winter storms had damaged.
The mayor said the city would look for savings before raising any local taxes.
A local teacher started a reading club that now meets every week in the library.
Children bring their favourite books and read aloud to each other for an hour.
The museum opened a new wing dedicated to the history of the river trade.
Old maps, letters and photographs show how the town grew around the port.
Farmers in the valley expect a good harvest after a mild and rainy spring.
Prices at the market have risen slowly over the last two years.
Scientists at the university published a study on the migration of birds.
They tracked hundreds of swallows with tiny sensors attached to their backs.
The results suggest that the birds change their routes when winters are warm.
A new train line will connect the suburbs to the city centre by next autumn.
Engineers are testing the signals and the tunnels before the first passengers ride.
The football club won its third match in a row and climbed to second place.
Fans celebrated in the square until late at night despite the cold weather.""".split("\n")

BOILERPLATE = [
    "Subscribe to our newsletter to get the latest stories delivered to your inbox every morning.",
    "This website uses cookies to improve your experience and to analyse our traffic.",
    "Share this article on social media and tell your friends what you think about it.",
    "All rights reserved. No part of this publication may be reproduced without permission.",
    "Related articles you may also like are listed below with their dates and authors.",
]
VOCAB = ("time year people way day man thing woman life child world school state family student group "
         "country problem hand part place case week company system program question work government "
         "number night point home water room mother area money story fact month lot right study book "
         "eye job word business issue side kind head house service friend father power hour game line").split()


def normalize_words(text):
    text = re.sub(r"[^\w\s]", "", text.lower())
    text = re.sub(r"\d+", "0", text)
    return text.split()


def shingles(text, n=5):
    w = normalize_words(text)
    if len(w) < n:
        return {" ".join(w)} if w else set()
    return {" ".join(w[i : i + n]) for i in range(len(w) - n + 1)}


def jaccard(a, b):
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def load_sentences():
    sentences = []
    for truth in sorted(BENCH.glob("*/truth.jsonl")) if BENCH.is_dir() else []:
        with open(truth, encoding="utf-8") as f:
            for line in f:
                text = json.loads(line).get("text") or ""
                for s in re.split(r"(?<=[.!?])\s+|\n+", text):
                    s = s.strip()
                    if len(s.split()) >= 6:
                        sentences.append(s)
    if len(sentences) < 1000:
        sentences = [s for s in BUNDLED if s.strip()]
        source = "bundled text"
    else:
        source = f"{BENCH}/*/truth.jsonl"
    return sorted(set(sentences)), source


def make_doc(rng, sentences, words):
    out, n = [], 0
    while n < words:
        s = rng.choice(sentences)
        out.append(s)
        n += len(s.split())
    # one paragraph per line, as pith run writes text
    paras, k = [], 0
    while k < len(out):
        step = rng.randint(2, 5)
        paras.append(" ".join(out[k : k + step]))
        k += step
    return "\n".join(paras)


def edit(rng, text, sentences, method, strength):
    """A copy of text edited by `method`; strength 0..1 is how much is changed."""
    if method == "words":
        w = text.split(" ")
        for i in range(len(w)):
            if rng.random() < strength * 0.25:
                w[i] = rng.choice(VOCAB)
        return " ".join(w)
    if method == "sentences":
        parts = re.split(r"(?<=[.!?]) ", text)
        out = []
        for s in parts:
            r = rng.random()
            if r < strength * 0.5:
                continue  # deleted
            if r < strength:
                out.append(rng.choice(sentences))  # replaced
            else:
                out.append(s)
        return " ".join(out) if out else text
    # boilerplate: lines added before and after
    lines = text.split("\n")
    count = max(1, int(strength * len(lines) * 1.5))
    for _ in range(count):
        line = rng.choice(BOILERPLATE) + " " + rng.choice(sentences)
        if rng.random() < 0.5:
            lines.insert(0, line)
        else:
            lines.append(line)
    return "\n".join(lines)


def generate_stream(args):
    """Short documents written as they are made: memory stays flat at any --docs."""
    rng = random.Random(args.seed)
    sentences, source = load_sentences()
    vocab = sorted({w for s in sentences for w in s.split()})
    out = Path(args.out)
    (out / "run").mkdir(parents=True, exist_ok=True)
    per_part = (args.docs + args.parts - 1) // args.parts
    written = copies = 0
    for p in range(args.parts):
        name = f"part-{p:04d}"
        pending = []  # (due index, id, text): copies written a few documents after their source
        with open(out / "run" / f"{name}.jsonl", "w", encoding="utf-8") as f:
            for i in range(p * per_part, min(args.docs, (p + 1) * per_part)):
                text = " ".join(rng.choices(vocab, k=args.words))
                f.write(json.dumps({"id": f"d{i}", "text": text, "metadata": {}}, ensure_ascii=False) + "\n")
                written += 1
                if rng.random() < args.dup_rate:
                    w = text.split(" ")
                    for k in rng.sample(range(len(w)), max(1, int(len(w) * rng.random() * 0.3))):
                        w[k] = rng.choice(vocab)
                    pending.append((i + rng.randint(1, 50), f"c{i}", " ".join(w)))
                while pending and pending[0][0] <= i:
                    _, cid, ctext = pending.pop(0)
                    f.write(json.dumps({"id": cid, "text": ctext, "metadata": {}}, ensure_ascii=False) + "\n")
                    written += 1
                    copies += 1
            for _, cid, ctext in pending:
                f.write(json.dumps({"id": cid, "text": ctext, "metadata": {}}, ensure_ascii=False) + "\n")
                written += 1
                copies += 1
        (out / "run" / f"{name}.done").write_text("synthetic\n")
    print(f"{written} documents ({copies} copies) in {args.parts} parts, words from {source}", file=sys.stderr)


def generate(args):
    if args.stream:
        return generate_stream(args)
    rng = random.Random(args.seed)
    sentences, source = load_sentences()
    out = Path(args.out)
    (out / "run").mkdir(parents=True, exist_ok=True)
    docs = []  # (order key, id, text)
    planted = []
    for i in range(args.docs):
        text = make_doc(rng, sentences, args.words)
        doc_id = f"d{i}"
        docs.append((i * 2, doc_id, text))
        if rng.random() < args.dup_rate:
            method = rng.choice(["words", "sentences", "boilerplate"])
            copy = edit(rng, text, sentences, method, rng.random())
            copy_id = f"c{i}"
            # later in the corpus than its source
            docs.append((i * 2 + 1 + 2 * rng.randint(0, max(1, args.docs // 10)), copy_id, copy))
            j = None if args.fast else round(jaccard(shingles(text), shingles(copy)), 4)
            planted.append({"copy": copy_id, "source": doc_id, "jaccard": j, "method": method})
    docs.sort()
    per_part = (len(docs) + args.parts - 1) // args.parts
    for p in range(args.parts):
        name = f"part-{p:04d}"
        with open(out / "run" / f"{name}.jsonl", "w", encoding="utf-8") as f:
            for _, doc_id, text in docs[p * per_part : (p + 1) * per_part]:
                f.write(json.dumps({"id": doc_id, "text": text, "metadata": {}}, ensure_ascii=False) + "\n")
        (out / "run" / f"{name}.done").write_text("synthetic\n")
    with open(out / "planted.jsonl", "w") as f:
        for p in planted:
            f.write(json.dumps(p) + "\n")
    print(f"{len(docs)} documents ({len(planted)} planted copies) in {args.parts} parts from {source}", file=sys.stderr)


def read_jsonl(path):
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def read_texts(folder):
    texts = {}
    for p in sorted(Path(folder).iterdir()):
        if p.name.endswith((".jsonl", ".jsonl.gz")):
            for d in read_jsonl(p):
                texts[d["id"]] = d["text"]
    return texts


def s_curve(s, r, b):
    return 1 - (1 - s**r) ** b


def report_precision_recall(removed, truth_removed, texts, thresholds, sample, rng):
    """removed: id -> id it duplicates; truth_removed(t): the ids that should be removed at t."""
    rows = []
    ids = sorted(removed)
    picked = ids if len(ids) <= sample else rng.sample(ids, sample)
    sims = {i: jaccard(shingles(texts[i]), shingles(texts[removed[i]])) for i in picked if removed[i] in texts}
    for t in thresholds:
        should = truth_removed(t)
        precision = sum(1 for i in sims if sims[i] >= t) / len(sims) if sims else float("nan")
        recall = len(should & set(removed)) / len(should) if should else float("nan")
        rows.append((t, precision, recall, len(sims), len(should)))
    print("| Jaccard >= | precision (removed docs sampled) | recall | removed sampled | should be removed |")
    print("|---|---|---|---|---|")
    for t, p, r, n, m in rows:
        print(f"| {t} | {p:.3f} | {r:.3f} | {n} | {m} |")


def evaluate(args):
    rng = random.Random(1)
    planted = list(read_jsonl(Path(args.out) / "planted.jsonl"))
    removed = {r["id"]: r.get("duplicate_of") for r in read_jsonl(args.rejects)}
    texts = read_texts(Path(args.out) / "run")
    for p in planted:
        if p["jaccard"] is None:
            p["jaccard"] = jaccard(shingles(texts[p["source"]]), shingles(texts[p["copy"]]))
    print(f"{len(texts)} documents, {len(planted)} planted copies, {len(removed)} removed\n")
    print(f"Planted copies removed, by Jaccard with their source (bands {args.bands} x rows {args.rows}):\n")
    print("| Jaccard | planted | removed | share | S-curve at bin middle |")
    print("|---|---|---|---|---|")
    for lo in [x / 10 for x in range(3, 10)] + [1.0]:
        hi = lo + 0.1 if lo < 1.0 else 1.01
        group = [p for p in planted if lo <= p["jaccard"] < hi]
        if not group:
            continue
        got = sum(1 for p in group if p["copy"] in removed)
        mid = min(1.0, lo + 0.05) if lo < 1.0 else 1.0
        label = f"{lo:.1f}-{hi:.1f}" if lo < 1.0 else "1.0"
        print(f"| {label} | {len(group)} | {got} | {got / len(group):.3f} | {s_curve(mid, args.rows, args.bands):.3f} |")
    print()
    by_method = {}
    for p in planted:
        by_method.setdefault(p["method"], []).append(p)
    print("| edit | planted | mean Jaccard | removed share |")
    print("|---|---|---|---|")
    for m, group in sorted(by_method.items()):
        got = sum(1 for p in group if p["copy"] in removed)
        print(f"| {m} | {len(group)} | {sum(p['jaccard'] for p in group) / len(group):.3f} | {got / len(group):.3f} |")
    print()

    def truth(t):
        return {p["copy"] for p in planted if p["jaccard"] >= t}

    report_precision_recall(removed, truth, texts, [0.8, 0.7], args.sample, rng)
    print("\n(recall: of the planted copies at or above the threshold; documents that are accidentally "
          "similar without being planted are not in the truth set)")


def real(args):
    rng = random.Random(1)
    texts = read_texts(args.run_out)
    removed = {r["id"]: r.get("duplicate_of") for r in read_jsonl(args.rejects)}
    ids = list(texts)  # input order of the parts, as read
    sets = [shingles(texts[i]) for i in ids]
    best = [0.0] * len(ids)  # highest Jaccard with an earlier document
    for i in range(len(ids)):
        for j in range(i):
            if sets[i] and sets[j] and len(sets[i]) <= 3 * len(sets[j]) and len(sets[j]) <= 3 * len(sets[i]):
                s = jaccard(sets[i], sets[j])
                if s > best[i]:
                    best[i] = s
    print(f"{len(ids)} documents of {args.run_out}, {len(removed)} removed by pith dedup")
    hist = {}
    for b in best:
        hist[min(9, int(b * 10))] = hist.get(min(9, int(b * 10)), 0) + 1
    print("documents by highest Jaccard with an earlier one: " +
          ", ".join(f"{k / 10:.1f}+: {v}" for k, v in sorted(hist.items())) + "\n")

    def truth(t):
        return {ids[i] for i in range(len(ids)) if best[i] >= t}

    report_precision_recall(removed, truth, texts, [0.8, 0.7], args.sample, rng)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate")
    g.add_argument("out")
    g.add_argument("--docs", type=int, default=20000)
    g.add_argument("--dup-rate", type=float, default=0.2)
    g.add_argument("--words", type=int, default=300)
    g.add_argument("--parts", type=int, default=8)
    g.add_argument("--seed", type=int, default=1)
    g.add_argument("--fast", action="store_true", help="do not compute the planted pairs' Jaccard")
    g.add_argument("--stream", action="store_true", help="short documents written as made (scale runs)")
    e = sub.add_parser("evaluate")
    e.add_argument("out")
    e.add_argument("dedup_out")
    e.add_argument("--rejects", required=True)
    e.add_argument("--bands", type=int, default=14)
    e.add_argument("--rows", type=int, default=8)
    e.add_argument("--sample", type=int, default=2000)
    r = sub.add_parser("real")
    r.add_argument("run_out")
    r.add_argument("dedup_out")
    r.add_argument("--rejects", required=True)
    r.add_argument("--sample", type=int, default=2000)
    args = ap.parse_args()
    {"generate": generate, "evaluate": evaluate, "real": real}[args.cmd](args)


if __name__ == "__main__":
    main()
