"""Large specs render on two cores, to the same bytes as on one."""

from __future__ import annotations

import os
from collections.abc import Sequence

import pytest
from support import ROOT

from benchmarks.synthetic import synthetic_spec
from codegen import parallel
from codegen.model import Spec
from codegen.pipeline import load_spec, render_outputs
from codegen.render import render_targets
from codegen.targets import OUTPUTS, enabled_outputs
from codegen.targets.base import Output

pytestmark = pytest.mark.skipif(
    not parallel.can_fork(), reason="renders in parallel on Linux only"
)


@pytest.fixture(scope="module")
def large_spec(tmp_path_factory: pytest.TempPathFactory) -> Spec:
    path = tmp_path_factory.mktemp("large") / "spec" / "normandy.yaml"
    path.parent.mkdir()
    path.write_text(synthetic_spec(parallel.PARALLEL_MIN_EVENTS), "utf-8")
    return load_spec(path)


def test_a_large_spec_forks_and_gives_the_same_files(
    large_spec: Spec, monkeypatch: pytest.MonkeyPatch
) -> None:
    forks: list[int] = []
    real_fork = os.fork

    def counting_fork() -> int:
        pid = real_fork()
        if pid:
            forks.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counting_fork)
    forked = render_outputs(large_spec)
    assert len(forks) == 1, "a spec of this size must render in two processes"
    assert forked == render_outputs(large_spec, parallel=False)
    # the child sends its pages as UTF-8: some of its own share hold text
    # beyond ASCII (the document's curly quotes, copied from the real spec)
    _, theirs = parallel.split(enabled_outputs(large_spec))
    child = render_targets(large_spec, tuple(theirs))
    assert not all(text.isascii() for text in child.values())


def test_the_shares_hold_every_output_once_and_are_balanced() -> None:
    mine, theirs = parallel.split(OUTPUTS)
    assert sorted(o.name for o in mine + theirs) == sorted(o.name for o in OUTPUTS)
    heavier = max(sum(o.cost for o in mine), sum(o.cost for o in theirs))
    assert heavier <= sum(o.cost for o in OUTPUTS) * 0.6


def test_a_failure_in_the_child_is_reported_not_lost(large_spec: Spec) -> None:
    def render(outputs: Sequence[Output]) -> dict[str, str]:
        if os.getpid() != parent:
            raise ZeroDivisionError("a bug while rendering")
        return {}

    parent = os.getpid()
    with pytest.raises(RuntimeError, match="ZeroDivisionError: a bug while rendering"):
        parallel.render_forked(OUTPUTS, render)


def test_a_small_spec_renders_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise AssertionError("a small spec must not fork")

    monkeypatch.setattr(os, "fork", no_fork)
    render_outputs(load_spec(ROOT / "tests" / "fixtures" / "minimal.yaml"))
