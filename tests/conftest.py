"""Shared fixtures. Hypothesis runs a fast, derandomized profile by default (CI gives the same
verdict on the same commit; a flaky red build teaches nothing), a random one for development
(``HYPOTHESIS_PROFILE=dev``) and a long one for fuzzing (``HYPOTHESIS_PROFILE=fuzz pytest``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=40, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("fuzz", max_examples=5000, deadline=None, suppress_health_check=list(HealthCheck))
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
settings.load_profile(PROFILE)

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"
CORPUS = FIXTURES / "corpus"


def seed_path(prefix: str) -> Path:
    """A seed by its number: seed_path("001")."""
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """govlint's cache (govlint.entrypoints) in a directory of the test session, for every test
    and the govlint processes they start, not the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS
