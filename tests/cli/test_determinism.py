"""Output is byte-identical across runs, hash seeds and working directories.

Hash seeds need real interpreters: the first test is this tier's smoke test
of ``python -m codegen generate``, three processes with different seeds,
working directories and spec paths. The others run in-process.
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

from support import ROOT, SPEC, cli, run_codegen, snapshot


def generate(out: Path, cwd: Path, seed: str, spec: Path = SPEC) -> dict[str, bytes]:
    """Generate in a fresh interpreter with PYTHONHASHSEED=seed."""
    result = run_codegen(
        "generate",
        "--spec",
        str(spec),
        "--out",
        str(out),
        cwd=cwd,
        env={"PYTHONHASHSEED": seed},
    )
    assert result.returncode == 0, result.stderr
    return snapshot(out)


def generate_here(out: Path, cwd: Path = ROOT, spec: Path = SPEC) -> dict[str, bytes]:
    """Generate in-process, from ``cwd``."""
    result = cli("generate", "--spec", str(spec), "--out", str(out), cwd=cwd)
    assert result.returncode == 0, result.stderr
    return snapshot(out)


def test_same_bytes_for_different_hash_seeds_and_directories(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # A copy of the spec at another absolute path must give the same files too.
    copied = tmp_path / "copy" / "spec" / "normandy.yaml"
    copied.parent.mkdir(parents=True)
    shutil.copy(SPEC, copied)
    runs = [
        generate(tmp_path / "a", ROOT, "0"),
        generate(tmp_path / "b", elsewhere, "1"),
        generate(tmp_path / "c", elsewhere, "4242", spec=copied),
    ]
    assert runs[0] == runs[1] == runs[2]
    assert runs[0] == {
        k: v for k, v in snapshot(ROOT / "generated").items() if "__pycache__" not in k
    }


def test_same_bytes_when_the_spec_is_named_from_its_own_directory(
    tmp_path: Path,
) -> None:
    # `cd spec && python -m codegen generate --spec normandy.yaml` names the spec as `spec/normandy.yaml` too.
    assert generate_here(tmp_path / "a") == generate_here(
        tmp_path / "b", ROOT / "spec", spec=Path("normandy.yaml")
    )


def today_stamps() -> list[str]:
    """Today's date as a generator would stamp it, except where the spec or the
    format's own text holds that date (a Glean ``expires``, an example)."""
    today = datetime.date.today()
    stamps = [today.isoformat(), f"{today:%Y%m%dT}", f"{today:%d %b %Y}"]
    sources = SPEC.read_text("utf-8") + (ROOT / "codegen" / "spec_format.py").read_text(
        "utf-8"
    )
    return [stamp for stamp in stamps if stamp not in sources]


def test_no_absolute_paths_or_timestamps_in_output(tmp_path: Path) -> None:
    files = generate_here(tmp_path / "out")
    for path, data in files.items():
        text = data.decode("utf-8")
        assert str(ROOT) not in text and str(tmp_path) not in text, path
        for stamp in today_stamps():
            assert stamp not in text, (path, stamp)
