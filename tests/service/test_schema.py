"""Schemathesis generates requests from the service's own OpenAPI document and sends them to a real
``storylink serve``: whatever it makes up, the answer is never a 5xx, and every 4xx of the API has the
one error shape. Bounded: a few examples per operation, no shrinking."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="pip install schemathesis (in the test extra)")
from hypothesis import HealthCheck, Phase, settings  # noqa: E402

from storylink.config import Settings  # noqa: E402
from storylink.service.app import create_app  # noqa: E402

from .conftest import KEY, Server  # noqa: E402

# The document the server publishes at /openapi.json, taken from the application itself so that the
# operations are known when pytest collects them (before any server runs).
_SPEC = create_app(Settings(db=str(Path(tempfile.mkdtemp(prefix="sl-spec-")) / "s.db")), worker=False).openapi()
schema = schemathesis.openapi.from_dict(_SPEC)


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory):
    srv = Server(tmp_path_factory.mktemp("fuzz") / "s.db",
                 env={"STORYLINK_MAX_BODY_BYTES": "200000", "STORYLINK_MAX_BYTES": "50000"}).start()
    yield srv
    srv.stop()


@schema.parametrize()
@settings(max_examples=int(os.environ.get("STORYLINK_FUZZ_EXAMPLES", "12")), deadline=None,
          phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
def test_generated_requests_get_an_answer_or_one_error_shape(case, fuzzed: Server):
    response = case.call(base_url=fuzzed.url, headers={"X-API-Key": KEY}, timeout=60)
    where = f"{case.method} {case.formatted_path}"
    assert response.status_code < 500, (where, response.status_code, response.text[:300])
    if response.status_code >= 400:
        ctype = response.headers.get("content-type") or [""]  # schemathesis keeps each header as a list
        assert (ctype[0] if isinstance(ctype, list) else ctype).startswith("application/json"), where
        error = response.json()["error"]
        assert set(error) == {"code", "message", "input"} and error["message"], (where, error)
        assert "Traceback" not in response.text
