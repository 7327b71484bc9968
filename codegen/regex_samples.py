"""A few strings a regular expression matches, read from its parse tree.

``diff`` asks whether a placeholder pattern was narrowed (does the new pattern
refuse a key the old one accepted?) and ``lint`` whether two Uptake keys can
match the same report. Neither question has a cheap exact answer for Python
regexes, so both ask it of samples: the shortest string through every branch,
and variants that take each repeat at its bounds and each character class at
its edges (``[0-9]`` gives ``0``, ``9`` and ``4``; ``\\d`` an Arabic-Indic digit
too, since Python's ``\\d`` matches one). A sample is only ever used as
evidence (a key the old pattern accepts and the new refuses), so a missed
difference costs a report, never a false one.
"""

from __future__ import annotations

import re
import re._constants as sre  # type: ignore[import-not-found]
import re._parser as sre_parse  # type: ignore[import-not-found]
from functools import cache
from itertools import islice
from typing import Any

PER_NODE = 12
"""Alternatives kept per node: enough for the edges of each class and repeat."""
LONG = 40
"""The count an unbounded repeat is also sampled at, to catch a new upper bound."""

# Characters tried against classes that are not spelled out (``.``, ``[^/]``, ``\w``).
_PROBES = "a0Z9_-. /:é٣\t"


def _class_chars(items: list[tuple[Any, Any]]) -> list[str]:
    """Characters a class ``[...]`` (or ``\\d``, ``.``) can match: its edges first."""
    negate = any(op is sre.NEGATE for op, _ in items)
    candidates: list[str] = []
    middles: list[str] = []
    for op, arg in items:
        if op is sre.LITERAL:
            candidates.append(chr(arg))
        elif op is sre.RANGE:
            low, high = arg
            candidates += [chr(low), chr(high)]
            middles.append(chr((low + high) // 2))
    candidates += middles + list(_PROBES)
    pattern = re.compile(_class_source(items))
    return list(dict.fromkeys(c for c in candidates if pattern.fullmatch(c)))[
        : PER_NODE if not negate else 4
    ]


def _class_source(items: list[tuple[Any, Any]]) -> str:
    """The class as regex source again, to test candidates with ``re`` itself."""
    parts, negate = [], False
    for op, arg in items:
        if op is sre.NEGATE:
            negate = True
        elif op is sre.LITERAL:
            parts.append(re.escape(chr(arg)))
        elif op is sre.RANGE:
            low, high = arg
            parts.append(f"{re.escape(chr(low))}-{re.escape(chr(high))}")
        elif op is sre.CATEGORY:
            parts.append(_CATEGORIES[arg])
    return f"[{'^' if negate else ''}{''.join(parts)}]"


_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}


def _sequence(parsed: Any) -> list[str]:
    """Strings a sequence of nodes matches: the first choice everywhere, then
    the same with one node at a time taking each of its other choices."""
    found_choices = [_node(op, arg) for op, arg in parsed]
    choices = [c for c in found_choices if c is not None]
    if any(not c for c in choices):
        return []  # some node matches nothing we can produce
    base = [c[0] for c in choices]
    found = ["".join(base)]
    for index, options in enumerate(choices):
        for option in options[1:]:
            found.append("".join(base[:index] + [option] + base[index + 1 :]))
    return list(dict.fromkeys(found))


def _node(op: Any, arg: Any) -> list[str] | None:
    """The choices of one node, the simplest first; None for a zero-width node."""
    if op is sre.LITERAL:
        return [chr(arg)]
    if op is sre.NOT_LITERAL:
        return [c for c in _PROBES if ord(c) != arg][:2]
    if op is sre.ANY:
        return list(_PROBES[:4])
    if op is sre.IN:
        return _class_chars(arg)
    if op is sre.CATEGORY:
        return _class_chars([(op, arg)])
    if op is sre.SUBPATTERN:
        return _sequence(arg[-1])[:PER_NODE]
    if op is sre.BRANCH:
        found: list[str] = []
        for branch in arg[1]:
            found += _sequence(branch)[:4]
        return list(dict.fromkeys(found))[:PER_NODE]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
        low, high, body = arg
        options = _sequence(body)[:8]
        if not options:
            return [""] if low == 0 else []
        counts = [low, low + 1, low + 2]
        counts.append(high if high is not sre.MAXREPEAT else max(LONG, low + 3))
        counts = [
            n for n in dict.fromkeys(counts) if high is sre.MAXREPEAT or n <= high
        ]
        found = [options[0] * n for n in counts]
        found += [option * max(low, 1) for option in options[1:]]
        return list(dict.fromkeys(found))[:PER_NODE]
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return None  # zero width: the final full match decides
    if op is sre.GROUPREF:
        return None  # rare in a spec; the full match filters what does not fit
    return []


@cache
def samples(pattern: str, limit: int = 60) -> tuple[str, ...]:
    """Up to ``limit`` strings that ``pattern`` fully matches (``^``/``$`` allowed)."""
    try:
        compiled = re.compile(pattern)
        parsed = sre_parse.parse(pattern)
    except (re.error, RecursionError):
        return ()
    matching = (s for s in _sequence(parsed) if compiled.fullmatch(s))
    return tuple(islice(dict.fromkeys(matching), limit))
