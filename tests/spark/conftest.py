"""A real local Spark session for the job's tests (Java 17 and the ``spark`` extra).

Skipped with the reason when pyspark or Java is missing, except under CI (``CI`` set), where
``.ci/run`` installs the extra and a missing piece is a failure."""

from __future__ import annotations

import importlib.util
import os
import shutil

import pytest


def _missing() -> str | None:
    for module in ("pyspark", "pyarrow"):
        if importlib.util.find_spec(module) is None:
            return f"{module} is not installed (pip install -e '.[spark]')"
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        return "no Java on PATH (the Spark job needs Java 17)"
    return None


@pytest.fixture(scope="session")
def spark():
    reason = _missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"CI runs the Spark tests: {reason}")
        pytest.skip(reason)
    from storylink.spark.job import spark_session

    session = spark_session("local[2]", shuffle_partitions=4, ui=False,
                            conf={"spark.default.parallelism": "2", "spark.driver.memory": "2g"})
    yield session
    session.stop()
