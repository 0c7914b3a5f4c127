"""The one place the GUI changes the document: undoable commands and coalesced evaluation.

Views hold a ``SessionController``. They *write* only through its methods
(``set_expression``, ``set_value``, ...) and *read* by listening to its signals; they
never call each other. Every change is a labelled ``QUndoCommand`` on ``undo_stack``,
so Edit > Undo names what it will undo ("Undo Change x to 1.50").

Typing a formula: the field sends every edit (``set_expression(text, typing=True)``).
An edit that parses and names only existing variables is applied at once, so the plot
and the numbers follow the text live; one that does not parse is applied too (the views
keep the last formula that worked). An edit that would create a variable is *held*
(``pending_expression``) until Enter or leaving the field (``commit_expression``) or a
pause of ``TYPING_PAUSE_MS``: typing ``sin(x`` key by key never creates ``s`` or ``si``.
A variable the app created for the formula, and the learner never touched (moved,
ranged, plotted along or added by name), is removed as soon as the formula stops using
it — in the same undo step, so one undo brings it back.

Evaluation is coalesced: a change only *requests* an evaluation; a zero-timeout timer
runs it once the event queue is empty, on the session as it is then. A slider that
moves faster than the engine and the views can follow therefore skips intermediate
positions, and the last position is always the one evaluated and drawn. A sweep over
the work budget (``tutor.budget``) is drawn at the points that fit, with a notice.
"""

from __future__ import annotations

import copy
import json
import math
import weakref
from collections.abc import Callable, Iterable, Mapping
from time import monotonic

import numpy as np
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from tutor.evaluation import EvalResult
from tutor.formula import CONSTANTS, FUNCTIONS, ParseError, parse
from tutor.numbers import on_grid
from tutor.session import (
    PANEL_KEYS,
    Session,
    SessionError,
    SessionState,
    VariableSpec,
    validate_name,
    validate_range,
)

_COMMAND_VALUE = 1  # QUndoCommand ids: commands with the same id may merge
_COMMAND_EXPRESSION = 2
_COMMAND_PANEL = 3

# Value changes of one variable that come without a drag (an arrow key held on a slider,
# PageUp pressed again and again, a spin box's arrows) are one undo step while each
# follows the one before within this many seconds.
NUDGE_MERGE_SECONDS = 1.0

# A typed formula that would create a variable is applied after this pause (or on Enter,
# or when the field loses focus): long enough to span the keys of a word being typed.
TYPING_PAUSE_MS = 800


def _tr(text: str) -> str:
    return QCoreApplication.translate("SessionController", text)


