"""storylink: which of these news articles tell the same story, how closely, and why.

Every pipeline stage is a function first::

    import storylink
    analysis = storylink.analyze("US-Präsident Donald Trump traf Kim Jong Un in Hanoi.")
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .config import Settings
from .document import Analysis, Article
from .errors import StorylinkError

# The stage functions shadow their modules on purpose (``storylink.analyze`` is the
# function); import a stage module with ``from storylink.analyze import X``.
from .analyze import analyze  # noqa: E402  isort: skip

try:
    __version__ = version("storylink")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = ["Analysis", "Article", "Settings", "StorylinkError", "analyze", "__version__"]
