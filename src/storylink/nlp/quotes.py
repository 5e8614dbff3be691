"""Quotes and their speakers. (placeholder, being written)"""
from __future__ import annotations

from ..document import Entity, Quote, Sentence


def find_quotes(text: str, sentences: list[Sentence], entities: list[Entity], language: str | None) -> list[Quote]:
    return []
