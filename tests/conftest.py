"""Setup shared by every test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def private_parse_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The tests' parse cache lives in a temporary directory, never in the user's
    ~/.cache/tracker (nor its key in ~/.local/state): a run neither reads entries left by
    another version of the code nor leaves any behind (subprocesses inherit the variables)."""
    patch = pytest.MonkeyPatch()
    patch.setenv("TRACKER_CACHE_DIR", str(tmp_path_factory.mktemp("parse-cache")))
    # the key that authenticates its entries too (tracker.load.cache.key_path)
    patch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))
    yield
    patch.undo()
