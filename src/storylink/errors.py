"""Errors raised by storylink.

Every error names the input it is about (a file, a JSONL line, an article id) so
that a one-line message is enough to act on::

    StorylinkError
    ├── InputError            something given to storylink cannot be used
    │   ├── MissingInput      a path that does not exist
    │   ├── EmptyInput        nothing but white space
    │   ├── BinaryInput       not text at all
    │   ├── EncodingError     text whose encoding cannot be determined
    │   ├── TooLarge          over ``Settings.max_bytes``
    │   ├── MalformedRecord   a JSONL line that is not an article object
    │   ├── UnknownLanguage   no supported language could be detected
    │   └── UnsupportedType   a request body of a content type the service does not read
    ├── AnalysisError         a component of the analyzer failed on this text (a bug to report)
    ├── NotFound              an article or story id that is not stored
    ├── AccessError           the service refuses a request
    │   ├── KeyRequired       no API key given where one is needed
    │   └── KeyRefused        a key that is wrong or revoked
    ├── StoreError            the database cannot be opened or migrated
    ├── ModelError            a shipped model file is missing or broken
    └── SettingsError         a setting has an invalid value

The CLI prints ``str(error)`` on one line and exits non-zero; batch work records
the error and goes on with the next input.
"""

from __future__ import annotations

__all__ = [
    "StorylinkError",
    "InputError",
    "MissingInput",
    "EmptyInput",
    "BinaryInput",
    "EncodingError",
    "TooLarge",
    "MalformedRecord",
    "UnknownLanguage",
    "UnsupportedType",
    "AnalysisError",
    "AccessError",
    "KeyRequired",
    "KeyRefused",
    "NotFound",
    "StoreError",
    "ModelError",
    "SettingsError",
]


class StorylinkError(Exception):
    """Base class of every error storylink raises on purpose."""

    code = "error"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        self.message = message
        super().__init__(f"{source}: {message}" if source else message)

    def to_dict(self) -> dict[str, str | None]:
        return {"error": self.code, "source": self.source, "message": self.message}


class InputError(StorylinkError):
    """An input (file, line, text) that cannot be ingested or analyzed."""

    code = "bad_input"


class MissingInput(InputError):
    code = "missing"


class EmptyInput(InputError):
    code = "empty"


class BinaryInput(InputError):
    code = "binary"


class EncodingError(InputError):
    code = "encoding"


class TooLarge(InputError):
    code = "too_large"


class MalformedRecord(InputError):
    code = "malformed"


class UnknownLanguage(InputError):
    code = "unknown_language"


class UnsupportedType(InputError):
    code = "unsupported_type"


class AccessError(StorylinkError):
    code = "access"


class KeyRequired(AccessError):
    code = "key_required"


class KeyRefused(AccessError):
    code = "key_refused"


class AnalysisError(StorylinkError):
    code = "analysis_failed"


class NotFound(StorylinkError):
    code = "not_found"


class StoreError(StorylinkError):
    code = "store"


class ModelError(StorylinkError):
    code = "model"


class SettingsError(StorylinkError):
    code = "settings"
