"""Fixtures the window tests share."""

from __future__ import annotations

import pytest


class Clock:
    """The controller's clock, moved on by hand: a pause without sleeping."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def pause(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch) -> Clock:
    """Replaces the controller's monotonic clock (undo merging waits on it)."""
    from gui import controller as controller_module

    fake = Clock()
    monkeypatch.setattr(controller_module, "monotonic", fake)
    return fake
