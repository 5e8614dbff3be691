"""What the hand-made annotations in ``part_?_spec.py`` are written with (``make_part.py`` reads them)."""

from __future__ import annotations


def Q(text: str, kind: str, spk: str | None = None, cue: str | None = None, **more: object) -> dict:
    """One quote: its text, ``direct``/``indirect``, the speaker mention and cue, and placement hints."""
    return {"text": text, "kind": kind, "spk": spk, "cue": cue, **more}


D, I = "direct", "indirect"