def _elided(text: str, limit: int = 30) -> str:
    """Text short enough for a menu label ("Undo Edit expression to sin(x) * x^2…")."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# PySide keeps a pushed command's Python object alive only through the undo stack's
# wrapper. If a controller ends up in a reference cycle, the cycle collector may free
# that Python object while the command is still on the stack, and the stack later
# deletes it a second time: a segfault. So pushed commands are also held here, and let
# go once Qt has deleted them (merged, cleared, or with their stack).
#
# The other way round, PySide (6.10) never lets go of the Python object of a command
# that Qt deletes inside push() itself (merged into the one on top, or obsolete): it
# makes the stack's wrapper the command's parent after push() returns, when the
# command is already gone, and that parent keeps it for as long as the stack lives. So
# a change that merges into the command on top is merged by the controller itself,
# without pushing (see _change), and a command deleted all the same is emptied, so what
# stays behind is a shell. (Commands pushed out past the undo limit, or cleared, are
# freed normally once this list lets go of them.)
_LIVE_COMMANDS: list[QUndoCommand] = []


def _hold(command: QUndoCommand) -> None:
    """Keep ``command`` alive while Qt has it; let go of the ones Qt has deleted since
    (the oldest, past the undo limit; all of them, after a clear). A few hundred checks
    per push: nothing beside an evaluation."""
    _LIVE_COMMANDS[:] = [c for c in _LIVE_COMMANDS if not _release_if_deleted(c)]
    _LIVE_COMMANDS.append(command)


def _release_if_deleted(command: QUndoCommand | None) -> bool:
    """If Qt has deleted ``command``, empty it; True if it was deleted."""
    if command is None or shiboken6.isValid(command):
        return False
    command.__dict__.clear()  # the shell PySide keeps holds no document, no key
    return True


class _StateCommand(QUndoCommand):
    """A change of the document, stored as the states before and after it.

    Whole-document states make undo exact whatever the change touched: a new
    expression may also have added variables and moved the sweep, and undo removes
    them again.
    """

    def __init__(
        self,
        controller: SessionController,
        label: str,
        before: SessionState,
        after: SessionState,
        command_id: int = -1,
        merge_key: object = None,
    ) -> None:
        super().__init__(label)
        # Weakly, so that a command held in _LIVE_COMMANDS keeps no controller alive.
        self._controller = weakref.ref(controller)
        self.before = before
        self.after = after
        self._id = command_id
        self.merge_key = merge_key

    def id(self) -> int:  # noqa: A003 - Qt's name
        return self._id

    def redo(self) -> None:
        controller = self._controller()
        if controller is not None:
            controller._apply_state(self.after)

    def undo(self) -> None:
        controller = self._controller()
        if controller is not None:
            controller._apply_state(self.before)

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if (
            not isinstance(other, _StateCommand)
            or other.id() != self.id()
            or self.merge_key is None
            or other.merge_key != self.merge_key
        ):
            return False
        self.after = other.after
        self.setText(other.text())
        # Dragging back to where the drag started leaves nothing to undo.
        self.setObsolete(self.after == self.before)
        return True


class SessionController(QObject):
    """Owns the session, its undo stack and the latest evaluation result.

    Signals (emitted only on a real change):

    ``sigResultChanged(EvalResult)``  a new evaluation is ready: redraw from it
    ``sigVariablesChanged()``         variables added/removed, or a range/step changed
    ``sigValueChanged(str, float)``   one variable's value changed (sliders follow)
    ``sigExpressionChanged(str)``     the expression text changed (parse state in
                                      ``session.error``)
    ``sigSweepChanged()``             the plot runs along another variable or range
    ``sigCurvesChanged(list)``        the set of curves shown changed
    ``sigDocumentReplaced()``         a whole new session was loaded (File > New/Open)
    ``sigPanelStateChanged(str)``     a panel's own saved state (``session.panels[key]``)
                                      changed, by the panel itself or by undo/redo
    ``sigTrailsChanged()``            an optimizer published (or cleared) the trail of
                                      points it visited (``trails``; not saved)
    ``sigSelectionChanged(str, list)`` the parts of the formula selected in a view (the
                                      graph's selected node): its text and (start, end)
                                      spans (``selection``; not saved)
    ``sigFormulaCursorMoved(str, int)`` the formula field's cursor moved: its text and
                                      the position (``formula_cursor``; not saved)
    ``sigPendingExpressionChanged()`` a typed formula is held back, or no longer
                                      (``pending_expression``, ``pending_variables``)

    The last three are view state shared between views, so that no view has to know
    another: one publishes through the controller, the others listen.
    """

    sigResultChanged = Signal(object)
    sigVariablesChanged = Signal()
    sigValueChanged = Signal(str, float)
    sigExpressionChanged = Signal(str)
    sigSweepChanged = Signal()
    sigCurvesChanged = Signal(list)
    sigDocumentReplaced = Signal()
    sigPanelStateChanged = Signal(str)
    sigTrailsChanged = Signal()
    sigSelectionChanged = Signal(str, list)
    sigFormulaCursorMoved = Signal(str, int)
    sigPendingExpressionChanged = Signal()

    def __init__(self, session: Session | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: Session = session if session is not None else Session()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        self.evaluations = 0  # how many evaluations ran (tests check the coalescing)
        self._state = self.session.snapshot()
        self._drag_key: object = None
        self._typing_key: object = None
        self._nudge: tuple[tuple[str, int], float] | None = None  # (merge key, last change)
        # Variables the app added because a formula named them, untouched by the learner
        # since: they go when the formula stops using them (see set_expression).
        self._created_for_formula: set[str] = set()
        # A typed text that would create variables, held until Enter, focus-out or a pause.
        self.pending_expression: str | None = None
        self.pending_variables: tuple[str, ...] = ()
        self._pause_timer = QTimer(self)
        self._pause_timer.setSingleShot(True)
        self._pause_timer.setInterval(TYPING_PAUSE_MS)
        self._pause_timer.timeout.connect(self._on_pause_timer_timeout)
        self._key_counter = 0
        self._pushing = False
        # View state, not part of the document (never saved, never undone): the points
        # an optimizer visited, by variable name, and f at each (for the plot and the
        # map); the selected parts of the formula; where the formula field's cursor is.
        self.trails: dict[str, np.ndarray] = {}
        self.trail_values: np.ndarray = np.empty(0)
        self.selection: tuple[str, list[tuple[int, int]]] = ("", [])
        self.formula_cursor: tuple[str, int] = ("", 0)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.evaluate_now)
        # Undo/redo ends a slider drag, a typing burst or a quick run of value changes:
        # the next edit is a new command.
        self.undo_stack.indexChanged.connect(self._on_undo_stack_index_changed)
        self.result: EvalResult = self.session.evaluate(fit_to_budget=True)
        self.evaluations += 1

    # -- evaluation ------------------------------------------------------------

    def request_evaluate(self) -> None:
        """Evaluate soon (once the event queue is empty); many requests, one run."""
        if not self._timer.isActive():
            self._timer.start()

    @property
    def evaluation_pending(self) -> bool:
        return self._timer.isActive()

    def evaluate_now(self) -> EvalResult:
        """Evaluate the session as it is now and tell every view."""
        self._timer.stop()
        self.result = self.session.evaluate(fit_to_budget=True)
        self.evaluations += 1
        self.sigResultChanged.emit(self.result)
        return self.result

    def flush(self) -> None:
        """Run a pending evaluation now (tests, benchmarks, export)."""
        if self._timer.isActive():
            self.evaluate_now()

    # -- document changes (each one an undoable command) -----------------------

    def set_expression(self, text: str, typing: bool = False) -> bool:
        """Set the expression text. Returns True if it parses.

        With ``typing=True`` (the expression field does this for every edit)
        consecutive edits merge into one "Edit expression to ..." command until
        ``finish_typing()``, and a text that would create a variable is held back
        (``pending_expression``) until ``commit_expression``, or until no edit has come
        for ``TYPING_PAUSE_MS``.
        """
        if typing:
            new_names = self._new_variables_named(text)
            if new_names:
                self._hold(text, new_names)
                return True
        self._hold(None)
        if text == self.session.expression_text:
            return self.session.error is None
        return self._apply_expression(text, typing)

    def commit_expression(self, text: str) -> bool:
        """Enter, or the field lost focus: apply ``text`` now, new variables and all, and
        end the typing burst. Returns True if it parses."""
        self._hold(None)
        ok = (
            self.session.error is None
            if text == self.session.expression_text
            else self._apply_expression(text, typing=self._typing_key is not None)
        )
        self.finish_typing()
        return ok

    def finish_typing(self) -> None:
        """The current typing burst is over: the next edit starts a new command."""
        self._typing_key = None

    def _new_variables_named(self, text: str) -> tuple[str, ...]:
        """Variables ``text`` names that do not exist yet (none if it does not parse)."""
        try:
            names = parse(text, single=True).variables
        except ParseError:
            return ()
        return tuple(name for name in names if name not in self.session.variables)

    def _hold(self, text: str | None, names: tuple[str, ...] = ()) -> None:
        """Hold ``text`` back as the pending expression (None: hold nothing)."""
        if text is None:
            self._pause_timer.stop()
        else:
            self._pause_timer.start()  # restarted by every edit: a pause, not a deadline
        if (text, names) != (self.pending_expression, self.pending_variables):
            self.pending_expression, self.pending_variables = text, names
            self.sigPendingExpressionChanged.emit()

    def _on_pause_timer_timeout(self) -> None:
        text = self.pending_expression
        if text is not None:
            self._hold(None)
            self._apply_expression(text, typing=self._typing_key is not None)

    def _apply_expression(self, text: str, typing: bool) -> bool:
        if typing:
            if self._typing_key is None:
                self._typing_key = self._new_key()
            key = self._typing_key
        else:
            self._typing_key = None
            key = None
        created = self._created_for_formula

        def mutate(session: Session) -> None:
            before = set(session.variables)
            session.set_expression(text)
            created.update(name for name in session.variables if name not in before)
            # Names the app made for an earlier formula and nobody touched since are
            # not the learner's variables: they go with the formula that used them.
            used = set(session.used_variables())
            for name in [n for n in session.variables if n in created and n not in used]:
                session.remove_variable(name)

        label = _tr("Edit expression to {text}").format(text=_elided(text))
        self._change(label, mutate, command_id=_COMMAND_EXPRESSION, merge_key=key)
        return self.session.error is None

    def _touch(self, *names: str) -> None:
        """The learner did something with these variables: they are theirs now."""
        self._created_for_formula.difference_update(names)

    def set_value(self, name: str, value: float) -> float:
        """Move variable ``name`` to ``value`` (clamped). Returns the value set.

        Between ``begin_drag(name)`` and ``end_drag()`` all moves of that variable are
        one command. Without a drag, changes of the same variable less than
        ``NUDGE_MERGE_SECONDS`` apart are one command too, as long as nothing else
        was done in between. Raises KeyError for an unknown name, SessionError if
        not finite.
        """
        spec = self.session.variables[name]
        value = float(value)
        if not math.isfinite(value):
            raise SessionError(f"variable '{name}': value must be finite, got {value}")
        value = spec.clamped(value)
        if value == spec.value:
            return value
        self._touch(name)
        if self._drag_key is not None and self._drag_key[0] == name:
            key = self._drag_key
        else:
            key = self._nudge_key(name)
        self._change(
            _tr("Change {name} to {value}").format(name=name, value=on_grid(value, spec.step)),
            lambda s: s.set_value(name, value),
            command_id=_COMMAND_VALUE,
            merge_key=key,
        )
        return self.session.variables[name].value

    def begin_drag(self, name: str) -> None:
        """A slider drag of ``name`` starts: its moves become one undoable command."""
        self._drag_key = (name, self._new_key())
        self._nudge = None

    def end_drag(self) -> None:
        self._drag_key = None

    # -- several values at once, and compound edits (the map, the optimizer, presets) --

    def set_values(self, values: Mapping[str, float]) -> dict[str, float]:
        """Move several variables at once (each clamped) as one undoable command.

        Between ``begin_drag(key)`` and ``end_drag()``, where ``key`` is the sorted tuple
        of the names, all such moves merge into one command: a drag of the map's point,
        or a whole optimizer run. Returns the values set. Raises KeyError for an unknown
        name, SessionError if a value is not finite.
        """
        new: dict[str, float] = {}
        for name, value in values.items():
            spec = self.session.variables[name]
            value = float(value)
            if not math.isfinite(value):
                raise SessionError(f"variable '{name}': value must be finite, got {value}")
            new[name] = spec.clamped(value)
        if all(self.session.variables[n].value == v for n, v in new.items()):
            return new
        self._touch(*new)
        names = tuple(sorted(new))
        key = self._drag_key if self._drag_key is not None and self._drag_key[0] == names else None
        label = _tr("Move ({names}) to ({values})").format(
            names=", ".join(new),
            values=", ".join(on_grid(v, self.session.variables[n].step) for n, v in new.items()),
        )

        def mutate(s: Session) -> None:
            for n, v in new.items():
                s.set_value(n, v)

        self._change(label, mutate, command_id=_COMMAND_VALUE, merge_key=key)
        return {n: self.session.variables[n].value for n in new}

    def edit(self, label: str, mutate: Callable[[Session], object]) -> None:
        """Apply ``mutate(session)`` — any number of changes — as one undoable command.

        If ``mutate`` raises, the document is left as it was and the error propagates.
        """
        self._drag_key = self._typing_key = self._nudge = None
        self._change(label, mutate)

    def set_range(self, name: str, lo: float, hi: float, step: float) -> None:
        """Change the slider range and step of ``name``. Raises SessionError if invalid."""
        spec = self.session.variables[name]
        if (lo, hi, step) == (spec.min, spec.max, spec.step):
            return
        validate_range(name, lo, hi, step)
        self._touch(name)
        self._change(
            _tr("Change range of {name}").format(name=name),
            lambda s: s.set_range(name, lo, hi, step),
        )

    def check_variable_name(self, name: str) -> str:
        """``name`` stripped, if ``add_variable`` would take it; else SessionError why."""
        name = name.strip()
        if not name.isidentifier():
            raise SessionError(_tr("'{name}' is not a valid variable name").format(name=name))
        if name in FUNCTIONS or name in CONSTANTS:
            raise SessionError(_tr("'{name}' is a reserved name").format(name=name))
        validate_name(name)  # too long, or read as something else in a formula
        return name

    def add_variable(self, name: str) -> None:
        """Add a variable (value 1, range −5…5). Raises SessionError for a bad name."""
        name = self.check_variable_name(name)
        self._touch(name)  # asked for by name: the learner's, even if it exists already
        if name in self.session.variables:
            return
        self._change(
            _tr("Add variable {name}").format(name=name),
            lambda s: s.add_variable(VariableSpec(name)),
        )

    def remove_variable(self, name: str) -> None:
        """Remove a variable the expression does not use (used ones would come back)."""
        if name not in self.session.variables or name in self.session.used_variables():
            return
        self._change(
            _tr("Remove variable {name}").format(name=name),
            lambda s: s.remove_variable(name),
        )

    def set_sweep_variable(self, name: str) -> None:
        """Plot along variable ``name`` (over its slider range)."""
        if name == self.session.sweep.variable:
            return
        self._touch(name)
        self._change(
            _tr("Plot along {name}").format(name=name),
            lambda s: s.set_sweep_variable(name),
        )

    def set_curves(self, curves: list[str]) -> None:
        """Which curves the plot shows: any of "f", "df", "d2f", "tangent"."""
        if list(curves) == self.session.curves:
            return
        self._change(_tr("Change plotted curves"), lambda s: s.set_curves(curves))

    def set_panel_state(
        self,
        key: str,
        state: Mapping[str, object],
        label: str | None = None,
        merge: str | None = None,
    ) -> None:
        """Store a panel's own state (map axes, optimizer settings, lesson position).

        One undoable command named ``label``; it marks the file unsaved and is autosaved
        like any other change. Changes of the same panel with the same ``merge`` tag
        (e.g. "lr": a held arrow on the learning rate) that follow each other quickly
        are one undo step; without a tag, quick changes of the panel merge. Raises
        SessionError if the state cannot be saved.
        """
        if self.session.panels.get(key) == state:
            return
        tag = f"panel:{key}" if merge is None else f"panel:{key}:{merge}"
        self._change(
            label or _tr("Change view settings"),
            lambda s: s.set_panel_state(key, state),
            command_id=_COMMAND_PANEL,
            merge_key=self._nudge_key(tag),
        )

    def panel_state(self, key: str) -> dict:
        """A copy of a panel's saved state (empty if the session has none)."""
        return copy.deepcopy(self.session.panels.get(key, {}))

    # -- view state shared between views (not saved, not undone) ---------------

    def set_trails(
        self, trails: Mapping[str, np.ndarray], values: np.ndarray | None = None
    ) -> None:
        """Publish the points an optimizer visited: variable name -> coordinates, and f
        at each point in ``values``. Variables not named were held at their values.
        ``set_trails({})`` clears."""
        if not trails and not self.trails:
            return
        self.trails = {name: np.asarray(v, dtype=np.float64) for name, v in trails.items()}
        self.trail_values = (
            np.asarray(values, dtype=np.float64) if values is not None else np.empty(0)
        )
        self.sigTrailsChanged.emit()

    def set_selection(self, text: str, spans: Iterable[tuple[int, int]]) -> None:
        """Publish which (start, end) parts of the formula ``text`` are selected (the
        graph's selected node); no spans: nothing is selected."""
        spans = [(int(a), int(b)) for a, b in spans]
        selection = (text, spans) if spans else ("", [])
        if selection != self.selection:
            self.selection = selection
            self.sigSelectionChanged.emit(selection[0], list(spans))

    def set_formula_cursor(self, text: str, position: int) -> None:
        """The formula field's cursor is at ``position`` of ``text``: a view of the
        formula (the graph) may select what lies there."""
        cursor = (text, int(position))
        if cursor != self.formula_cursor:
            self.formula_cursor = cursor
            self.sigFormulaCursorMoved.emit(*cursor)

    def replace_session(self, session: Session) -> None:
        """Load a whole new document (File > New / Open); the undo history is cleared."""
        self._drag_key = self._typing_key = self._nudge = None
        self._timer.stop()
        self._hold(None)
        self._created_for_formula.clear()  # a loaded document's variables are all its own
        self.session = session
        self._state = session.snapshot()
        self.undo_stack.clear()
        self.sigDocumentReplaced.emit()
        self.sigVariablesChanged.emit()
        self.sigExpressionChanged.emit(session.expression_text)
        self.sigSweepChanged.emit()
        self.sigCurvesChanged.emit(list(session.curves))
        for key in PANEL_KEYS:
            self.sigPanelStateChanged.emit(key)
        self.set_trails({})
        self.evaluate_now()

    # -- machinery --------------------------------------------------------------

    def _new_key(self) -> int:
        self._key_counter += 1
        return self._key_counter

    def _nudge_key(self, name: str) -> tuple[str, int]:
        """The merge key of a change of ``name`` that comes without a drag.

        The same key as the last such change while changes of ``name`` keep coming
        quickly, so a held arrow key is one undo step; a new key after a pause or
        for another variable. The stack merges only into the command on top, so a
        different command in between also starts a new step.
        """
        now = monotonic()
        if self._nudge is not None:
            key, last = self._nudge
            if key[0] == name and now - last < NUDGE_MERGE_SECONDS:
                self._nudge = (key, now)
                return key
        key = (name, self._new_key())
        self._nudge = (key, now)
        return key

    def _change(self, label: str, mutate, command_id: int = -1, merge_key: object = None) -> None:
        """Apply ``mutate(session)``; if the document changed, push it as a command."""
        before = self._state
        try:
            mutate(self.session)
        except Exception:
            self.session.restore(before)
            raise
        after = self.session.snapshot()
        # The parse state is part of what views show, even if the text compares equal.
        if after == before and after.error is before.error:
            return
        self._pushing = True
        try:
            top = self._merge_target(command_id, merge_key)
            if top is not None and after != top.before:
                # What push() would do, without a new command for Qt to delete (and
                # PySide to keep, see _LIVE_COMMANDS): 7 objects per slider move.
                top.after = after
                top.setText(label)
                self._apply_state(after)
                stack = self.undo_stack
                stack.indexChanged.emit(stack.index())  # autosave, the unsaved mark
                stack.undoTextChanged.emit(stack.undoText())  # Edit > Undo's label
                return
            command = _StateCommand(self, label, before, after, command_id, merge_key)
            _hold(command)
            self.undo_stack.push(command)
            # Merged into the one on top, or both dropped (a drag back to its start).
            _release_if_deleted(command)
            _release_if_deleted(top)
        finally:
            self._pushing = False

    def _merge_target(self, command_id: int, merge_key: object) -> _StateCommand | None:
        """The command on top of the stack that a change with ``command_id`` and
        ``merge_key`` merges into, if it can be merged without Qt: nothing to redo
        above it and not the saved state (Qt never merges into that one either)."""
        stack = self.undo_stack
        index = stack.index()
        if merge_key is None or index == 0 or index != stack.count() or stack.isClean():
            return None
        top = stack.command(index - 1)
        if isinstance(top, _StateCommand) and top.id() == command_id and top.merge_key == merge_key:
            return top
        return None

    def _apply_state(self, state: SessionState) -> None:
        """Make ``state`` the document and tell the views what differs from before."""
        old = self._state
        self.session.restore(state)
        self._state = state
        if old.expression_text != state.expression_text:
            self._hold(None)  # a held text was typed over the formula undo just replaced
        self._emit_differences(old, state)
        self.request_evaluate()

    def _emit_differences(self, old: SessionState, new: SessionState) -> None:
        old_vars = {s.name: s for s in old.variables}
        new_vars = {s.name: s for s in new.variables}
        ranges = [(s.name, s.min, s.max, s.step) for s in old.variables]
        if ranges != [(s.name, s.min, s.max, s.step) for s in new.variables]:
            self.sigVariablesChanged.emit()
        if old.expression_text != new.expression_text or old.error is not new.error:
            self.sigExpressionChanged.emit(new.expression_text)
        for name, spec in new_vars.items():
            before = old_vars.get(name)
            if before is None or before.value != spec.value:
                self.sigValueChanged.emit(name, spec.value)
        if old.sweep != new.sweep:
            self.sigSweepChanged.emit()
        if old.curves != new.curves:
            self.sigCurvesChanged.emit(list(new.curves))
        if old.panels != new.panels:
            old_panels, new_panels = json.loads(old.panels), json.loads(new.panels)
            for key in PANEL_KEYS:
                if old_panels.get(key) != new_panels.get(key):
                    self.sigPanelStateChanged.emit(key)

    def _on_undo_stack_index_changed(self, _index: int) -> None:
        if not self._pushing:
            self._drag_key = self._typing_key = self._nudge = None
