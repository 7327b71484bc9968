# Generated from spec/normandy.yaml (version 1.1.3) by `python -m codegen generate`:
# a copy of codegen/runtime/errors.py, the same for every spec.
# Do not edit: change codegen/runtime/errors.py, then run `make generate`.
"""The error every validator and builder raises, and the problems it carries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FieldError:
    """One problem with one part of the input."""

    path: str
    """Where the problem is: ``category``, ``value``, ``extra.reason``,
    ``timestamp`` (legacy records), ``source``; empty for the input as a whole.
    The same for both event shapes."""
    message: str
    """What is wrong, naming the allowed values or the limit."""

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class ValidationError(ValueError):
    """The input breaks the spec; :attr:`errors` lists every problem found."""

    errors: tuple[FieldError, ...]

    def __init__(self, errors: Iterable[FieldError]) -> None:
        self.errors = tuple(errors)
        count = len(self.errors)
        head = "; ".join(str(error) for error in self.errors[:3])
        more = f" (and {count - 3} more)" if count > 3 else ""
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{count} {noun}: {head}{more}")
