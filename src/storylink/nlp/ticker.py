"""Live-ticker entries. (placeholder, being written)"""
from __future__ import annotations

from ..document import Entry, Paragraph


def find_entries(text: str, paragraphs: list[Paragraph]) -> list[Entry]:
    return []
