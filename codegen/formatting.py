"""Format generated Python with black, pinned and called in-process.

The mode is explicit so that no ``pyproject.toml`` or black version found on
the machine can change the output.
"""

from __future__ import annotations

import black

BLACK_MODE = black.Mode(target_versions={black.TargetVersion.PY311}, line_length=88)


def format_outputs(files: dict[str, str]) -> dict[str, str]:
    """Return ``files`` with every ``.py`` file formatted; other files unchanged."""
    formatted: dict[str, str] = {}
    for path, text in files.items():
        if path.endswith(".py"):
            text = black.format_str(text, mode=BLACK_MODE)
        elif not text.endswith("\n"):
            text += "\n"
        formatted[path] = text
    return formatted
