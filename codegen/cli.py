"""``python -m codegen generate | check | lint | diff``: the commands behind the Makefile.

Exit codes of ``generate``, ``check`` and ``lint``: 0 done; 1 the spec has
mistakes, ``generated/`` drifted or a lint rule failed; 2 the command line
itself is wrong. ``diff`` answers one question, so a CI job can rely on it:
0 nothing is breaking (or ``--allow-breaking``), 1 something is breaking, 2 it
could not tell (a wrong command line, a revision git cannot show, a spec that
is not valid, a reader that went away before the report was written).
"""

from __future__ import annotations

import argparse
import gc
import os
import shlex
import stat
import sys
from pathlib import Path

from codegen.lint import ERROR, RULES, UNUSED_SUPPRESSION, error_rules, lint
from codegen.model import Spec
from codegen.pipeline import load_spec, render_outputs
from codegen.problems import SpecError, escape
from codegen.revisions import (
    RevisionError,
    resolve_side,
    revision_range,
    spec_at_revision,
)
from codegen.writer import (
    RefusedOutput,
    Replaceable,
    check_replaceable,
    compare,
    write_atomically,
)

DIFF_FORMATS = ("json", "markdown", "text")
"""``diff_output.RENDERERS``' names, written here so that commands other than
``diff`` do not load the diff machinery (tests/unit/test_cli_formats.py)."""
DEFAULT_SPEC = Path("spec/normandy.yaml")
DEFAULT_OUT = Path("generated")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m codegen", description=(__doc__ or "").split("\n")[0]
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, help_text in (
        ("generate", "write every output into the output directory"),
        (
            "check",
            "exit 1 with a diff if the output directory is not what the spec produces",
        ),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument(
            "--spec",
            type=Path,
            default=DEFAULT_SPEC,
            help="the spec (default: %(default)s)",
        )
        command.add_argument(
            "--out",
            type=Path,
            default=DEFAULT_OUT,
            help="output directory (default: %(default)s)",
        )
        if name == "generate":
            command.add_argument(
                "--force",
                action="store_true",
                help="replace an output directory the generator wrote (it has "
                "its MANIFEST.json) even if files were added to it since (they "
                "are named as they go), or it was generated from another spec; "
                "a directory that is not empty and has no MANIFEST.json is never"
                " replaced",
            )
        if name == "check":
            command.add_argument(
                "--base",
                metavar="REV",
                help="also fail when the spec changed since git revision REV without"
                " the version bump its changes need (make check: BASE, default main)",
            )
    rules = "\n".join(
        f"  {r.id} ({r.severity}): {r.summary}" for r in (*RULES, UNUSED_SUPPRESSION)
    )
    lint_command = commands.add_parser(
        "lint",
        help="run the named lint rules over the spec",
        description=f"Rules:\n{rules}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    lint_command.add_argument(
        "--spec",
        type=Path,
        default=DEFAULT_SPEC,
        help="the spec (default: %(default)s)",
    )
    lint_command.add_argument(
        "--strict", action="store_true", help="exit 1 on warnings too"
    )
    diff_command = commands.add_parser(
        "diff",
        help="classify every change between two versions of the spec",
        description=(
            "Each of OLD and NEW is a spec file or a git revision of --spec; OLD may "
            "be a range A..B. Exit 0: nothing breaking; 1: something breaking; 2: "
            "a wrong command line, a revision git cannot show or a spec that is "
            "not valid."
        ),
    )
    diff_command.add_argument(
        "old",
        nargs="?",
        help="the older spec: a path, a git revision, or a range A..B",
    )
    diff_command.add_argument(
        "new",
        nargs="?",
        help="the newer spec: a path or a git revision (default: --spec)",
    )
    diff_command.add_argument(
        "--against", metavar="REV", help="compare the working tree's --spec with REV"
    )
    diff_command.add_argument(
        "--spec",
        type=Path,
        default=DEFAULT_SPEC,
        help="the spec file revisions refer to",
    )
    diff_command.add_argument("--format", choices=DIFF_FORMATS, default="text")
    diff_command.add_argument(
        "--allow-breaking",
        action="store_true",
        help="exit 0 even when a change is breaking",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if getattr(args, "base", None) is not None and not args.base.strip():
        # An empty BASE would otherwise check nothing and say nothing of it.
        parser.error("--base needs a git revision (make check: BASE=main)")
    # A run builds a few hundred thousand acyclic objects and then exits; the
    # cyclic collector would only rescan them (a third of a large spec's time).
    # Called in-process (the tests do), it leaves the collector as it found it.
    enabled = gc.isenabled()
    gc.disable()
    try:
        status = _run(args, parser)
        sys.stdout.flush()  # a closed pipe is found here, not at exit
        return status
    except BrokenPipeError:
        # The reader went away (`... | head`): nothing more can be said, and
        # Python must not try again (and fail again) when it flushes at exit.
        # diff could not tell (2: its 1 says something is breaking); the
        # others did not finish saying what they found (1).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 2 if args.command == "diff" else 1
    finally:
        if enabled:
            gc.enable()


def say(line: str, error: bool = False) -> None:
    """Print one line, escaped for the terminal (``problems.escape``): whatever
    a spec, a path or a revision put in it, it stays one line and cannot drive
    the terminal."""
    print(escape(line), file=sys.stderr if error else sys.stdout)


def _run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    try:
        if args.command == "diff":
            return _diff(args, parser)
        spec = load_spec(args.spec)
        if args.command == "lint":
            return _lint(spec, args.strict)
        failed = _lint_errors(spec)
        if failed:
            return failed
        files = render_outputs(spec)
    except SpecError as error:
        print(error.report(), file=sys.stderr)  # escaped line by line
        return 1
    out = args.out.as_posix()
    if args.command == "generate":
        try:
            replaced = check_replaceable(
                args.out, args.spec, spec.header_name, args.force
            )
            write_atomically(args.out, files)
        except RefusedOutput as exc:
            say(f"error: {exc}", error=True)
            return 1
        except OSError as exc:
            say(f"error: cannot write {out}/: {exc}; it was left as it was", error=True)
            return 1
        _name_what_went(out, replaced)
        say(f"wrote {len(files)} files to {out}/")
        return 0
    drift = None
    problem = _no_output_directory(args)
    if problem is None:
        drift = compare(args.out, files, (args.spec, spec.header_name))
        problem = drift.foreign
    failed = 0
    if problem is not None:
        say(f"error: {problem}", error=True)
        failed = 1
    elif drift is not None and not drift.clean:
        print(drift.report(out, fix=_generate_command(args)), file=sys.stderr)
        failed = 1
    else:
        say(f"{out}/ matches {args.spec.as_posix()} ({len(files)} files)")
    if args.base:
        failed = _check_version(spec, args.spec, args.base) or failed
    return failed


def _generate_command(args: argparse.Namespace) -> str:
    """The command that writes what ``check`` compared: ``make generate``
    for the project's own spec and output, else generate with both named."""
    if args.spec == DEFAULT_SPEC and args.out == DEFAULT_OUT:
        return "make generate"
    return (
        f"python -m codegen generate --spec {shlex.quote(args.spec.as_posix())}"
        f" --out {shlex.quote(args.out.as_posix())}"
    )


def _no_output_directory(args: argparse.Namespace) -> str | None:
    """Why ``check`` has no generated directory to compare, in one line (rather
    than every file it would hold, each "missing"), or None."""
    out = args.out
    shown = escape(out.as_posix())
    try:
        info = os.stat(out)
    except FileNotFoundError:
        return f"{shown}/ does not exist; generate it first: {escape(_generate_command(args))}"
    except OSError as exc:
        return f"cannot read {shown}: {exc.strerror}"
    if not stat.S_ISDIR(info.st_mode):
        return f"{shown} is not a directory; give --out the directory generate wrote"
    return None


def _name_what_went(out: str, replaced: Replaceable) -> None:
    """Say what replacing the output directory removed besides stale output."""
    for kind, paths in (
        ("removed (not written by generate; --force)", replaced.strays),
        ("removed byte-code (Python recreates it on import)", replaced.byte_code),
        (
            "replaced hand edits (generated files are not edited by hand)",
            replaced.edited,
        ),
    ):
        if paths:
            say(f"{kind}: " + ", ".join(f"{out}/{p}" for p in paths), error=True)


def _check_version(spec: Spec, path: Path, base: str) -> int:
    """The spec's version against its changes since ``base`` (``check --base``)."""
    from codegen import versioning  # the diff it needs is not loaded to generate

    try:
        old = spec_at_revision(base, path)
    except RevisionError as error:
        advice = (
            "pass --base (make check: BASE=) a revision that has the spec, such as"
            " the branch this one merges into"
            if error.revision_at_fault
            else "without --base, check compares the generated output only"
        )
        say(
            f"error: cannot check the version against {base}: {error}; {advice}",
            error=True,
        )
        return 1
    except SpecError as error:
        print(
            f"error: cannot check the version against {base}, whose spec does not load:\n"
            + error.report(),
            file=sys.stderr,
        )
        return 1
    try:
        problems = versioning.version_problems(old, spec, base)
    except SpecError as error:  # a renamed_from that names nothing at the base
        print(
            f"error: cannot check the version against {base}: the changes since it"
            " cannot be told:\n" + error.report(),
            file=sys.stderr,
        )
        return 1
    for problem in problems:
        print(problem.render(spec.label), file=sys.stderr)  # escaped
    if problems:
        return 1
    say(f"version {spec.version} follows the changes since {base}")
    return 0


def _lint_errors(spec: Spec) -> int:
    """Error-level lint rules gate generation: nothing is written when one fails."""
    findings = lint(spec, error_rules())
    errors = [f for f in findings if f.rule.severity == ERROR]
    for finding in errors:
        say(f"{finding.render(spec.label)} (fix: {finding.rule.hint})", error=True)
    if errors:
        say(
            f"{len(errors)} lint error(s); fix them first (nothing was written or compared)",
            error=True,
        )
        return 1
    return 0


def _lint(spec: Spec, strict: bool) -> int:
    findings = lint(spec)
    for finding in findings:
        say(f"{finding.render(spec.label)} (fix: {finding.rule.hint})")
    errors = sum(1 for f in findings if f.rule.severity == ERROR)
    warnings = len(findings) - errors
    say(f"{errors} error(s), {warnings} warning(s) in {spec.label}")
    return 1 if errors or (strict and warnings) else 0


def _diff(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from codegen import diff as spec_diff  # loaded for this command only
    from codegen import diff_output

    if args.against and (args.old or args.new):
        parser.error("give either OLD [NEW] or --against REV, not both")
    if not args.against and not args.old:
        parser.error("give OLD [NEW], or --against REV")
    try:
        span = revision_range(args.old) if args.old else None
        if span and args.new:
            parser.error(f"give a range {args.old} alone, or OLD and NEW")
        if args.against:
            old, old_name = (
                spec_at_revision(args.against, args.spec),
                f"{args.against}:{args.spec.as_posix()}",
            )
            new, new_name = (
                load_spec(args.spec),
                f"{args.spec.as_posix()} (working tree)",
            )
        elif span:
            old, old_name = resolve_side(span[0], args.spec)
            new, new_name = resolve_side(span[1], args.spec)
        else:
            old, old_name = resolve_side(args.old, args.spec)
            new, new_name = (
                resolve_side(args.new, args.spec)
                if args.new
                else (load_spec(args.spec), args.spec.as_posix())
            )
        changes = spec_diff.diff_specs(old, new)
    except RevisionError as error:
        print(f"error: {escape(str(error))}", file=sys.stderr)
        return 2
    except SpecError as error:
        print(error.report(), file=sys.stderr)
        return 2
    print(diff_output.RENDERERS[args.format](changes, old_name, new_name))
    breaking = any(c.kind == spec_diff.BREAKING for c in changes)
    return 1 if breaking and not args.allow_breaking else 0
