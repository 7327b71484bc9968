"""Validators for the keyed scalars, one trio per scalar of the spec.

Generated from spec/normandy.yaml (version 1.1.3) by `python -m codegen
generate`. Do not edit: change the spec or a template, then run `make
generate`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from normandy_telemetry.errors import FieldError, ValidationError
from normandy_telemetry.reading import UINT_MAX, keyed_uint_errors

_RECIPE_FRESHNESS_KEY: Final = re.compile("^[0-9]+$").fullmatch
_RECIPE_FRESHNESS_KEY_TEXT: Final = "a recipe id (^[0-9]+$)"


def iter_recipe_freshness_errors(key: object, value: object) -> Iterator[FieldError]:
    """Every problem with one entry of the keyed scalar normandy.recipe_freshness:
    the key is The numeric ID of the recipe on the Normandy server. The value
    is The recipe's last_modified date, as seconds since 1970-01-01 00:00 UTC,
    says the data-collection document; Firefox records the recipe's revision
    ID.
    """
    errors = keyed_uint_errors(
        _RECIPE_FRESHNESS_KEY, _RECIPE_FRESHNESS_KEY_TEXT, key, value
    )
    return iter(errors)


def is_valid_recipe_freshness(key: object, value: object) -> bool:
    """Whether ``(key, value)`` is a valid entry of normandy.recipe_freshness."""
    if type(key) is str and type(value) is int:
        return 0 <= value <= UINT_MAX and _RECIPE_FRESHNESS_KEY(key) is not None
    return not keyed_uint_errors(
        _RECIPE_FRESHNESS_KEY, _RECIPE_FRESHNESS_KEY_TEXT, key, value
    )


def validate_recipe_freshness(key: object, value: object) -> None:
    """Raise ValidationError unless ``(key, value)`` is a valid entry of
    normandy.recipe_freshness.
    """
    errors = keyed_uint_errors(
        _RECIPE_FRESHNESS_KEY, _RECIPE_FRESHNESS_KEY_TEXT, key, value
    )
    if errors:
        raise ValidationError(errors)
