"""A test that needs a tool fails in CI when it is missing, and skips loudly elsewhere."""

from __future__ import annotations

import os
import warnings

import pytest


def need(available: bool, what: str) -> None:
    if available:
        return
    message = f"{what} is missing: .ci/run installs it (apt-get install ...)"
    if os.environ.get("CI"):
        pytest.fail(message)
    warnings.warn(message, stacklevel=2)
    pytest.skip(message)
