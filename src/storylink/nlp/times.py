"""Time expressions, normalised. (placeholder, being written)"""
from __future__ import annotations

from ..document import Sentence, TimeExpr


def find_times(
    text: str, sentences: list[Sentence], *, published: str | None, language: str | None
) -> tuple[list[TimeExpr], str | None, str | None]:
    return [], None, None
