"""Format generated Python with black, pinned and called in-process.

The mode is explicit so that no ``pyproject.toml`` or black version found on
the machine can change the output. black is imported the first time a file
needs it, so that a run spends its import time (a tenth of a second) only in
the process that formats (see ``codegen.parallel``).
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cache
from typing import Any

LINE_LENGTH = 88
"""Black's line length, for the code black formats and the code laid out in its style."""


@cache
def black_mode() -> Any:
    import black
    from black.mode import TargetVersion

    return black.Mode(target_versions={TargetVersion.PY311}, line_length=LINE_LENGTH)


def format_outputs(files: dict[str, str], skip: Collection[str] = ()) -> dict[str, str]:
    """Return ``files`` with every ``.py`` file not in ``skip`` run through black.

    Every file ends with exactly one newline.
    """
    formatted: dict[str, str] = {}
    for path, text in files.items():
        if path.endswith(".py") and path not in skip:
            import black
            import black.parsing

            try:
                text = black.format_str(text, mode=black_mode())
            except black.parsing.InvalidInput as exc:
                # A template (or the code that lays it out) wrote invalid Python.
                raise ValueError(
                    f"the rendered {path} is not valid Python ({exc}); its"
                    " template or target module under templates/ or codegen/targets/"
                    " wrote it"
                ) from exc
        if not text.endswith("\n") or text.endswith("\n\n"):
            # Most files end as they should: a large page is not copied twice.
            text = text.rstrip("\n") + "\n"
        formatted[path] = text
    return formatted
