"""Spec patterns mean the same in Python and in ECMA-262 (issue 14, item 7).

``codegen.patterns`` admits a subset of regular expressions; these tests run
every pattern it admits under Python's ``re`` and under QuickJS, a JavaScript
engine, as the JSON Schema is read (``^(?:...)(?![\\s\\S])``, the ``u`` flag),
and check that both accept exactly the same strings. Whatever lies outside the
subset is refused with what to write instead.
"""

from __future__ import annotations

import re
import warnings

import ecma
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from codegen.model import core_pattern
from codegen.patterns import NotPortable, check_portable
from codegen.targets.json_schema import whole

# Strings that tell the dialects apart: other scripts' digits and letters, line
# breaks Python's '.' and '$' treat differently, astral characters, spaces.
PROBE_CHARS = list("aZz09_-/. \n\r\t") + [
    "\u0661",  # ARABIC-INDIC DIGIT ONE
    "\u00e9",
    "\u2028",
    "\u00a0",
    "\ufeff",
    "\U0001f600",
    "K",  # KELVIN SIGN
]
PROBES = st.text(alphabet=st.sampled_from(PROBE_CHARS), max_size=8)


def python_accepts(pattern: str, text: str) -> bool:
    return re.fullmatch(core_pattern(pattern), text) is not None


def ecma_accepts(pattern: str, text: str) -> bool:
    return ecma.search(whole(pattern), text)


# -- the subset, as a grammar -----------------------------------------------------

LITERAL = st.sampled_from(list("abcXYZ019_-/ é") + ["\\.", "\\/", "\\*", "\\(", "\\$"])
CLASS_ITEM = st.sampled_from(
    ["a-z", "A-Z", "0-9", "_", "\\]", "é", " ", "/", "\\.", "x", "\\^"]
)
CLASS = st.builds(
    lambda negate, items: "[" + ("^" if negate else "") + "".join(items) + "]",
    st.booleans(),
    st.lists(CLASS_ITEM, min_size=1, max_size=4),
)
QUANTIFIER = st.sampled_from(
    ["", "", "*", "+", "?", "{2}", "{1,}", "{0,2}", "*?", "+?"]
)


def _sequence(atom: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    piece = st.builds(lambda a, q: a + q, atom, QUANTIFIER)
    return st.lists(piece, min_size=1, max_size=4).map("".join)


# A group is optional at most: a repeated group of repetitions ('(?:a*)*')
# backtracks exponentially in both engines, which would only measure patience.
GROUP_QUANTIFIER = st.sampled_from(["", "?"])
PATTERNS = st.recursive(
    _sequence(LITERAL | CLASS),
    lambda inner: st.lists(
        _sequence(LITERAL | CLASS)
        | st.builds(
            lambda kind, alternatives, quantifier: kind
            + "|".join(alternatives)
            + ")"
            + quantifier,
            st.sampled_from(["(", "(?:"]),
            st.lists(inner, min_size=1, max_size=3),
            GROUP_QUANTIFIER,
        ),
        min_size=1,
        max_size=3,
    ).map("".join),
    max_leaves=6,
).flatmap(
    lambda body: st.sampled_from([body, "^" + body, body + "$", "^" + body + "$"])
)


@given(PATTERNS, st.lists(PROBES, min_size=1, max_size=20))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_pattern_of_the_subset_means_the_same_in_both(
    pattern: str, texts: list[str]
) -> None:
    check_portable(pattern)
    assert ecma.compiles(whole(pattern)), pattern
    for text in texts:
        assert python_accepts(pattern, text) == ecma_accepts(pattern, text), (
            pattern,
            text,
        )


# Any short string of regex characters: what the subset admits must mean the
# same in both, whatever it is.
REGEX_SOUP = st.text(
    alphabet=st.sampled_from(list("ab09^$.|?*+(){}[]\\-/,:=!<>PdwsZ&~ ")), max_size=10
)


@given(REGEX_SOUP, st.lists(PROBES, min_size=1, max_size=10))
@example("a{,3}", ["aaa"])
@example("[a-]", ["-"])
@example("[-a]", ["-"])
@example("a|", [""])
@example("()", [""])
@settings(
    max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
def test_whatever_the_subset_admits_means_the_same_in_both(
    pattern: str, texts: list[str]
) -> None:
    try:
        with warnings.catch_warnings():
            # Python warns of future set operations; check_portable refuses them.
            warnings.simplefilter("ignore", FutureWarning)
            re.compile(pattern)
            re.compile(f"x(?:{core_pattern(pattern)})y")
        check_portable(pattern)
    except (re.error, NotPortable):
        return
    assert ecma.compiles(whole(pattern)), pattern
    for text in texts:
        assert python_accepts(pattern, text) == ecma_accepts(pattern, text), (
            pattern,
            text,
        )


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        (r"^[0-9]+\Z", r"'\Z' (character 8) is Python's alone"),
        (r"^(?P<id>[0-9]+)$", "'(?P' (character 2) starts a named group"),
        (r"^(?>[0-9]+)$", "'(?>' (character 2) starts an atomic group"),
        (r"^[0-9]++$", "'+' (character 8) makes the repetition before it possessive"),
        (r"^[\-a]$", r"'\-' (character 3) is not an escape both"),
        (r"^\d+$", r"'\d' (character 2) matches digits of every script in Python"),
        (r"^\w+$", r"'\w' (character 2)"),
        (r"^.+$", "'.' (character 2) matches a carriage return"),
        (r"^a{,3}$", "'{' (character 3) starts {,n}"),
        (r"^a}$", "'}' (character 3) closes nothing"),
        (r"^[]a]$", "'[]' (character 3) is empty"),
        (r"^(?=a)a$", "'(?=' (character 2) starts a lookahead"),
        (r"^(a)\1$", r"'\1' (character 5) is a back reference"),
        ("^\U0001f600$", "is outside the Basic Multilingual Plane"),
        (r"^[a&&b]$", "'&&' (character 4)"),
        (r"^a\-b$", r"'\-' (character 3) is not an escape both"),
    ],
)
def test_python_only_syntax_is_refused_with_a_fix(pattern: str, problem: str) -> None:
    with pytest.raises(NotPortable) as refused:
        check_portable(pattern)
    assert problem in str(refused.value)
    assert "; " in str(refused.value), "says what to write instead"


def test_the_shipped_patterns_are_portable() -> None:
    for pattern in (
        r"^[0-9]+$",
        r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*|[A-Z][A-Za-z0-9]*Action)$",
        r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    ):
        check_portable(pattern)
        assert ecma.compiles(whole(pattern))


def test_arabic_indic_digits_are_what_set_the_dialects_apart() -> None:
    """The reproduction: ``^\\d+$`` accepts '١٢' in Python, the schema refuses it."""
    assert re.fullmatch(r"\d+", "\u0661\u0662")
    assert not ecma.search(whole(r"^\d+$"), "\u0661\u0662")
