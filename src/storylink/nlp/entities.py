"""Named entities with canonical keys. (placeholder, being written)"""
from __future__ import annotations

from ..document import Entity, Sentence


def find_entities(text: str, sentences: list[Sentence], language: str | None) -> list[Entity]:
    return []
