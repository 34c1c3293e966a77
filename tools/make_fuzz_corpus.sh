#!/usr/bin/env bash
# Seed corpus for tests/fuzz/pith_html5_fuzz: every html5lib tree-construction input and
# tokenizer input, and the dev pages (decompressed). Usage: tools/make_fuzz_corpus.sh OUT_DIR
set -euo pipefail
out=${1:?usage: make_fuzz_corpus.sh OUT_DIR}
here=$(cd "$(dirname "$0")/.." && pwd)
shared="$here/../shared"
mkdir -p "$out"
python3 - "$shared/conformance/html5lib-tests" "$out" <<'PY'
import glob, json, os, sys, hashlib
src, out = sys.argv[1], sys.argv[2]
def put(data):
    b = data.encode("utf-8", "surrogatepass")
    with open(os.path.join(out, "h5l-" + hashlib.sha1(b).hexdigest()[:16]), "wb") as f:
        f.write(b)
for path in glob.glob(os.path.join(src, "tree-construction", "*.dat")):
    text = open(path, encoding="utf-8", errors="surrogateescape").read()
    for chunk in text.split("\n\n#data\n"):
        chunk = chunk[len("#data\n"):] if chunk.startswith("#data\n") else chunk
        put(chunk.split("\n#errors\n", 1)[0])
for path in glob.glob(os.path.join(src, "tokenizer", "*.test")):
    for t in json.load(open(path)).get("tests", []):
        put(t["input"])
PY
for f in "$shared"/bench/dev/pages/*.html.gz "$shared"/bench/wcxb-dev/pages/*.html.gz; do
  [ -e "$f" ] || continue
  gzip -dc "$f" > "$out/page-$(basename "$f" .html.gz)"
done
echo "corpus: $(ls "$out" | wc -l) files in $out"
