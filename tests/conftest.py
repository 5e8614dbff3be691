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
