"""Problems found in a spec, reported as ``path:LINE:COL: message``.

A user's mistake becomes a :class:`Problem`, never a traceback. Stages collect
problems instead of stopping at the first, and :class:`SpecError` carries them
all, sorted into file order, to the command line.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in the spec, at a 1-based line and column."""

    line: int
    column: int
    message: str

    def render(self, label: str) -> str:
        """One terminal line: the label (a path) and the message shown escaped."""
        return escape(f"{label}:{self.line}:{self.column}: {self.message}")


class SpecError(Exception):
    """The spec cannot be used; ``problems`` holds every reason, in file order."""

    def __init__(self, label: str, problems: Iterable[Problem]) -> None:
        self.label = label
        self.problems = tuple(sorted(set(problems)))
        super().__init__(self.report())

    def report(self) -> str:
        lines = [p.render(self.label) for p in self.problems]
        count = len(self.problems)
        lines.append(
            escape(f"{count} problem{'s' if count != 1 else ''} in {self.label}")
        )
        return "\n".join(lines)


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    """A ``; did you mean 'x'?`` suffix, or nothing when no choice is close."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return f"; did you mean '{matches[0]}'?" if matches else ""


def one_of(choices: Iterable[str]) -> str:
    """``'a', 'b' or 'c'`` for a message that lists what is allowed."""
    quoted = [f"'{c}'" for c in choices]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


# Characters that must not reach a terminal as they are: controls (escape
# sequences, carriage returns, line breaks that forge lines), bidirectional and
# other format characters (text that reads other than it is), line and
# paragraph separators.
_HIDDEN = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}


def is_hidden(char: str) -> bool:
    return unicodedata.category(char) in _HIDDEN


def escape(text: str) -> str:
    """``text`` on one line with every control, format (bidi) and separator
    character shown as its escape: ``\\n``, ``\\x1b``, ``\\u202e``.

    The one escaper for everything that reaches a terminal or a comment: spec
    problems, lint findings, ``diff``'s renderers, the command line's own lines
    (paths, revisions), ``check``'s diffs of files edited by hand, and the
    comments of generated files; lone surrogates (the undecodable bytes of a
    file name) are shown too. All-printable text, the common case, is returned
    as it is after one scan."""
    if text.isprintable():  # no C* category, no separator but the space
        return text
    out = []
    for char in text:
        if not is_hidden(char):
            out.append(char)
        elif char in "\n\t\r":
            out.append({"\n": "\\n", "\t": "\\t", "\r": "\\r"}[char])
        elif ord(char) < 0x100:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) < 0x10000:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return "".join(out)
