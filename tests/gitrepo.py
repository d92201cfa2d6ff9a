"""Git repositories made at test time (`tracker diff` tests): git run with a fixed identity,
no system or user configuration, no signing."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str, stdin: bytes | None = None) -> str:
    """``git ARGS`` in ``repo`` (its own HOME: no user configuration); its output."""
    done = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        env={**os.environ, **ENV, "HOME": str(repo)},
        input=stdin,
        capture_output=True,
        check=True,
    )
    return done.stdout.decode()


def commit(repo: Path, message: str) -> None:
    """Stage everything and commit it."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
