"""pith: the main text and metadata of web pages, from Python.

    import pith

    page = pith.extract(html_bytes, "https://example.com/a")  # pith extract --format json, as a dict
    print(page["title"], page["date"], page["text"])
    cleaned = pith.clean(wet_text, "https://example.com/a")   # pith clean --format json, as a dict
    for r in pith.extract_many(pages, jobs=4):                # dicts or pith.Error values, in order
        ...
    for record in pith.read("crawl.warc.gz"):                 # the input layer's records
        ...
    stats = pith.run("crawl/", "out/", recipe="fineweb", jobs=8)  # pith run; stats.json as a dict

Calls on one page raise a pith.PithError subclass (EmptyInputError, TooLargeError, ...) that
carries the library's error code; batch calls return pith.Error values instead, so one bad page
never stops a batch. Every call into the library releases the GIL.
"""

import os
import threading

from . import _pith
from ._errors import (  # noqa: F401 (re-exported)
    BadInputError,
    BinaryInputError,
    BudgetNodesError,
    BudgetTimeError,
    DecodeError,
    EmptyInputError,
    IoError,
    NoContentError,
    ParseError,
    PithError,
    TooLargeError,
)
from ._pith import Cleaner, Error, Extractor, Record, __version__  # noqa: F401 (re-exported)
from ._pith import dedup, dedup_plan, dedup_stage  # noqa: F401 (re-exported; pith dedup)

__all__ = [
    "extract", "clean", "extract_many", "read", "run", "dedup", "dedup_plan", "dedup_stage", "list_inputs", "Extractor", "Cleaner", "Error", "Record",
    "PithError", "EmptyInputError", "BinaryInputError", "TooLargeError", "DecodeError", "ParseError",
    "BudgetNodesError", "BudgetTimeError", "NoContentError", "IoError", "BadInputError", "__version__",
]

MAX_BYTES = 64 << 20  # Budgets::max_input_bytes: 64 MiB
MAX_MILLIS = 10_000  # Budgets::max_millis: 10 s per page

# pith.extract and pith.clean keep an Extractor / Cleaner per thread and option set, so a loop
# of calls reuses the parser and buffers as the CLI does; a few option sets at most are kept.
_local = threading.local()
_CACHE_LIMIT = 8


def _cached(key, make):
    cache = getattr(_local, "cache", None)
    if cache is None:
        cache = _local.cache = {}
    try:
        obj = cache.get(key)
    except TypeError:  # an unhashable option: the constructor says what is wrong with it
        return make()
    if obj is None:
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        obj = cache[key] = make()
    return obj


def extract(html, url=None, *, format="text", favor="balanced", comments=False, explain=False, charset=None,
            language=None, links=False, images=False, tables=True, parser="html5", max_bytes=MAX_BYTES,
            max_millis=MAX_MILLIS):
    """The main text and metadata of one HTML page, as a dict.

    The dict has exactly the fields of `pith extract --format json` (without "source"): url,
    title, author, author_source, date, date_source, modified, modified_source, sitename,
    description, lang, tags, image, page_type, page_type_confidence, charset, text, comments,
    and, when they apply, markdown, main_element, trace, dropped, warnings. Absent values are None.

    html: bytes (decoded from `charset` when given, else sniffed: BOM, <meta>, UTF-8 check,
      uchardet) or str (taken as already decoded).
    url: the page's URL (metadata, dates in the path).
    language: the HTTP Content-Language header ("de", "pt-BR"), when known: the page's language
      where its markup names none (lang_source "http"), as a browser takes it.
    format: "text", or "markdown" to add a "markdown" field (CommonMark with GFM tables).
    favor: "precision", "balanced" or "recall".
    comments: extract the comment section into "comments".
    explain: add "dropped" (every dropped block with its rule), "main_element" and "trace".
    links, images: markdown keeps link targets, images. tables: keep tables (default).
    parser: "html5" (pith's own) or "libxml2". max_bytes, max_millis: budgets per page.

    Raises a PithError subclass with .code when the page cannot be extracted (EmptyInputError,
    BinaryInputError, TooLargeError, ...), TypeError for arguments of the wrong type, ValueError
    for unknown option values. The GIL is released while the page is extracted; each thread
    reuses its own extractor.
    """
    key = ("extract", format, favor, comments, explain, links, images, tables, parser, max_bytes, max_millis)
    extractor = _cached(key, lambda: Extractor(format=format, favor=favor, comments=comments, links=links,
                                               images=images, tables=tables, explain=explain, parser=parser,
                                               max_bytes=max_bytes, max_millis=max_millis))
    return extractor.extract(html, url, charset=charset, language=language)


