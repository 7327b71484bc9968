"""Typed event builders, one module per event object.

Generated from spec/normandy.yaml (version 1.1.3) by `python -m codegen
generate`. Do not edit: change the spec or a template, then run `make
generate`.

``events.preference_study.enroll(value=..., branch=..., experiment_type=...,
enrollment_id=...)`` returns the event as a mapping that ``validate_event``
accepts. Every argument is keyword-only: the event's value is ``value``
(``event_value`` when the event has an extra key named value), and each extra
key takes its Python name (``enrollmentId`` becomes ``enrollment_id``). Keys
that are not always sent default to ``None``, which leaves them out. Where a
key is sent exactly when another key has certain values (a key sent only for
one reason), the builder has one ``@overload`` per case, so a type checker
rejects a call that leaves the key out in its case or gives it in another. A
builder cuts a value the spec says the sender truncates, and raises
``ValidationError`` for any value the spec does not allow.

Each module is imported when it is first used, so a spec with thousands of
events costs nothing to import until its builders are needed; type checkers see
every module.
"""

# Private names only: an object of the spec may be called importlib.
import importlib as _importlib
from types import ModuleType as _ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from normandy_telemetry.events import (
        addon_rollback,
        addon_rollout,
        addon_study,
        nimbus_experiment,
        preference_rollback,
        preference_rollout,
        preference_study,
    )

__all__ = [
    "addon_rollback",
    "addon_rollout",
    "addon_study",
    "nimbus_experiment",
    "preference_rollback",
    "preference_rollout",
    "preference_study",
]


def __getattr__(name: str) -> _ModuleType:
    """Import the builder module ``name`` on first use."""
    if name in __all__:
        return _importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
