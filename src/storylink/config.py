"""One settings object for the whole pipeline.

Each setting is declared once, with its default and help text; the CLI, the
environment (``STORYLINK_<NAME>``) and the docs are derived from this list::

    >>> Settings().max_bytes
    20000000
    >>> Settings(max_bytes=10).max_bytes
    10
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import SettingsError

__all__ = ["Setting", "SETTINGS", "Settings", "default_db_path", "without_password"]


def default_db_path() -> str:
    """Per-user database path: ``$XDG_DATA_HOME/storylink/storylink.db``."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(base) / "storylink" / "storylink.db")


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", None, "SQLite database path or sqlite:///path (default: per-user data directory), "
                       "or a postgresql://user@host:port/dbname URL"),
    Setting("max_bytes", 20_000_000, "largest input file or record accepted, in bytes"),
    Setting("min_chars", 20, "shortest text (non-space characters) worth analyzing"),
    Setting("languages", ("de", "en", "fr", "es", "it", "pl", "tr", "ar", "ru", "zh"),
            "languages storylink accepts; others are reported as unknown"),
    Setting("min_language_score", 0.35, "language-id confidence below which a text's language is unknown"),
    Setting("story_window_days", 4.0, "how many days a story stays open for new articles"),
    Setting("story_profiles", True,
            "let the compare model confirm each story assignment (builds e5 profiles: more precise, "
            "a few articles/s on two cores; off: vectors and entities only, thousands/s)"),
    Setting("api_key", None, "key that may write through the service (more: storylink keys add); never shown"),
    Setting("read_key_required", False, "the service asks for a key on reads too (writes always need one)"),
    Setting("max_body_bytes", 50_000_000, "largest request body the service accepts, in bytes"),
    Setting("cors_origins", (), "origins whose pages may call the API (CORS); none: CORS off"),
)


@dataclass(frozen=True, slots=True)
class Settings:
    """Validated settings; see ``SETTINGS`` for their meaning."""

    db: str | None = None
    max_bytes: int = 20_000_000
    min_chars: int = 20
    languages: tuple[str, ...] = field(default=SETTINGS[3].default)
    min_language_score: float = 0.35
    story_window_days: float = 4.0
    story_profiles: bool = True
    api_key: str | None = field(default=None, repr=False)
    read_key_required: bool = False
    max_body_bytes: int = 50_000_000
    cors_origins: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise SettingsError(f"max_bytes must be positive, got {self.max_bytes}", source="settings")
        if self.max_body_bytes <= 0:
            raise SettingsError(f"max_body_bytes must be positive, got {self.max_body_bytes}", source="settings")
        if self.min_chars < 0:
            raise SettingsError(f"min_chars must be >= 0, got {self.min_chars}", source="settings")
        if not 0.0 <= self.min_language_score <= 1.0:
            raise SettingsError(
                f"min_language_score must be within 0..1, got {self.min_language_score}", source="settings"
            )
        if not 0 < self.story_window_days < math.inf:  # also refuses NaN, which every comparison passes over
            raise SettingsError(
                f"story_window_days must be a positive number of days, got {self.story_window_days}",
                source="settings",
            )

    @classmethod
    def from_env(cls, environ: Any = None) -> "Settings":
        """Defaults overridden by ``STORYLINK_<NAME>`` variables (lists comma-separated, flags 1/0)::

            >>> Settings.from_env({"STORYLINK_STORY_WINDOW_DAYS": "2", "STORYLINK_STORY_PROFILES": "no"})
            ... # doctest: +ELLIPSIS
            Settings(..., story_window_days=2.0, story_profiles=False, ...)
        """
        environ = os.environ if environ is None else environ
        changes: dict[str, Any] = {}
        for setting in SETTINGS:
            var = f"STORYLINK_{setting.name.upper()}"
            if setting.name == "db" or var not in environ:
                continue  # the database path is read lazily (``db_path``), so --db still wins
            changes[setting.name] = _parse(environ[var], setting.default, var)
        return cls(**changes)

    @property
    def db_path(self) -> str:
        return self.db or os.environ.get("STORYLINK_DB") or default_db_path()

    @property
    def db_display(self) -> str:
        """``db_path`` as messages and listings show it: a URL's password left out.

            >>> Settings(db="postgresql://ed:secret@db:5432/news").db_display
            'postgresql://ed@db:5432/news'
        """
        return without_password(self.db_path)

    def replace(self, **changes: Any) -> "Settings":
        known = {f.name for f in dataclasses.fields(self)}
        unknown = set(changes) - known
        if unknown:
            raise SettingsError(
                f"unknown setting(s) {sorted(unknown)}; valid: {sorted(known)}", source="settings"
            )
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    def to_dict(self) -> dict[str, Any]:
        """Every setting's value; a secret shows as ``"***"`` when set (this is what the API serves),
        and the database without its password."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)} | {
            "db": self.db_display, "api_key": "***" if self.api_key else None}


def without_password(target: str) -> str:
    """A database URL with its password (``user:secret@`` or ``password=``) left out; a path unchanged."""
    target = re.sub(r"^([a-z][a-z0-9+.-]*://[^/@:]*):[^/@]*@", r"\1@", target)
    return re.sub(r"([?&]password=)[^&]*", r"\1***", target)


def _parse(raw: str, default: Any, var: str) -> Any:
    text = raw.strip()
    try:
        if isinstance(default, bool):
            if text.lower() in ("1", "true", "yes", "on"):
                return True
            if text.lower() in ("0", "false", "no", "off"):
                return False
            raise ValueError("expected 1/0, true/false, yes/no or on/off")
        if isinstance(default, int):
            return int(text)
        if isinstance(default, float):
            return float(text)
        if isinstance(default, tuple):
            return tuple(part.strip() for part in text.split(",") if part.strip())
    except ValueError as exc:
        raise SettingsError(f"cannot read {raw!r}: {exc}", source=var) from None
    return text
