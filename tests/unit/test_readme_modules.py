"""The README's "How it works" table names every module of the toolchain by
its file, in the row that says what it does, so a newcomer finds the code for
any stage or output; and the "Contributing" table points at every output's
code."""

from __future__ import annotations

from pathlib import Path

from support import ROOT


def _section(text: str, title: str) -> str:
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


def _rows(section: str) -> list[str]:
    return [line for line in section.splitlines() if line.startswith("| ")]


def _named_in(row: str, relative: Path) -> bool:
    """Whether a table row names the module at ``codegen/<relative>``: by its
    path, or, for a root module, by its file name, or by its file name in a
    row that names its folder."""
    path = relative.as_posix()
    if f"`{path}`" in row or f"`codegen/{path}`" in row:
        return True
    folder = relative.parent.as_posix()
    if folder == ".":
        return f"`{relative.name}`" in row
    return f"`{folder}/`" in row and f"`{relative.name}`" in row


def _modules() -> list[Path]:
    modules = sorted(
        p.relative_to(ROOT / "codegen") for p in (ROOT / "codegen").rglob("*.py")
    )
    return [m for m in modules if m != Path("__init__.py")]  # the package itself


def test_every_module_is_named_in_how_it_works() -> None:
    rows = _rows(_section((ROOT / "README.md").read_text("utf-8"), "How it works"))
    missing = [
        m.as_posix() for m in _modules() if not any(_named_in(r, m) for r in rows)
    ]
    assert not missing, f"README's How it works table does not name: {missing}"


def test_a_new_module_would_be_reported() -> None:
    """The rule above is not satisfied by a folder's name alone."""
    rows = ["| outputs | `targets/python/`: `builders.py` | ... |"]
    assert _named_in(rows[0], Path("targets/python/builders.py"))
    assert not _named_in(rows[0], Path("targets/python/new_part.py"))
    assert not _named_in(rows[0], Path("targets/docs/builders.py"))
    assert not _named_in(
        "| x | `builders.py` | ... |", Path("targets/python/builders.py")
    )


def test_every_output_is_in_the_contributing_table() -> None:
    section = _section((ROOT / "README.md").read_text("utf-8"), "Contributing")
    targets = ROOT / "codegen" / "targets"
    outputs = [
        p.name if p.is_dir() else p.stem
        for p in targets.iterdir()
        if (p.is_dir() and (p / "__init__.py").exists())
        or (p.suffix == ".py" and p.stem not in ("__init__", "base"))
    ]
    missing = [o for o in outputs if f"codegen/targets/{o}" not in section]
    assert outputs and not missing, f"Contributing does not point at: {missing}"
