"""Paragraphs, sentences, tokens and languages. (placeholder, being written)"""
from __future__ import annotations

import re

from ..document import Paragraph, Sentence


def detect_language(text: str) -> tuple[str | None, float]:
    return None, 0.0


def segment(text: str) -> tuple[list[Paragraph], list[Sentence]]:
    paragraphs = [Paragraph(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)]
    return paragraphs, []
