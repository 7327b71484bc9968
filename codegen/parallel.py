"""Render the outputs on both cores: half in a forked child, half here.

A large spec spends most of its time rendering and formatting, output by
output, and the outputs share nothing but the model: so after the model is
built, a child process (``os.fork``: it inherits the model, nothing is
re-parsed) renders one share while this process renders the other, and the
child sends its files back through a pipe. The shares are balanced by each
output's measured cost per event (``Output.cost``). The result is the same
files, byte for byte, as rendering in one process; ``tests`` check both.
"""

from __future__ import annotations

import os
import pickle
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any

from codegen.targets.base import Output

Render = Callable[[Sequence[Output]], dict[str, str]]

PARALLEL_MIN_EVENTS = 500
"""Below this many events a fork costs more than it saves."""


def can_fork() -> bool:
    """Linux forks cheaply and safely here (no threads are running)."""
    return sys.platform == "linux" and hasattr(os, "fork")


def split(outputs: Sequence[Output]) -> tuple[list[Output], list[Output]]:
    """Two shares of about equal cost, each output whole, in their given order."""
    shares: tuple[list[Output], list[Output]] = ([], [])
    totals = [0.0, 0.0]
    for output in sorted(outputs, key=lambda o: -o.cost):
        lighter = 0 if totals[0] <= totals[1] else 1
        shares[lighter].append(output)
        totals[lighter] += output.cost
    order = {output.name: index for index, output in enumerate(outputs)}
    return (
        sorted(shares[0], key=lambda o: order[o.name]),
        sorted(shares[1], key=lambda o: order[o.name]),
    )


def render_forked(outputs: Sequence[Output], render: Render) -> dict[str, str]:
    """``render(outputs)``, with a forked child rendering one share of them."""
    mine, theirs = split(outputs)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: render its share, send it, and leave at once
        os.close(read_end)
        status = 0
        try:
            # As UTF-8 bytes: pickle writes a str with the surrogatepass error
            # handler, which leaves CPython's fast encoder as soon as a page
            # holds one character beyond ASCII (four times slower on 5,000
            # events); a spec holds no surrogate, so the codec is exact.
            rendered = render(theirs)
            payload: Any = (
                "files",
                {p: t.encode("utf-8") for p, t in rendered.items()},
            )
        except BaseException:
            payload, status = ("error", traceback.format_exc()), 1
        try:
            with os.fdopen(write_end, "wb") as pipe:
                pickle.dump(payload, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        finally:
            os._exit(status)
    os.close(write_end)
    try:
        files = render(mine)
    finally:
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
    if not data:
        raise RuntimeError(
            "the rendering child process ended without sending its files"
        )
    kind, value = pickle.loads(data)
    del data  # the pages are held once more while they are decoded
    if kind == "error":
        raise RuntimeError(f"rendering in the child process failed:\n{value}")
    files.update((path, data.decode("utf-8")) for path, data in value.items())
    return files