def clean(text, url=None, *, keep_title=False, max_bytes=MAX_BYTES, max_line_bytes=1 << 20, max_millis=MAX_MILLIS):
    """The article lines of a page's text that a crawler already extracted (a WET record, a scrape).

    Returns a dict with the fields of `pith clean --format json` (without "source"): url, title,
    date, text, lines, kept_lines, list_like, dropped (a list of {line, reason, text}), noise
    (score and counts), warnings.

    text: str, or bytes in UTF-8 (bad bytes become U+FFFD). url: the page's URL, when known.
    keep_title: keep the headline line in the text too. max_bytes, max_line_bytes, max_millis:
    budgets. Raises a PithError subclass (EmptyInputError, BinaryInputError, TooLargeError)
    when the text cannot be cleaned, TypeError for arguments of the wrong type.
    """
    key = ("clean", keep_title, max_bytes, max_line_bytes, max_millis)
    cleaner = _cached(key, lambda: Cleaner(keep_title=keep_title, max_bytes=max_bytes,
                                           max_line_bytes=max_line_bytes, max_millis=max_millis))
    return cleaner.clean(text, url)


def extract_many(items, *, jobs=None, window=None, format="text", favor="balanced", comments=False, explain=False,
                 links=False, images=False, tables=True, parser="html5", max_bytes=MAX_BYTES, max_millis=MAX_MILLIS):
    """Extracts many pages on `jobs` threads; yields one result per item, in input order.

    items: any iterable (a generator is fine) of str or bytes (the HTML), (html, url) or
    (html, url, charset) tuples, dicts {"html": ..., "url": ..., "charset": ..., "language": ...},
    or pith.Record objects from pith.read. A Record is extracted as `pith extract` extracts it:
    with its HTTP status (a 4xx/5xx page has no main text), its date (no page date after the
    crawl) and its Content-Language header.
    Each result is a dict as pith.extract returns, or a pith.Error value (.code, .message) for a
    page that could not be extracted or an item that is no page: a bad item never stops the
    batch. Only an exception raised by the iterable itself ends it (after the results before it).

    The pages are extracted with the GIL released on `jobs` threads (None: every core). Items
    are pulled from the iterable only as results are consumed, at most `window` results ahead
    (None: 16 per thread + 16), so memory does not grow with the input. Options as for
    pith.extract.
    """
    return _pith.ExtractBatch(iter(items), format=format, favor=favor, comments=comments, links=links, images=images,
                              tables=tables, explain=explain, parser=parser, max_bytes=max_bytes,
                              max_millis=max_millis, jobs=0 if jobs is None else jobs,
                              window=0 if window is None else window)


def read(paths, *, format="auto", kind="any", field="text", url_field="url", url=None, charset=None,
         max_record_bytes=MAX_BYTES, exclude=None):
    """Every record of the inputs, in order, as pith.Record objects: the input layer of pith's commands.

    paths: a path, folder (read recursively), quoted glob or "-" (stdin), or a list of them;
    plain, gzip or zstd; HTML pages, text pages, JSONL, WARC/WET, WARC/0.18 and ARC, each found
    by content (or as `format` says: "auto", "html", "text", "jsonl", "warc").
    kind: what to take from crawl files: "any", "html" (WET conversions come as skip records) or
    "text" (HTML responses come as skip records).
    field, url_field: JSONL, the fields with the page (or its text) and its URL.
    url, charset: for whole-file pages. max_record_bytes: larger records are bad ("too_large").
    exclude: paths never read by a folder walk or glob (an output folder).

    Every record comes once: a page (kind "html" or "text"), a "skip" with the reason it is no
    page, or a "bad" record with its error (unreadable files and stream damage too).
    """
    return _pith.RecordIterator(paths, format=format, kind=kind, field=field, url_field=url_field, url=url,
                                charset=charset, max_record_bytes=max_record_bytes, exclude=exclude)


