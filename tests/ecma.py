"""ECMA-262 regular expressions, from QuickJS (a real JavaScript engine), for the
tests that check the JSON Schema as a JavaScript validator would read it.

JSON Schema's ``pattern`` is an ECMA-262 regular expression, and validators in
other languages (Ajv in JavaScript, with the ``u`` flag) run it as one; Python's
``jsonschema`` runs it with ``re`` instead. :data:`EcmaValidator` is
``jsonschema``'s Draft 2020-12 validator with ``pattern`` evaluated by QuickJS,
so a differential test can show that both readings agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import jsonschema
import quickjs
from jsonschema import ValidationError

_CONTEXT = quickjs.Context()
_CONTEXT.eval("""
    var compiled = {};
    function ecmaSearch(pattern, text) {
        var regex = compiled[pattern];
        if (regex === undefined) {
            regex = compiled[pattern] = new RegExp(pattern, "u");
        }
        return regex.test(text);
    }
    function ecmaCompiles(pattern) {
        try { new RegExp(pattern, "u"); return true; } catch (e) { return false; }
    }
    """)
_SEARCH = _CONTEXT.get("ecmaSearch")
_COMPILES = _CONTEXT.get("ecmaCompiles")


def search(pattern: str, text: str) -> bool:
    """Whether ``pattern`` (ECMA-262, ``u`` flag) matches somewhere in ``text``."""
    return bool(_SEARCH(pattern, text))


def compiles(pattern: str) -> bool:
    """Whether a JavaScript engine accepts ``pattern`` with the ``u`` flag."""
    return bool(_COMPILES(pattern))


def _pattern(
    validator: Any, pattern: str, instance: Any, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not search(pattern, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r} (ECMA-262)")


EcmaValidator = jsonschema.validators.extend(
    jsonschema.Draft202012Validator, {"pattern": _pattern}
)
