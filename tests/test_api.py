"""The package face: ``import storylink`` gives the stage functions, and ``__all__`` is exactly it."""

from __future__ import annotations

import __future__
import importlib
import pkgutil
import types

import storylink


def _public(namespace: dict) -> set[str]:
    return {name for name, value in namespace.items()
            if not name.startswith("_") and not isinstance(value, (types.ModuleType, __future__._Feature))}


def test_all_lists_exactly_the_public_api():
    assert set(storylink.__all__) == _public(vars(storylink)) | {"__version__"}
    assert len(storylink.__all__) == len(set(storylink.__all__))


def test_stage_functions_stay_functions_after_every_module_is_imported():
    # A stage module loaded lazily for the first time binds itself on the package, over a
    # function of the same name; importing everything must not turn them into modules.
    for info in pkgutil.walk_packages(storylink.__path__, "storylink."):
        if ".spark" in info.name or info.name.endswith("__main__"):
            continue  # an optional extra; the command line itself
        importlib.import_module(info.name)
    for name in ("analyze", "compare", "cluster", "story"):
        assert isinstance(getattr(storylink, name), types.FunctionType), name
    from storylink.compare import compare
    from storylink.stories import cluster
    from storylink.story import story

    assert (storylink.compare, storylink.cluster, storylink.story) == (compare, cluster, story)
