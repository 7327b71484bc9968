"""Odd and hostile input ends in a clear ``file:line:col`` refusal, in bounded
time and memory, with nothing a terminal would act on (issue 14, items 3 and 6;
issue 13, section 4).

Special files are refused before they are read, sizes are enforced while
reading, a symbolic link loop or a dangling link is a message, and whatever a
spec or its path holds reaches the terminal escaped. The spec loads whatever
ruamel.yaml's round-trip mode writes for it.
"""

from __future__ import annotations

import io
import os
import resource
import subprocess
import sys
import threading
import tomllib
from pathlib import Path

import pytest
import yaml
from ruamel.yaml import YAML
from support import ROOT, SPEC, Patch, Result, cli, patched, run_codegen

from codegen.loader import MAX_BYTES
from codegen.pipeline import load_spec, load_spec_bytes
from codegen.problems import SpecError

MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"
STRESS = ROOT / "tests" / "fixtures" / "stress.yaml"
VALID = ROOT / "tests" / "fixtures" / "limits" / "valid.yaml"


def within(seconds: float, *args: str, cwd: Path = ROOT) -> Result:
    """``cli(*args)``, failing the test if it has not returned after ``seconds``."""
    box: list[Result] = []
    worker = threading.Thread(
        target=lambda: box.append(cli(*args, cwd=cwd)), daemon=True
    )
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"python -m codegen {' '.join(args)} hangs"
    return box[0]


def refused(result: Result, where: str, message: str) -> None:
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{where}:1:1: {message}" in result.stderr.splitlines(), result.stderr


# -- special files, sizes, links (item 6) ----------------------------------------


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "spec.yaml"
    os.mkfifo(fifo)
    result = within(10, "lint", "--spec", "spec.yaml", cwd=tmp_path)
    refused(
        result,
        "spec.yaml",
        "cannot read the spec: it is a named pipe (FIFO), not a regular file",
    )


def test_dev_zero_is_refused_before_it_is_read() -> None:
    result = within(10, "lint", "--spec", "/dev/zero")
    refused(
        result,
        "/dev/zero",
        "cannot read the spec: it is a character device, not a regular file",
    )


def test_a_directory_is_refused(tmp_path: Path) -> None:
    refused(
        cli("lint", "--spec", str(tmp_path)),
        str(tmp_path),
        "cannot read the spec: it is a directory, not a regular file",
    )


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with open(big, "wb") as handle:  # sparse: the size is all there is to it
        handle.truncate(MAX_BYTES + 1)
    result = within(10, "lint", "--spec", "big.yaml", cwd=tmp_path)
    refused(
        result,
        "big.yaml",
        f"the spec is {MAX_BYTES + 1:,} bytes; the limit is {MAX_BYTES:,} bytes",
    )


