"""storylink: which of these news articles tell the same story, how closely, and why.

Every pipeline stage is a function first::

    import storylink
    analysis = storylink.analyze("US-Präsident Donald Trump traf Kim Jong Un in Hanoi.")
    comparison = storylink.compare(text_a, text_b)
    stories = storylink.cluster([text_a, text_b, text_c])   # into the default store
    view = storylink.story(stories[0].id)
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError as _PackageNotFoundError
from importlib.metadata import version as _version

from .config import Settings
from .document import Analysis, Article
from .errors import StorylinkError

# The stage functions shadow their modules on purpose (``storylink.analyze`` is the
# function); import a stage module with ``from storylink.analyze import X``. Each
# function is bound after its module is imported, so the module's own binding on the
# package (set when it is first loaded) is replaced by the function.
from .analyze import analyze  # noqa: E402  isort: skip
from .compare import Comparison, compare  # noqa: E402  isort: skip
# ``storylink.cluster`` is also a module, loaded lazily by the stages: load it now, or its
# first import would bind the module over the function.
from . import cluster as _cluster_module  # noqa: E402,F401  isort: skip
from .stories import Story, cluster  # noqa: E402  isort: skip
from .story import StoryView, story  # noqa: E402  isort: skip

try:
    __version__ = _version("storylink")
except _PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "Analysis",
    "Article",
    "Comparison",
    "Settings",
    "Story",
    "StoryView",
    "StorylinkError",
    "analyze",
    "cluster",
    "compare",
    "story",
    "__version__",
]
