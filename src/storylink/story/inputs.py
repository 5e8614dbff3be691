"""What each section of the story view reads about one member (read once by ``build``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ..document import Analysis, Article

__all__ = ["MemberData"]


@dataclass(frozen=True, slots=True, eq=False)
class MemberData:
    """One member as stored: the article, its analysis (``None`` when it cannot be
    analysed), its assignment row, and the USE vectors of its sentences (one row per
    ``analysis.sentences`` item) and quote units (``evidence.quote_units``)."""

    article: Article
    analysis: Analysis | None
    assignment: dict[str, Any]
    position: int
    sentence_use: np.ndarray | None = None
    quote_use: np.ndarray | None = None
    reanalysed: bool = False

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def language(self) -> str | None:
        return self.analysis.language if self.analysis else self.article.language
