"""What tools/train_title.py and tools/train_page_type.py share: the feature names of an X-macro
in a C++ header, and the pages of a prediction file (from a -DPITH_RECORD_FEATURES build)
joined with the set's truth and the site they belong to (for site-grouped cross-validation)."""
import json
import os
import re


def feature_names(header, macro):
    """The names X(name) listed by `#define MACRO(X) ...` in header (C++ X-macro)."""
    with open(header, encoding="utf-8") as f:
        h = f.read()
    m = re.search(r"#define " + macro + r"\(X\)(.*?)\n\n", h, re.S)
    return re.findall(r"X\((\w+)\)", m.group(1))


def parse_features(text, names):
    """"a=1 b=0.5 ..." -> [values in the order of names]."""
    kv = dict(p.split("=") for p in text.split())
    return [float(kv[n]) for n in names]


def joined_records(set_dir, pred):
    """(record, truth, page id, site host) for each prediction record whose page has a truth."""
    truth = {}
    with open(os.path.join(set_dir, "truth.jsonl"), encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            truth[str(r["id"])] = r
    with open(pred, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            # The page id is the file name without its extensions; ids may hold dots
            # (newspaper's "247wallst.com1"), so only the known endings are cut.
            pid = re.sub(r"\.html?(\.gz)?$", "", os.path.basename(r.get("source") or ""))
            t = truth.get(pid)
            if t is None:
                continue
            host = re.sub(r"^www\.", "", (re.match(r"https?://([^/]+)", t.get("url") or "") or [None, pid])[1])
            yield r, t, pid, host
