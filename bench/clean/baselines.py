#!/usr/bin/env python3
"""The line filters that corpus pipelines apply to WET-like text, as baselines for pith clean.

Reads JSONL ({"id", "text", ...} per page) on stdin; writes one predictions file per method
into OUT_DIR: raw.jsonl, c4-lines.jsonl, c4-page.jsonl, fineweb-lines.jsonl, fineweb-page.jsonl.

C4 (Raffel et al. 2020, JMLR 21(140), Sec. 2.2 "The Colossal Clean Crawled Corpus"), with the
thresholds of the reference code, tensorflow_datasets/text/c4_utils.py `clean_page` (defaults
_MIN_WORDS_PER_LINE = 5, _MIN_NUM_SENTENCES = 3, _MAX_WORD_LENGTH = 1000, _END_MARKS =
('.', '?', '!', '"'), _ELLIPSIS = '...', _POLICY_SUBSTRINGS, citation regex). Per line: drop
a line with a word over 1000 characters; remove citation marks; drop a line that does not end in
an end mark or ends in an ellipsis; drop a line with fewer than 5 words; drop a line containing
"javascript"; drop a line containing a policy phrase. Per page: drop the page on "lorem ipsum"
or "{" in a kept line, or when the kept lines hold fewer than 3 sentences.

FineWeb (Penedo et al. 2024, "The FineWeb Datasets", NeurIPS D&B; pipeline in datatrove
examples/fineweb.py) runs datatrove's C4QualityFilter with filter_no_terminal_punct=False and
its defaults (min_words_per_line=3, max_word_length=1000, min_num_sentences=5, javascript,
policy, lorem ipsum, curly bracket, citations; datatrove src/datatrove/pipeline/filters/
c4_filters.py), then FineWebQualityFilter (fineweb_quality_filter.py: drop the document when
the share of lines ending in . ' " ! ? is <= 0.12, when the share of lines of <= 30 characters is
>= 0.67, when duplicated lines hold >= 1% of the characters, or when newlines / words > 0.3).
The only filters of FineWeb that remove lines are those of C4QualityFilter; the others remove
whole documents. FineWeb also runs Gopher quality/repetition filters (whole documents; not
implemented here) on trafilatura output, not on WET text.

Variants: *-lines apply the line rules only (a page is never emptied: the strongest form of the
baseline for this task); *-page add the page rules (a dropped page predicts empty text).
Not implemented: C4's bad-words page filter (a content policy, not boilerplate) and C4's
corpus-wide line dedup (cross-page; see pith clean --learn-boilerplate for that part).
Sentence counts use a punctuation splitter instead of NLTK punkt (not installable here).
"""
import json
import os
import re
import sys

# tensorflow_datasets/text/c4_utils.py
C4_MIN_WORDS_PER_LINE = 5
C4_MIN_NUM_SENTENCES = 3
C4_MAX_WORD_LENGTH = 1000
C4_END_MARKS = (".", "?", "!", '"')
ELLIPSIS = "..."
POLICY_SUBSTRINGS = ["terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies",
                     "use cookies"]
CITATION_REGEX = re.compile(r"\[\d*\]|\[edit\]|\[citation needed\]")

# datatrove C4QualityFilter defaults, as FineWeb runs it (filter_no_terminal_punct=False)
FW_MIN_WORDS_PER_LINE = 3
FW_MIN_NUM_SENTENCES = 5
# datatrove FineWebQualityFilter defaults
FW_LINE_PUNCT_THR = 0.12
FW_SHORT_LINE_THR = 0.67
FW_SHORT_LINE_LENGTH = 30
FW_CHAR_DUP_RATIO = 0.01
FW_NEW_LINE_RATIO = 0.3
FW_STOP_CHARS = (".", "'", '"', "!", "?")

SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s|$)")
WORD_TOKEN = re.compile(r"\w+|[^\w\s]")


def count_sentences(line):
    return max(1, len(SENTENCE_END.findall(line))) if line.strip() else 0


def c4_lines(text, page_rules):
    kept, sentences = [], 0
    for line in text.splitlines():
        line = line.strip()
        if any(len(w) > C4_MAX_WORD_LENGTH for w in line.split()):
            continue
        line = CITATION_REGEX.sub("", line)
        if not line.endswith(C4_END_MARKS) or line.endswith(ELLIPSIS):
            continue
        if len(line.split()) < C4_MIN_WORDS_PER_LINE:
            continue
        low = line.lower()
        if "lorem ipsum" in low and page_rules:
            return ""
        if "javascript" in low:
            continue
        if "{" in line and page_rules:
            return ""
        if any(p in low for p in POLICY_SUBSTRINGS):
            continue
        sentences += count_sentences(line)
        kept.append(line)
    if page_rules and sentences < C4_MIN_NUM_SENTENCES:
        return ""
    return "\n".join(kept).strip()


def fineweb_quality_keeps(text):
    lines = text.split("\n")
    if sum(1 for l in lines if l.endswith(FW_STOP_CHARS)) / len(lines) <= FW_LINE_PUNCT_THR:
        return False
    if sum(1 for l in lines if len(l) <= FW_SHORT_LINE_LENGTH) / len(lines) >= FW_SHORT_LINE_THR:
        return False
    seen, dup_chars = set(), 0
    for l in (l for l in lines if l.strip()):
        if l in seen:
            dup_chars += len(l)
        else:
            seen.add(l)
    if dup_chars / max(1, len(text.replace("\n", ""))) >= FW_CHAR_DUP_RATIO:
        return False
    words = WORD_TOKEN.findall(text)
    if not words or text.count("\n") / len(words) > FW_NEW_LINE_RATIO:
        return False
    return True


def fineweb_lines(text, page_rules):
    kept, sentences = [], 0
    for line in text.splitlines():
        line = line.strip()
        words = line.split()
        if any(len(w) > C4_MAX_WORD_LENGTH for w in words):
            continue
        line = CITATION_REGEX.sub("", line)
        if len(words) < FW_MIN_WORDS_PER_LINE:
            continue
        low = line.lower()
        if "lorem ipsum" in low and page_rules:
            return ""
        if "javascript" in low:
            continue
        if "{" in line and page_rules:
            return ""
        if any(p in low for p in POLICY_SUBSTRINGS):
            continue
        sentences += count_sentences(line)
        kept.append(line)
    if not page_rules:
        return "\n".join(kept).strip()
    if sentences < FW_MIN_NUM_SENTENCES:
        return ""
    out = "\n".join(kept).strip()
    return out if out and fineweb_quality_keeps(out) else ""


METHODS = {
    "raw": lambda t: t,
    "c4-lines": lambda t: c4_lines(t, False),
    "c4-page": lambda t: c4_lines(t, True),
    "fineweb-lines": lambda t: fineweb_lines(t, False),
    "fineweb-page": lambda t: fineweb_lines(t, True),
}


def main():
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    files = {m: open(os.path.join(out_dir, m + ".jsonl"), "w", encoding="utf-8") for m in METHODS}
    for line in sys.stdin:
        rec = json.loads(line)
        for m, fn in METHODS.items():
            files[m].write(json.dumps({"id": rec["id"], "text": fn(rec.get("text") or "")}, ensure_ascii=False) + "\n")
    for f in files.values():
        f.close()


if __name__ == "__main__":
    main()
