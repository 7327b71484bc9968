"""The README's "How it works" and "Contributing" sections name every module
of the toolchain, so a newcomer finds the code for any stage or output."""

from __future__ import annotations

from support import ROOT


def _section(text: str, title: str) -> str:
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


def test_every_module_is_named() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    sections = _section(readme, "How it works") + _section(readme, "Contributing")
    missing = []
    for path in sorted((ROOT / "codegen").rglob("*.py")):
        relative = path.relative_to(ROOT / "codegen")
        if path.name == "__init__.py" and relative.parent == relative.parent.parent:
            continue  # codegen/__init__.py: the package itself
        folder = relative.parent.as_posix()
        if path.name == "__init__.py":
            named = f"`codegen/{folder}/`" in sections or f"`{folder}/`" in sections
        else:
            names = (path.name, relative.as_posix(), f"codegen/{relative.as_posix()}")
            named = any(f"`{name}`" in sections for name in names)
            named = named or f"`codegen/{folder}/`" in sections
        if not named:
            missing.append(relative.as_posix())
    assert not missing, f"README's How it works / Contributing do not name: {missing}"
