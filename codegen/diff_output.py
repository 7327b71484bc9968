"""``diff``'s report as text, Markdown (for a pull request) or JSON.

Everything the spec contributes to a line (paths, values, examples, the names
of the two sides) is shown escaped: control, format (bidirectional) and
separator characters appear as their escapes, so no description can move the
cursor, retitle the terminal, reorder what a reader sees or forge a line such
as ``breaking (0):``. JSON keeps the exact text in its data, escaping those
characters as ``\\uXXXX``.
"""

from __future__ import annotations

import json
import re
from typing import Any

from codegen.diff import BREAKING, CLASSES, TITLES, Change
from codegen.problems import escape, is_hidden


def grouped(changes: list[Change]) -> dict[str, list[Change]]:
    return {kind: [c for c in changes if c.kind == kind] for kind in CLASSES}


def _show(value: Any) -> str:
    if isinstance(value, str):
        return escape(value)
    return escape(json.dumps(value, ensure_ascii=False))


def _detail(change: Change) -> str:
    if change.old is None and change.new is None:
        return ""
    before = _show(change.old) if change.old is not None else "(none)"
    after = _show(change.new) if change.new is not None else "(none)"
    return f": {before} -> {after}"


def render_text(changes: list[Change], old: str, new: str) -> str:
    if not changes:
        return f"no changes between {escape(old)} and {escape(new)}"
    lines = [f"{len(changes)} change(s) between {escape(old)} and {escape(new)}"]
    for kind, items in grouped(changes).items():
        if not items:
            continue
        lines.append(f"\n{kind} ({len(items)}):")
        for change in items:
            lines.append(
                f"  {escape(change.path)}: {escape(change.what)}{_detail(change)}"
            )
            if change.example is not None:
                lines.append(f"    e.g. {escape(change.example.describe())}")
    return "\n".join(lines)


def _md(value: Any) -> str:
    """A Markdown code span of ``value`` that survives inside a table cell."""
    text = _show(value).replace("|", "\\|")
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def render_markdown(changes: list[Change], old: str, new: str) -> str:
    lines = [f"## Spec changes: {_md(old)} → {_md(new)}", ""]
    if not changes:
        return "\n".join(lines + ["No changes."])
    summary = ", ".join(
        f"{len(items)} {kind}" for kind, items in grouped(changes).items() if items
    )
    lines += [f"**{summary}**", ""]
    for kind, items in grouped(changes).items():
        if not items:
            continue
        columns = ["where", "change", "before", "after"]
        if kind == BREAKING:
            columns.append("example")  # what the new spec refuses, or what is gone
        lines += [
            f"### {TITLES[kind]}",
            "",
            "| " + " | ".join(columns) + " |",
            "|" + " --- |" * len(columns),
        ]
        for c in items:
            cells = [
                _md(c.path),
                escape(c.what).replace("|", "\\|"),
                _md(c.old) if c.old is not None else "",
                _md(c.new) if c.new is not None else "",
            ]
            if kind == BREAKING:
                cells.append(_md(c.example.describe()) if c.example else "")
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _json_safe(text: str) -> str:
    """JSON text whose strings show hidden characters as ``\\uXXXX`` escapes
    (JSON itself only escapes the C0 controls); it parses to the same values."""
    out = []
    for char in text:
        if not is_hidden(char) or char in "\n ":
            out.append(char)
        elif ord(char) < 0x10000:
            out.append(f"\\u{ord(char):04x}")
        else:
            code = ord(char) - 0x10000
            out.append(
                f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
            )
    return "".join(out)


def render_json(changes: list[Change], old: str, new: str) -> str:
    payload = {
        "old": old,
        "new": new,
        "class": next((k for k in CLASSES if any(c.kind == k for c in changes)), None),
        "breaking": any(c.kind == BREAKING for c in changes),
        "counts": {kind: len(items) for kind, items in grouped(changes).items()},
        "changes": [c.as_json() for c in changes],
    }
    return _json_safe(json.dumps(payload, indent=2, ensure_ascii=False))


RENDERERS = {"text": render_text, "markdown": render_markdown, "json": render_json}
