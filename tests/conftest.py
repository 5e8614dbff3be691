"""Shared fixtures. Real data from ``../shared`` (beside the repository) when present."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
SEED_AGENCY = SEEDS / "000_2f782dc55725f6ff.txt"
SEED_TICKER = SEEDS / "002_a1bbd4968d3fdb89.txt"
SEMEVAL = SHARED / "data" / "semeval2022-task8"
NER_DE = SHARED / "data" / "ner-de"
GOLD = REPO / "tests" / "data"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not found (the shared data sits beside the repository in CI)")
    return path


@pytest.fixture(scope="session")
def seed_agency_text() -> str:
    return need(SEED_AGENCY).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_ticker_text() -> str:
    return need(SEED_TICKER).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_agency(seed_agency_text):
    import storylink

    return storylink.analyze(seed_agency_text)


@pytest.fixture(scope="session")
def seed_ticker(seed_ticker_text):
    import storylink

    return storylink.analyze(seed_ticker_text)


# -- PostgreSQL (see tests/pg.py) --------------------------------------------------------

@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL server for the whole session; skipped when none can be started,
    except under CI (``CI`` set), where that is a failure."""
    import os

    from pg import PgUnavailable, start_server

    try:
        server = start_server()
    except PgUnavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI: {exc}", pytrace=False)
        pytest.skip(f"no PostgreSQL server: {exc}")
    yield server
    server.close()


@pytest.fixture()
def pg_url(pg_server):
    """A fresh, empty database on the session's server (dropped afterwards)."""
    name = pg_server.create_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A ``--db`` value for a new store, once per backend."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("pg_url")
