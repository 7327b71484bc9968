"""``python -m codegen generate | check``: the commands behind the Makefile.

Exit codes: 0 done; 1 the spec has mistakes or ``generated/`` drifted;
2 the command line itself is wrong (argparse).
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from codegen.pipeline import load_spec, render_outputs
from codegen.problems import SpecError
from codegen.writer import compare, write_atomically

DEFAULT_SPEC = Path("spec/normandy.yaml")
DEFAULT_OUT = Path("generated")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m codegen", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, help_text in (
        ("generate", "write every output into the output directory"),
        ("check", "exit 1 with a diff if the output directory is not what the spec produces"),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("--spec", type=Path, default=DEFAULT_SPEC, help="the spec (default: %(default)s)")
        command.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory (default: %(default)s)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # A run builds a few hundred thousand acyclic objects and then exits; the
    # cyclic collector would only rescan them (a third of a large spec's time).
    gc.disable()
    try:
        files = render_outputs(load_spec(args.spec))
    except SpecError as error:
        print(error.report(), file=sys.stderr)
        return 1
    if args.command == "generate":
        try:
            write_atomically(args.out, files)
        except OSError as exc:
            print(f"error: cannot write {args.out}/: {exc}; it was left as it was", file=sys.stderr)
            return 1
        print(f"wrote {len(files)} files to {args.out}/")
        return 0
    drift = compare(args.out, files)
    if not drift.clean:
        print(drift.report(args.out.as_posix()), file=sys.stderr)
        return 1
    print(f"{args.out}/ matches {args.spec.as_posix()} ({len(files)} files)")
    return 0
