"""pith's exceptions: one class per error code of the library (include/pith/result.h).

Calls on one page (pith.extract, pith.clean, Extractor.extract, Cleaner.clean) raise them;
batch calls (pith.extract_many) return pith.Error values instead, so one bad page never stops
a batch.
"""


class PithError(Exception):
    """A page or a run that pith could not handle.

    code: the library's error code name ("empty_input", "too_large", ...); message: what went
    wrong, for a person; offset: the byte offset in the input where it is known, else 0.
    """

    code = "error"

    def __init__(self, message, offset=0):
        super().__init__(message)
        self.message = message
        self.offset = offset

    def __reduce__(self):
        return (type(self), (self.message, self.offset))


class EmptyInputError(PithError):
    """Zero bytes, or nothing but whitespace."""

    code = "empty_input"


class BinaryInputError(PithError):
    """The bytes are not text (NULs, control bytes, known binary magic)."""

    code = "binary_input"


class TooLargeError(PithError):
    """Over the byte budget (max_bytes)."""

    code = "too_large"


class DecodeError(PithError):
    """A charset could not be converted."""

    code = "decode"


class ParseError(PithError):
    """The parser gave up."""

    code = "parse"


class BudgetNodesError(PithError):
    """Over the DOM node budget."""

    code = "budget_nodes"


class BudgetTimeError(PithError):
    """Over the time budget (max_millis)."""

    code = "budget_time"


class NoContentError(PithError):
    """The page holds no main text."""

    code = "no_content"


class IoError(PithError):
    """A file could not be read or written."""

    code = "io"


class BadInputError(PithError):
    """A record or an argument is malformed."""

    code = "bad_input"


ERROR_CLASSES = {
    cls.code: cls
    for cls in (EmptyInputError, BinaryInputError, TooLargeError, DecodeError, ParseError, BudgetNodesError,
                BudgetTimeError, NoContentError, IoError, BadInputError)
}


def error_class(code):
    """The exception class of an error code name (PithError for a code this version does not know)."""
    return ERROR_CLASSES.get(code, PithError)
