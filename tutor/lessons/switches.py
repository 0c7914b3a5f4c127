"""Teaching switches: each brings back a bug the book fixes, to see what the fix is for.

Three are ``Config`` flags of the real engine, set with ``using_config``; the fourth,
"no cleargrad between runs", is a choice in the learner's code, so the demos that show
it take a ``cleargrad`` argument. What a switch does is code, here; what it is called
and how it is described is data (``content/switches.toml``, one text per language).

``run_with_switches`` runs anything with exactly the given switches on;
``TeachingSwitches`` keeps switches on until turned off (the window's teaching modes).
"""

from __future__ import annotations

import contextlib
import gc
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

# isort: split
# (tomllib is standard from Python 3.11; ruff's py310 target calls it third-party)
import tomllib

# isort: split
from engine.core import Config, using_config
from tutor.lessons.text import LANGUAGES, Text

T = TypeVar("T")

TEXTS_FILE = Path(__file__).with_name("content") / "switches.toml"


@dataclass(frozen=True)
class Switch:
    """A teaching mode that brings back a bug the book fixes.

    ``config`` is the ``(Config attribute, value)`` that turns the bug on, or None for
    a switch that lives in the learner's code rather than in the engine
    (``demo_argument``: the keyword a demo takes, and its value while the switch is on).
    """

    id: str
    book_step: int
    title: Text
    description: Text
    config: tuple[str, bool] | None = None
    demo_argument: tuple[str, Any] | None = None


# What each switch does: (id, book step, Config flag with its buggy value, demo argument).
_MECHANICS: tuple[tuple[str, int, tuple[str, bool] | None, tuple[str, Any] | None], ...] = (
    ("overwrite_grad", 14, ("accumulate_grad", False), None),
    ("no_cleargrad", 14, None, ("cleargrad", False)),
    ("plain_stack", 16, ("order_by_generation", False), None),
    ("strong_refs", 17, ("weak_outputs", False), None),
)


def _read_texts(path: Path) -> dict[str, dict[str, Text]]:
    """Titles and descriptions per switch, checked: every switch, every language."""
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    ids = {m[0] for m in _MECHANICS}
    if set(data) != ids:
        raise ValueError(f"{path.name}: expected exactly the switches {sorted(ids)}")
    texts: dict[str, dict[str, Text]] = {}
    for sid, entry in data.items():
        if set(entry) != {"title", "description"}:
            raise ValueError(f"{path.name}: [{sid}] needs exactly 'title' and 'description'")
        texts[sid] = {}
        for key, value in entry.items():
            if not isinstance(value, dict) or set(value) != set(LANGUAGES):
                raise ValueError(f"{path.name}: {sid}.{key} needs {', '.join(LANGUAGES)}")
            texts[sid][key] = Text(value)
    return texts


def _switches() -> dict[str, Switch]:
    texts = _read_texts(TEXTS_FILE)
    return {
        sid: Switch(sid, step, texts[sid]["title"], texts[sid]["description"], config, arg)
        for sid, step, config, arg in _MECHANICS
    }


SWITCHES: dict[str, Switch] = _switches()


def check_switches(switches: Iterable[str]) -> frozenset[str]:
    """``switches`` as a frozenset; KeyError naming any that does not exist."""
    switches = frozenset(switches)
    unknown = switches - SWITCHES.keys()
    if unknown:
        raise KeyError(f"unknown teaching switch(es): {', '.join(sorted(unknown))}")
    return switches


def run_with_switches(fn: Callable[..., T], switches: Iterable[str] = (), *args, **kwargs) -> T:
    """Call ``fn(*args, **kwargs)`` with exactly the given teaching switches on, then restore.

    Engine switches are set with ``using_config`` — those not given are set to the
    book's behaviour, whatever the window has on — so the same call always gives the
    same result. A switch that lives in the learner's code (``no_cleargrad``) is passed
    to ``fn`` as its keyword argument, if ``fn`` takes it. The automatic cycle
    collector is paused meanwhile, so counts of live objects come out the same on
    every run (an explicit ``gc.collect()`` still works).
    """
    switches = check_switches(switches)
    accepted = inspect.signature(fn).parameters
    gc_was_enabled = gc.isenabled()
    with contextlib.ExitStack() as stack:
        for sid, switch in sorted(SWITCHES.items()):
            if switch.config is not None:
                name, buggy = switch.config
                stack.enter_context(using_config(name, buggy if sid in switches else not buggy))
            if sid in switches and switch.demo_argument is not None:
                name, value = switch.demo_argument
                if name in accepted:
                    kwargs.setdefault(name, value)
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if gc_was_enabled:
                gc.enable()


def engine_switches_on() -> frozenset[str]:
    """The engine switches that ``Config`` has on right now (whoever turned them on)."""
    return frozenset(
        s.id
        for s in SWITCHES.values()
        if s.config is not None and getattr(Config, s.config[0]) == s.config[1]
    )


class TeachingSwitches:
    """Switches that stay on until turned off: the window's teaching modes.

    Engine switches are entered with ``using_config`` and exited when turned off, so the
    engine's own flags are the only state. ``listeners`` are called with no arguments
    after every real change.
    """

    def __init__(self) -> None:
        self._on: dict[str, contextlib.ExitStack] = {}
        self.listeners: list[Callable[[], None]] = []

    def is_on(self, switch_id: str) -> bool:
        return switch_id in self._on

    @property
    def on(self) -> frozenset[str]:
        return frozenset(self._on)

    def set(self, switch_id: str, on: bool) -> None:
        check_switches([switch_id])
        if on == self.is_on(switch_id):
            return
        if on:
            stack = contextlib.ExitStack()
            config = SWITCHES[switch_id].config
            if config is not None:
                stack.enter_context(using_config(*config))
            self._on[switch_id] = stack
        else:
            self._on.pop(switch_id).close()
        for listener in list(self.listeners):
            listener()

    def set_all(self, switch_ids: Iterable[str]) -> None:
        """Make exactly ``switch_ids`` on."""
        wanted = check_switches(switch_ids)
        for sid in sorted(self.on - wanted):
            self.set(sid, False)
        for sid in sorted(wanted - self.on):
            self.set(sid, True)

    def all_off(self) -> None:
        self.set_all(())


__all__ = [
    "SWITCHES",
    "Switch",
    "TeachingSwitches",
    "check_switches",
    "engine_switches_on",
    "run_with_switches",
]