def test_a_symbolic_link_loop_is_a_message_not_a_runtime_error(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to("b.yaml")
    (tmp_path / "b.yaml").symlink_to("a.yaml")
    for command in (("lint",), ("generate", "--out", "out"), ("check", "--out", "out")):
        result = cli(*command, "--spec", "a.yaml", cwd=tmp_path)
        refused(
            result,
            "a.yaml",
            "cannot read the spec: its path is a loop of symbolic links",
        )


def test_a_dangling_link_is_named_by_its_own_path(tmp_path: Path) -> None:
    (tmp_path / "spec.yaml").symlink_to("nonexistent")
    refused(
        cli("lint", "--spec", "spec.yaml", cwd=tmp_path),
        "spec.yaml",
        "cannot read the spec: no such file (or a symbolic link to nothing)",
    )


def test_a_link_to_a_spec_is_read(tmp_path: Path) -> None:
    (tmp_path / "spec.yaml").symlink_to(MINIMAL)
    assert cli("lint", "--spec", "spec.yaml", cwd=tmp_path).returncode == 0


# -- labels an editor can open (issue 13) ----------------------------------------


def test_a_spec_given_by_an_absolute_path_is_named_by_a_path_that_opens(
    tmp_path: Path,
) -> None:
    broken = tmp_path / "deep" / "er" / "broken.yaml"
    broken.parent.mkdir(parents=True)
    broken.write_text(
        MINIMAL.read_text().replace("  format: uuid\n", "  format: !!str uuid\n")
    )
    outside = cli("lint", "--spec", str(broken))
    assert outside.stderr.startswith(f"{broken}:49:11: "), outside.stderr
    assert Path(outside.stderr.split(":")[0]).is_file()
    inside = cli("lint", "--spec", str(broken), cwd=tmp_path)
    assert inside.stderr.startswith("deep/er/broken.yaml:49:11: "), inside.stderr


def test_headers_do_not_depend_on_how_the_spec_was_named(tmp_path: Path) -> None:
    spellings = [
        (str(MINIMAL), ROOT),
        ("tests/fixtures/minimal.yaml", ROOT),
        ("./tests/../tests/fixtures/minimal.yaml", ROOT),
        ("minimal.yaml", MINIMAL.parent),
    ]
    outputs = []
    for number, (spelled, cwd) in enumerate(spellings):
        out = tmp_path / f"out{number}"
        assert (
            cli("generate", "--spec", spelled, "--out", str(out), cwd=cwd).returncode
            == 0
        )
        outputs.append(
            {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
        )
    assert all(output == outputs[0] for output in outputs)
    assert b"Generated from fixtures/minimal.yaml" in outputs[0][Path("pyproject.toml")]


def test_control_characters_in_the_spec_s_path_are_escaped_in_every_output(
    tmp_path: Path,
) -> None:
    """The header names the spec's folder: pyproject.toml and both YAML outputs
    broke on a control character there."""
    folder = tmp_path / "sp\x1bec\x7f\u202e"
    folder.mkdir()
    spec = folder / "normandy.yaml"
    spec.write_bytes(VALID.read_bytes())
    out = tmp_path / "out"
    result = cli("generate", "--spec", str(spec), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout + result.stderr
    tomllib.loads((out / "pyproject.toml").read_text("utf-8"))
    for path in out.rglob("*.yaml"):
        yaml.safe_load(path.read_text("utf-8"))
    for path in out.rglob("*"):
        if path.is_file():
            text = path.read_text("utf-8")
            assert "\x1b" not in text and "\x7f" not in text and "\u202e" not in text
    header = (out / "pyproject.toml").read_text("utf-8").splitlines()[0]
    assert header.startswith(
        "# Generated from sp\\x1bec\\x7f\\u202e/normandy.yaml (version "
    ), header


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses such names")
def test_a_spec_path_that_is_not_utf_8_is_escaped_too(tmp_path: Path) -> None:
    folder = Path(os.fsdecode(os.fsencode(tmp_path) + b"/sp\xffec"))
    folder.mkdir()
    spec = folder / "normandy.yaml"
    spec.write_bytes(MINIMAL.read_bytes())
    out = tmp_path / "out"
    result = cli("generate", "--spec", str(spec), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "sp\\udcffec/normandy.yaml" in (out / "pyproject.toml").read_text("utf-8")
    broken = cli("lint", "--spec", os.fsdecode(os.fsencode(folder) + b"/missing.yaml"))
    assert "sp\\udcffec/missing.yaml:1:1:" in broken.stderr


# -- what reaches the terminal (item 3) ---------------------------------------------


def test_a_key_cannot_drive_the_terminal_or_forge_a_line(tmp_path: Path) -> None:
    """Escape sequences in a key retitled or cleared the terminal; a newline
    forged a line such as '0 problems in ...'."""
    hostile = '"\\e]0;pwned\\a\\e[2J\\u202eevil\\n0 problems in spec/normandy.yaml"'
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        MINIMAL.read_text().replace(
            "  filler: __NO_ENROLLMENT_ID__\n",
            f"  filler: __NO_ENROLLMENT_ID__\n  {hostile}: x\n",
        )
    )
    result = cli("generate", "--spec", "spec.yaml", "--out", "out", cwd=tmp_path)
    assert result.returncode == 1
    for forbidden in ("\x1b", "\x07", "\u202e"):
        assert forbidden not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[-1] == "1 problem in spec.yaml"
    assert len(lines) == 2
    assert lines[0].startswith(
        "spec.yaml:51:3: unknown field "
        "'\\x1b]0;pwned\\x07\\x1b[2J\\u202eevil\\n0 problems in spec/normandy.yaml'"
    )


def test_lint_findings_are_escaped(tmp_path: Path) -> None:
    """An allowed value is free text (C1 controls, bidi controls and line
    separators included), and lint quotes it."""
    value = '"x\\u202e\\x9b2J\\u2028forged"'
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        MINIMAL.read_text().replace(
            "                invalid-branch: The recipe names an invalid preference branch.\n",
            "                invalid-branch: The recipe names an invalid preference branch.\n"
            f"                {value}: {value}\n",
        )
    )
    result = cli("lint", "--spec", "spec.yaml", cwd=tmp_path)
    for forbidden in ("\x9b", "\u202e", "\u2028"):
        assert forbidden not in result.stdout
    finding = [line for line in result.stdout.splitlines() if "UNDESCRIBED" in line]
    assert len(finding) == 1, result.stdout
    assert "allowed value 'x\\u202e\\x9b2J\\u2028forged' of" in finding[0]


def test_the_cli_s_own_lines_are_escaped(tmp_path: Path) -> None:
    out = tmp_path / "out\x1b[2J"
    result = cli("generate", "--spec", str(MINIMAL), "--out", str(out))
    assert result.returncode == 0
    assert "\x1b" not in result.stdout and "out\\x1b[2J/" in result.stdout
    bad = cli("diff", "--against", "main\x1b[2J")
    assert "\x1b" not in bad.stderr and "main\\x1b[2J" in bad.stderr


# -- bounded memory (item 6) ---------------------------------------------------------


def _lint_with_memory_limit(
    spec: Path, megabytes: int
) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        size = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (size, size))

    return subprocess.run(
        [sys.executable, "-m", "codegen", "lint", "--spec", str(spec)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit,
    )


def test_a_valid_spec_loads_within_the_memory_the_stock_spec_needs(
    tmp_path: Path,
) -> None:
    """A description with many brackets made the loader ask for a thread with a
    512 MB stack, so a valid spec failed where the stock spec lints fine."""
    assert _lint_with_memory_limit(SPEC, 300).returncode == 0
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        patched(
            MINIMAL.read_text(),
            Patch(
                "  description: Enrollment events.",
                '  description: "Enrollment events ' + "[" * 12_000 + '"',
            ),
        )
    )
    result = _lint_with_memory_limit(spec, 300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr


# -- ruamel.yaml round trips (issue 13) ----------------------------------------------


@pytest.mark.parametrize("path", [SPEC, STRESS], ids=["spec", "stress"])
def test_the_spec_loads_after_a_ruamel_round_trip(path: Path) -> None:
    """Load with ruamel.yaml's round-trip mode, change one description, dump
    with its defaults, and load again: libyaml refused the unquoted
    ``[https://bugzil.la/1443560]`` that ruamel writes."""
    round_trip = YAML()
    data = round_trip.load(path.read_text("utf-8"))
    data["description"] = "Changed by a round trip through ruamel.yaml."
    buffer = io.StringIO()
    round_trip.dump(data, buffer)
    dumped = buffer.getvalue()
    assert dumped != path.read_text("utf-8")
    spec = load_spec_bytes(dumped.encode("utf-8"), "round-trip.yaml")
    assert spec.description == "Changed by a round trip through ruamel.yaml."
    original = load_spec(path)
    assert spec.events == original.events and spec.uptake == original.uptake
    assert spec.metadata == original.metadata


def test_a_bad_integer_in_an_old_revision_is_a_message(tmp_path: Path) -> None:
    """``diff --against`` read the old spec through the same loader, and crashed."""
    repo = tmp_path / "repo"
    (repo / "spec").mkdir(parents=True)
    spec = repo / "spec" / "normandy.yaml"
    spec.write_text(
        MINIMAL.read_text().replace(
            "  value_max_length: 80\n", "  value_max_length: 0x_\n"
        )
    )
    git = ["git", "-c", "user.email=t@example.com", "-c", "user.name=t"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "-C", str(repo), "add", "."], check=True)
    subprocess.run([*git, "-C", str(repo), "commit", "-qm", "x"], check=True)
    spec.write_bytes(MINIMAL.read_bytes())
    result = cli("diff", "--against", "HEAD", "--spec", "spec/normandy.yaml", cwd=repo)
    assert "Traceback" not in result.stderr
    assert (
        "HEAD:spec/normandy.yaml:55:21: '0x_' has no digits, so it is not an integer"
        in result.stderr
    )


def test_a_real_interpreter_refuses_a_fifo_too(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "spec.yaml")
    result = run_codegen("lint", "--spec", "spec.yaml", cwd=tmp_path)
    assert result.returncode == 1 and "named pipe" in result.stderr


@pytest.mark.parametrize(
    ("command", "status"), [(["lint"], 1), (["diff", "--against", "HEAD"], 2)]
)
def test_a_reader_that_goes_away_is_no_traceback(
    command: list[str], status: int
) -> None:
    """``python -m codegen diff ... | head`` printed a BrokenPipeError traceback.
    diff then says it could not tell (2), never that something is breaking (1)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "codegen", *command],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first line
    errors = process.stderr.read().decode("utf-8", "replace")
    assert process.wait(timeout=120) == status
    assert "Traceback" not in errors and "BrokenPipe" not in errors, errors


def test_long_text_without_aliases_is_not_taken_for_an_alias_bomb() -> None:
    """The expansion limits count what aliases add. Each collection's contents
    were once counted again as it closed, once per level: 12 MB of text four
    levels deep, with no alias at all, was refused as 'more than 32 MB'."""
    from codegen.loader import MAX_EXPANDED_CHARS, read_document

    text = "x" * (MAX_EXPANDED_CHARS * 3 // 8)  # 12 MB, nested four deep below
    data = f"a:\n  b:\n    c:\n      - d: {text}\n".encode()
    reading = read_document(data, "deep.yaml")  # raises SpecError if refused
    assert not reading.problems, reading.problems
    bomb = f"a: &a {text}\nb: [*a, *a]\n".encode()  # 36 MB once expanded
    with pytest.raises(SpecError) as refused:
        read_document(bomb, "bomb.yaml")
    (problem,) = refused.value.problems
    assert (problem.line, problem.column) == (2, 9)  # the second alias
    assert "more than 32 MB of text" in problem.message