def run(inputs, output, *, recipe="fineweb", jobs=None, format="jsonl.gz", progress=None, on_message=None,
        restart=False, shard=None, rejects=None, languages=None, lang_threshold=None, lang_model=None, badwords=None,
        clean=True, pii=True, dedup=True, favor="balanced", text_format="text", comments=False, input_field="text",
        input_type="auto", max_record_bytes=MAX_BYTES, max_inflight_mb=256, parts_only=False):
    """Builds a corpus as `pith run` does: crawl files in, filtered and deduplicated JSONL out.

    inputs: WARC/WET/ARC/JSONL files (plain, .gz or .zst), folders, globs, or a list of them;
    or a list of the dicts pith.list_inputs returns, taken as listed (each keeps its rel, so
    its part name).
    output: the output folder: one part per input, stats.json, done-markers (a run that was
    stopped finishes the missing parts only; restart=True redoes everything).
    recipe: "none", "gopher", "c4" or "fineweb". jobs: threads (None: every core); the output is
    the same for any count. format: "jsonl", "jsonl.gz" or "jsonl.zst".
    progress: called with a dict (records, bytes_raw_done, bytes_raw_total, bytes_uncompressed,
    files_done, files_total) now and then; on_message: called with (file, offset, what) for
    each rejected record or unreadable input. Both run on the calling thread with the GIL; an
    exception they raise is raised when the run ends (the run itself goes on to the end).
    shard: "i/N". rejects: a file for rejected documents. languages, lang_threshold,
    lang_model, badwords: recipe options (as --lang, --lang-threshold, --lang-model,
    --badwords). clean, pii, dedup: pith clean for text records, masking of e-mail and IP
    addresses, exact dedup. favor, text_format ("text" or "markdown"), comments: HTML records.
    parts_only: write the parts of these inputs only, beside other such runs into the same
    folder (one task per input, as pith.dask does): no stats.json and no rejects file, exact
    dedup within this call's inputs; a run of all the inputs afterwards reuses the parts and
    writes them. The dict returned then holds this call's counters.

    Returns stats.json as a dict, plus stats_path, parts_deleted, files_unreadable and
    inputs_not_listed (paths that could not be listed: [{path, what}]). Raises a PithError
    subclass when the run cannot go on (no input, bad recipe, the folder held by another run,
    finished parts that do not match this run). The GIL is released while it runs.
    """
    return _pith.run(inputs, os.fspath(output), recipe=recipe, jobs=0 if jobs is None else jobs, format=format,
                     progress=progress, on_message=on_message, restart=restart, shard=shard,
                     rejects=None if rejects is None else os.fspath(rejects), languages=languages,
                     lang_threshold=lang_threshold, lang_model=lang_model, badwords=badwords, clean=clean, pii=pii,
                     dedup=dedup, favor=favor, text_format=text_format, comments=comments, input_field=input_field,
                     input_type=input_type, max_record_bytes=max_record_bytes, max_inflight_mb=max_inflight_mb,
                     parts_only=parts_only)


def list_inputs(inputs, *, exclude=None):
    """The files `pith run` (and pith.run) reads from `inputs`, in its order, and what could not be listed.

    Returns (files, not_listed): files is a list of dicts {path, root, rel, size, part}: root is
    the argument the file was found from, rel its path below it, part the name of its output
    part (rel with "/" as "__"); not_listed a list of {path, what}. exclude: paths a folder walk
    never reads (an output folder). The dicts can be given back to pith.run as its inputs.
    """
    return _pith.list_inputs(inputs, exclude)
