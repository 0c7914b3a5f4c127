"""A panel that redraws from the newest result only while someone can see it."""

from __future__ import annotations

from tutor.evaluation import EvalResult


class RefreshWhenShown:
    """Mix into a QWidget panel (before QWidget) that has a ``refresh()``.

    Connect the controller's ``sigResultChanged`` to ``_on_controller_result_changed``:
    the panel keeps the newest result, redraws at once while visible, and otherwise
    waits until it is shown, so a hidden tab costs nothing on the slider's hot path.
    """

    _result: EvalResult | None = None
    _dirty = True  # a result arrived that has not been drawn yet

    def _on_controller_result_changed(self, result: EvalResult) -> None:
        self._result = result
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._dirty:
            self.refresh()
