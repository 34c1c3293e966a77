# Type stubs of the pith package (pith/__init__.py and the compiled pith._pith).
import os
from typing import Dict, Any, Callable, Iterable, Iterator, Literal, Mapping, Optional, Sequence, Tuple, Union

__version__: str
MAX_BYTES: int
MAX_MILLIS: int

Html = Union[str, bytes, bytearray, memoryview]
PathArg = Union[str, bytes, "os.PathLike[str]"]
Favor = Literal["precision", "balanced", "recall"]
TextFormat = Literal["text", "markdown"]
ParserName = Literal["html5", "libxml2"]
# One item of extract_many: the HTML, (html, url), (html, url, charset), a dict or a Record.
Item = Union[Html, Tuple[Html, Optional[str]], Tuple[Html, Optional[str], Optional[str]], Mapping[str, Any], "Record"]

class PithError(Exception):
    code: str
    message: str
    offset: int
    def __init__(self, message: str, offset: int = ...) -> None: ...

class EmptyInputError(PithError): ...
class BinaryInputError(PithError): ...
class TooLargeError(PithError): ...
class DecodeError(PithError): ...
class ParseError(PithError): ...
class BudgetNodesError(PithError): ...
class BudgetTimeError(PithError): ...
class NoContentError(PithError): ...
class IoError(PithError): ...
class BadInputError(PithError): ...

class Error:
    """A per-item error as a value (extract_many, bad records of read)."""

    code: str
    message: str
    offset: int
    def __init__(self, code: str, message: str, offset: int = ...) -> None: ...

class Record:
    """One record of an input file (pith.read)."""

    kind: Literal["html", "text", "skip", "bad"]
    format: str
    path: str
    source: str
    offset: int
    line: int
    id: Optional[str]
    url: Optional[str]
    date: Optional[str]
    charset: Optional[str]
    warc_type: Optional[str]
    reason: Optional[str]
    status: Optional[int]
    headers: Dict[str, str]
    body: bytes
    text: str
    error: Optional[Error]

class Extractor:
    def __init__(
        self,
        *,
        format: TextFormat = ...,
        favor: Favor = ...,
        comments: bool = ...,
        links: bool = ...,
        images: bool = ...,
        tables: bool = ...,
        explain: bool = ...,
        parser: ParserName = ...,
        max_bytes: int = ...,
        max_millis: int = ...,
    ) -> None: ...
    def extract(
        self, html: Html, url: Optional[str] = ..., *, charset: Optional[str] = ..., language: Optional[str] = ...
    ) -> dict[str, Any]: ...

class Cleaner:
    def __init__(
        self, *, keep_title: bool = ..., max_bytes: int = ..., max_line_bytes: int = ..., max_millis: int = ...
    ) -> None: ...
    def clean(self, text: Union[str, bytes], url: Optional[str] = ...) -> dict[str, Any]: ...

class ExtractBatch(Iterator[Union[dict[str, Any], Error]]):
    pulled: int
    yielded: int
    window: int
    def __iter__(self) -> "ExtractBatch": ...
    def __next__(self) -> Union[dict[str, Any], Error]: ...

def extract(
    html: Html,
    url: Optional[str] = ...,
    *,
    format: TextFormat = ...,
    favor: Favor = ...,
    comments: bool = ...,
    explain: bool = ...,
    charset: Optional[str] = ...,
    language: Optional[str] = ...,
    links: bool = ...,
    images: bool = ...,
    tables: bool = ...,
    parser: ParserName = ...,
    max_bytes: int = ...,
    max_millis: int = ...,
) -> dict[str, Any]: ...
def clean(
    text: Union[str, bytes],
    url: Optional[str] = ...,
    *,
    keep_title: bool = ...,
    max_bytes: int = ...,
    max_line_bytes: int = ...,
    max_millis: int = ...,
) -> dict[str, Any]: ...
def extract_many(
    items: Iterable[Item],
    *,
    jobs: Optional[int] = ...,
    window: Optional[int] = ...,
    format: TextFormat = ...,
    favor: Favor = ...,
    comments: bool = ...,
    explain: bool = ...,
    links: bool = ...,
    images: bool = ...,
    tables: bool = ...,
    parser: ParserName = ...,
    max_bytes: int = ...,
    max_millis: int = ...,
) -> ExtractBatch: ...
def read(
    paths: Union[PathArg, Sequence[PathArg]],
    *,
    format: Literal["auto", "html", "text", "jsonl", "warc", "wet", "arc"] = ...,
    kind: Literal["any", "html", "text"] = ...,
    field: str = ...,
    url_field: str = ...,
    url: Optional[str] = ...,
    charset: Optional[str] = ...,
    max_record_bytes: int = ...,
    exclude: Optional[Sequence[PathArg]] = ...,
) -> Iterator[Record]: ...
def run(
    inputs: Union[PathArg, Sequence[PathArg], list[dict[str, Any]]],
    output: PathArg,
    *,
    recipe: Literal["none", "gopher", "c4", "fineweb"] = ...,
    jobs: Optional[int] = ...,
    format: Literal["jsonl", "jsonl.gz", "jsonl.zst"] = ...,
    progress: Optional[Callable[[dict[str, int]], Any]] = ...,
    on_message: Optional[Callable[[str, int, str], Any]] = ...,
    restart: bool = ...,
    shard: Optional[str] = ...,
    rejects: Optional[PathArg] = ...,
    languages: Optional[Sequence[str]] = ...,
    lang_threshold: Optional[float] = ...,
    lang_model: Optional[str] = ...,
    badwords: Optional[str] = ...,
    clean: bool = ...,
    pii: bool = ...,
    dedup: bool = ...,
    favor: Favor = ...,
    text_format: TextFormat = ...,
    comments: bool = ...,
    input_field: str = ...,
    input_type: Literal["auto", "html", "text"] = ...,
    max_record_bytes: int = ...,
    max_inflight_mb: int = ...,
    parts_only: bool = ...,
) -> dict[str, Any]: ...
def list_inputs(
    inputs: Union[PathArg, Sequence[PathArg]],
    *,
    exclude: Optional[Sequence[PathArg]] = ...,
) -> tuple[list[dict[str, Any]], list[dict[str, str]]]: ...
def dedup(
    inputs: Union[PathArg, Sequence[PathArg]],
    output: PathArg,
    *,
    bands: int = ...,
    rows: int = ...,
    ngram: int = ...,
    seed: int = ...,
    verify: bool = ...,
    verify_threshold: float = ...,
    exact: bool = ...,
    c4_spans: bool = ...,
    paragraphs: int = ...,
    datatrove_compat: bool = ...,
    jobs: int = ...,
    memory_mb: int = ...,
    rejects: Optional[PathArg] = ...,
) -> dict[str, Any]: ...
def dedup_plan(
    inputs: Union[PathArg, Sequence[PathArg]],
    output: PathArg,
    *,
    bands: int = ...,
    rows: int = ...,
    ngram: int = ...,
    seed: int = ...,
    verify: bool = ...,
    verify_threshold: float = ...,
    exact: bool = ...,
    c4_spans: bool = ...,
    paragraphs: int = ...,
    datatrove_compat: bool = ...,
    jobs: int = ...,
    memory_mb: int = ...,
    rejects: Optional[PathArg] = ...,
) -> dict[str, Any]: ...
def dedup_stage(
    output: PathArg,
    stage: Literal["signatures", "buckets", "clusters", "filter", "finish"],
    index: int = ...,
) -> dict[str, Any]: ...
