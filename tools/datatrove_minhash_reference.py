#!/usr/bin/python3
"""datatrove's MinHash signature of a text, restated with numpy and xxhash (Debian:
python3-numpy, python3-xxhash), to check pith dedup --datatrove against (tests/dedup).

The scheme (datatrove src/datatrove/pipeline/dedup/minhash.py, MinhashDedupSignature, with
MinhashConfig's defaults: 5-grams, 14 buckets x 8 hashes, seed 1, HashConfig(precision=64,
hash_fc="xxhash")): simplify_text (lower case, white space collapsed, its PUNCTUATION deleted,
NFD without Mn, \\d+ -> 0), words, " ".join of each 5-gram hashed with xxh64_intdigest, then
(h * a + b) % (2^61 - 1) in uint64 with a, b from numpy.random.RandomState(seed).randint,
and the minimum per function. Words are split on white space here (datatrove uses NLTK or
spaCy, which also split on white space once the punctuation is gone, but for a few
contractions such as "cannot").

    tools/datatrove_minhash_reference.py "some text ..."   # prints a and b's first values, the shingles and the signature
"""
import re
import sys
import unicodedata

import numpy as np
import xxhash

MERSENNE = np.uint64((1 << 61) - 1)
PUNCTUATION = "!/—”:％１〈&(、━\\【#%「」，】；+^]~“《„';’{|∶´[=-`*．（–？！：$～«〉,><》)?）。…@_.\"}►»" + "".join(
    map(chr, (x for a, b in ((0, 9), (11, 13), (13, 32), (127, 160)) for x in range(a, b)))
)


def simplify_text(text):
    text = text.lower()
    text = re.sub(r"\s+", " ", text.strip())
    text = text.translate(str.maketrans("", "", PUNCTUATION))
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    text = re.sub(r"\d+", "0", text)
    return text.strip()


def parameters(seed, num_hashes):
    gen = np.random.RandomState(seed)
    return (
        gen.randint(1, MERSENNE, dtype=np.uint64, size=(1, num_hashes)),
        gen.randint(0, MERSENNE, dtype=np.uint64, size=(1, num_hashes)),
    )


def signature(text, n=5, buckets=14, rows=8, seed=1):
    words = simplify_text(text).split()
    grams = [" ".join(words[i : i + n]) for i in range(len(words) - n + 1)]
    shingles = np.fromiter((xxhash.xxh64_intdigest(g) for g in grams), dtype=np.uint64).reshape((-1, 1))
    a, b = parameters(seed, buckets * rows)
    if shingles.size == 0:
        return grams, [], a, b
    with np.errstate(over="ignore"):
        phv = (shingles * a + b) % MERSENNE
    return grams, np.min(phv, axis=0).tolist(), a, b


if __name__ == "__main__":
    text = sys.argv[1] if len(sys.argv) > 1 else "The quick brown fox jumps over the lazy dog."
    grams, sig, a, b = signature(text)
    print("normalized:", simplify_text(text))
    print("a[:4]:", a[0, :4].tolist())
    print("b[:4]:", b[0, :4].tolist())
    for g in grams:
        print("shingle:", repr(g), xxhash.xxh64_intdigest(g))
    print("signature[:8]:", sig[:8])
    print("signature[-2:]:", sig[-2:])
