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

# Characters that must never reach a terminal as themselves: C0 and C1 controls
# and DEL (escape sequences retitle the terminal, clear it, move the cursor),
# line and paragraph separators (a forged line), bidi controls and other
# invisible format characters (text that reads differently from what it is), and
# lone surrogates (undecodable bytes of a file name).
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _visible(char: str) -> str:
    if unicodedata.category(char) not in _UNSAFE_CATEGORIES:
        return char
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def terminal_text(text: str) -> str:
    """``text`` safe to print on one terminal line: every control, separator,
    bidi or other invisible format character, and every lone surrogate, is
    shown as a Python-style escape (``\\x1b``, ``\\n``, ``\\u202e``).

    Everything that prints spec text, a path or a revision to the terminal goes
    through this one function (problems, lint findings, the CLI's own lines and
    ``diff``'s renderers), so no spec can retitle or clear the terminal, move
    the cursor, or forge a line of output. Ordinary text, including non-ASCII
    letters, is left as it is; the common all-printable case costs one search.
    """
    if text.isprintable():  # no Cc, Cf, Cs, Zl, Zp (nor Z* other than space)
        return text
    return "".join(map(_visible, text))


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in the spec, at a 1-based line and column."""

    line: int
    column: int
    message: str

    def render(self, label: str) -> str:
        """One terminal line: the label (a path) and the message shown escaped."""
        return terminal_text(f"{label}:{self.line}:{self.column}: {self.message}")


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
            terminal_text(f"{count} problem{'s' if count != 1 else ''} in {self.label}")
        )
        return "\n".join(lines)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ``; did you mean 'x'?`` suffix, or nothing when no choice is close."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
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
    character shown as its escape: ``\\n``, ``\\x1b``, ``\\u202e``."""
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
