"""A hand-written validator of Normandy events: the competitor of issue 10.

What a careful Python developer would write by hand to validate exactly the 29
events of the current spec as fast as plain CPython allows: one function per
(method, object) with straight-line checks of its extra keys, allowed values as
module-level frozensets, a two-level dict to dispatch on object then method.
Nothing is generated or read from the catalogue at run time; the rules below
are the spec's, copied by hand (``generated/normandy_telemetry/catalog.json``).

Lengths are bytes of UTF-8, as Firefox counts them: ``len`` alone where the
text is ASCII, which ``str.isascii`` tells at once.

``is_valid(event)`` gives ``normandy_telemetry.is_valid_event``'s verdict: it
takes a mapping ``{category, method, object, value, extra}`` or a legacy record
``[timestamp, category, method, object, value, extra?]``. Inputs that are not
plain (a subclass of ``str``, ``dict`` or ``list``, or keys whose own methods
raise) are the package's business: for those it returns the package's full
check, as ``is_valid_event`` does itself. Everything else is this module's own
code.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from benchmarks.common import ROOT

sys.path.insert(0, str(ROOT / "generated"))

import normandy_telemetry as nt

FILLER = "__NO_ENROLLMENT_ID__"
_uuid = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
).fullmatch
_EMPTY: dict[str, str] = {}  # an absent or null extra; never written to


class _NotPlain(Exception):
    """A value is a subclass of str: the package's full check decides."""


def _not_str(item: object) -> bool:
    """The verdict on a value that should be a str and is not exactly one."""
    if issubclass(type(item), str):
        raise _NotPlain
    return False


def _full_check(event: object) -> bool:
    for _ in nt.iter_event_errors(event):
        return False
    return True


# -- allowed values ----------------------------------------------------------------

EXPERIMENT_TYPES = frozenset(("exp", "exp-highpop"))
PREF_STUDY_ENROLL_FAILED = frozenset(
    (
        "invalid-branch",
        "name-conflict",
        "pref-conflict",
        "experiment-type-too-long",
        "invalid-type",
    )
)
DID_RESET_VALUE = frozenset(("true", "false"))
PREF_STUDY_UNENROLL = frozenset(
    (
        "recipe-not-seen",
        "unknown",
        "capability-mismatch",
        "filter-mismatch",
        "arguments-invalid",
        "signature-error",
        "filter-error",
        "no-recipes",
        "general-opt-out",
        "individual-opt-out",
        "migration-removing-single-pref-action",
    )
)
PREF_STUDY_UNENROLL_FAILED = frozenset(("does-not-exist", "already-unenrolled"))
PREF_CHANGED = frozenset(("atEnroll", "sideload", "observer", "onEnroll"))
ROLLOUT_ENROLL_FAILED = frozenset(("invalid type", "would-be-no-op", "conflict"))
ROLLOUT_ENROLL_FAILED_WITH_PREF = frozenset(("invalid type", "conflict"))
ROLLOUT_GRADUATE = frozenset(("all-prefs-match", "in-graduation-set"))
ADDON_STUDY_UNENROLL = frozenset(
    (
        "install-failure",
        "individual-opt-out",
        "general-opt-out",
        "recipe-not-seen",
        "uninstalled",
        "uninstalled-sideload",
        "unknown",
        "branch-removed",
        "capability-mismatch",
        "filter-mismatch",
        "arguments-invalid",
        "signature-error",
        "filter-error",
        "no-recipes",
        "migration-removing-unbranched-action",
    )
)
NIMBUS_ENROLL_FAILED = frozenset(("feature-conflict", "name-conflict"))
NIMBUS_UNENROLL = frozenset(
    (
        "branch-removed",
        "bucketing",
        "changed-pref",
        "force-enrollment",
        "individual-opt-out",
        "labs-opt-out",
        "prefFlips-conflict",
        "prefFlips-failed",
        "pref-variable-changed",
        "pref-variable-missing",
        "pref-variable-no-longer",
        "recipe-not-seen",
        "studies-opt-out",
        "targeting-mismatch",
        "unknown",
        "invalid-branch",
        "invalid-feature",
        "invalid-recipe",
        "l10n-missing-entry",
        "l10n-missing-locale",
        "unsupported-feature",
        "labs-disabled",
        "migration",
        "rollouts-opt-out",
        "unenrolled-in-another-profile",
    )
)
NIMBUS_UNENROLL_FAILED = frozenset(("already-unenrolled", "does-not-exist"))
NIMBUS_VALIDATION_FAILED = frozenset(
    (
        "invalid-recipe",
        "invalid-branch",
        "l10n-missing-entry",
        "l10n-missing-locale",
        "unsupported-feature",
    )
)
ROLLBACK_UNENROLL_FAILED = frozenset(("in-graduation-set", "graduated"))

# Each check below takes an exact dict of extra keys and returns a bool. A key
# that is always sent is read with ``extra[...]`` (missing: KeyError, which
# is_valid reads as False); optional keys are counted, and the count must be
# the dict's size, so that no unknown key (and no key holding None) passes.
# Where the reason decides which keys are sent, the check branches on it and
# then knows the exact size.


# -- preference_study -----------------------------------------------------------------


def preference_study_enroll(extra: dict[Any, Any]) -> bool:
    size = len(extra)
    if size == 3:
        e = extra["enrollmentId"]
        if type(e) is not str:
            return _not_str(e)
        if len(e) != 36:
            if e != FILLER:
                return False
        elif _uuid(e) is None:
            return False
    elif size != 2:
        return False
    b = extra["branch"]
    if type(b) is not str:
        return _not_str(b)
    if len(b) > 80 or not b.isascii() and len(b.encode("utf-8", "surrogatepass")) > 80:
        return False
    t = extra["experimentType"]
    if type(t) is not str:
        return _not_str(t)
    return t in EXPERIMENT_TYPES


def preference_study_enroll_failed(extra: dict[Any, Any]) -> bool:
    r = extra["reason"]
    if type(r) is not str:
        return _not_str(r)
    if r == "invalid-branch":
        # the preference branch, under either name, not both
        if len(extra) != 2:
            return False
        p = extra.get("preferenceBranch")
        if p is None:
            p = extra["prefBranch"]
        if type(p) is not str:
            return _not_str(p)
        return not (
            len(p) > 80
            or not p.isascii()
            and len(p.encode("utf-8", "surrogatepass")) > 80
        )
    return len(extra) == 1 and r in PREF_STUDY_ENROLL_FAILED


def preference_study_unenroll(extra: dict[Any, Any]) -> bool:
    size = len(extra)
    if size != 2:
        n = 2
        e = extra.get("enrollmentId")
        if e is not None:
            if type(e) is not str:
                return _not_str(e)
            if len(e) != 36:
                if e != FILLER:
                    return False
            elif _uuid(e) is None:
                return False
            n = 3
        b = extra.get("branch")
        if b is not None:
            if type(b) is not str:
                return _not_str(b)
            if (
                len(b) > 80
                or not b.isascii()
                and len(b.encode("utf-8", "surrogatepass")) > 80
            ):
                return False
            n += 1
        c = extra.get("changedPref")
        if c is not None:
            if type(c) is not str:
                return _not_str(c)
            if (
                len(c) > 80
                or not c.isascii()
                and len(c.encode("utf-8", "surrogatepass")) > 80
            ):
                return False
            n += 1
        if n != size:
            return False
    d = extra["didResetValue"]
    if type(d) is not str:
        return _not_str(d)
    if d not in DID_RESET_VALUE:
        return False
    r = extra["reason"]
    if type(r) is not str:
        return _not_str(r)
    return r in PREF_STUDY_UNENROLL


def preference_study_unenroll_failed(extra: dict[Any, Any]) -> bool:
    size = len(extra)
    if size != 2:
        n = 2
        e = extra.get("enrollmentId")
        if e is not None:
            if type(e) is not str:
                return _not_str(e)
            if len(e) != 36:
                if e != FILLER:
                    return False
            elif _uuid(e) is None:
                return False
            n = 3
        c = extra.get("caller")
        if c is not None:
            if type(c) is not str:
                return _not_str(c)
            if (
                len(c) > 80
                or not c.isascii()
                and len(c.encode("utf-8", "surrogatepass")) > 80
            ):
                return False
            n += 1
        c = extra.get("changedPref")
        if c is not None:
            if type(c) is not str:
                return _not_str(c)
            if (
                len(c) > 80
                or not c.isascii()
                and len(c.encode("utf-8", "surrogatepass")) > 80
            ):
                return False
            n += 1
        if n != size:
            return False
    r = extra["reason"]
    if type(r) is not str:
        return _not_str(r)
    if r not in PREF_STUDY_UNENROLL_FAILED:
        return False
    o = extra["originalReason"]
    if type(o) is not str:
        return _not_str(o)
    return not (
        len(o) > 80 or not o.isascii() and len(o.encode("utf-8", "surrogatepass")) > 80
    )


def preference_study_exp_pref_changed(extra: dict[Any, Any]) -> bool:
    size = len(extra)
    if size == 3:
        e = extra["enrollmentId"]
        if type(e) is not str:
            return _not_str(e)
        if len(e) != 36:
            if e != FILLER:
                return False
        elif _uuid(e) is None:
            return False
    elif size != 2:
        return False
    p = extra["preferenceName"]
    if type(p) is not str:
        return _not_str(p)
    if len(p) > 80 or not p.isascii() and len(p.encode("utf-8", "surrogatepass")) > 80:
        return False
    r = extra["reason"]
    if type(r) is not str:
        return _not_str(r)
    return r in PREF_CHANGED


# -- preference_rollout ---------------------------------------------------------------


def preference_rollout_enroll(extra: dict[Any, Any]) -> bool:
    size = len(extra)
    if size == 0:
        return True
    if size != 1:
        return False
    e = extra["enrollmentId"]
    if type(e) is not str:
        return _not_str(e)
    if len(e) != 36:
        return e == FILLER
    return _uuid(e) is not None


def preference_rollout_enroll_failed(extra: dict[Any, Any]) -> bool:
    r = extra["reason"]
    if type(r) is not str:
        return _not_str(r)
    if r in ROLLOUT_ENROLL_FAILED_WITH_PREF:
        if len(extra) != 2:
            return False
        p = extra["preference"]
        if type(p) is not str:
            return _not_str(p)
        return not (
            len(p) > 80
            or not p.isascii()
            and len(p.encode("utf-8", "surrogatepass")) > 80
        )
    return len(extra) == 1 and r == "would-be-no-op"


def preference_rollout_update(extra: dict[Any, Any]) -> bool:
    size = len(extra)
    if size == 2:
        e = extra["enrollmentId"]
        if type(e) is not str:
            return _not_str(e)
        if len(e) != 36:
            if e != FILLER:
                return False
        elif _uuid(e) is None:
            return False
    elif size != 1:
        return False
    p = extra["previousState"]
    if type(p) is not str:
        return _not_str(p)
    return not (
        len(p) > 80 or not p.isascii() and len(p.encode("utf-8", "surrogatepass")) > 80
    )


def preference_rollout_graduate(extra: dict[Any, Any]) -> bool:
    size = len(extra)
    if size == 2:
        e = extra["enrollmentId"]
        if type(e) is not str:
            return _not_str(e)
        if len(e) != 36:
            if e != FILLER:
                return False
        elif _uuid(e) is None:
            return False
    elif size != 1:
        return False
    r = extra["reason"]
    if type(r) is not str:
        return _not_str(r)
    return r in ROLLOUT_GRADUATE


# -- addon_study ----------------------------------------------------------------------


def addon_study_enroll(extra: dict[Any, Any]) -> bool:
    size = len(extra)
    if size != 2:
        n = 2
        e = extra.get("enrollmentId")
        if e is not None:
            if type(e) is not str:
                return _not_str(e)
            if len(e) != 36:
                if e != FILLER:
                    return False
            elif _uuid(e) is None:
                return False
            n = 3
        b = extra.get("branch")
        if b is not None:
            if type(b) is not str:
                return _not_str(b)
            if (
                len(b) > 80
                or not b.isascii()
                and len(b.encode("utf-8", "surrogatepass")) > 80
            ):
                return False
            n += 1
        if n != size:
            return False
    a = extra["addonId"]
    if type(a) is not str:
        return _not_str(a)
    if len(a) > 80 or not a.isascii() and len(a.encode("utf-8", "surrogatepass")) > 80:
        return False
    v = extra["addonVersion"]
    if type(v) is not str:
        return _not_str(v)
    return not (
        len(v) > 80 or not v.isascii() and len(v.encode("utf-8", "surrogatepass")) > 80
    )


def addon_study_enroll_failed(extra: dict[Any, Any]) -> bool:
    size = len(extra)
    if size != 1:
        n = 1
        b = extra.get("branch")
        if b is not None:
            if type(b) is not str:
                return _not_str(b)
            if (
                len(b) > 80
                or not b.isascii()
                and len(b.encode("utf-8", "surrogatepass")) > 80
            ):
                return False
            n = 2
        d = extra.get("detail")
        if d is not None:
            if type(d) is not str:
                return _not_str(d)
            if (
                len(d) > 80
                or not d.isascii()
                and len(d.encode("utf-8", "surrogatepass")) > 80
            ):
                return False
            n += 1
        if n != size:
            return False
    r = extra["reason"]
    if type(r) is not str:
        return _not_str(r)
    return not (
        len(r) > 80 or not r.isascii() and len(r.encode("utf-8", "surrogatepass")) > 80
    )


def addon_study_update(extra: dict[Any, Any]) -> bool:
    size = len(extra)
    if size != 2:
        n = 2
        e = extra.get("enrollmentId")
        if e is not None:
            if type(e) is not str:
                return _not_str(e)
            if len(e) != 36:
                if e != FILLER:
                    return False
            elif _uuid(e) is None:
                return False
            n = 3
        b = extra.get("branch")
        if b is not None:
            if type(b) is not str:
                return _not_str(b)
            if (
                len(b) > 80
                or not b.isascii()
                and len(b.encode("utf-8", "surrogatepass")) > 80
            ):
                return False
            n += 1
        if n != size:
            return False
    a = extra["addonId"]
    if type(a) is not str:
        return _not_str(a)
    if len(a) > 80 or not a.isascii() and len(a.encode("utf-8", "surrogatepass")) > 80:
        return False
    v = extra["addonVersion"]
    if type(v) is not str:
        return _not_str(v)
    return not (
        len(v) > 80 or not v.isascii() and len(v.encode("utf-8", "surrogatepass")) > 80
    )


def addon_study_update_failed(extra: dict[Any, Any]) -> bool:
    size = len(extra)
    if size != 1:
        n = 1
        e = extra.get("enrollmentId")
        if e is not None:
            if type(e) is not str:
                return _not_str(e)
            if len(e) != 36:
                if e != FILLER:
                    return False
            elif _uuid(e) is None:
                return False
            n = 2
        b = extra.get("branch")
        if b is not None:
            if type(b) is not str:
                return _not_str(b)
            if (
                len(b) > 80
                or not b.isascii()
                and len(b.encode("utf-8", "surrogatepass")) > 80
            ):
                return False
            n += 1
        d = extra.get("detail")
        if d is not None:
            if type(d) is not str:
                return _not_str(d)
            if (
                len(d) > 80
                or not d.isascii()
                and len(d.encode("utf-8", "surrogatepass")) > 80
            ):
                return False
            n += 1
        if n != size:
            return False
    r = extra["reason"]
    if type(r) is not str:
        return _not_str(r)
    return not (
        len(r) > 80 or not r.isascii() and len(r.encode("utf-8", "surrogatepass")) > 80
    )


def addon_study_unenroll(extra: dict[Any, Any]) -> bool:
    size = len(extra)
    if size != 3:
        n = 3
        e = extra.get("enrollmentId")
        if e is not None:
            if type(e) is not str:
                return _not_str(e)
            if len(e) != 36:
                if e != FILLER:
                    return False
            elif _uuid(e) is None:
                return False
            n = 4
        b = extra.get("branch")
        if b is not None:
            if type(b) is not str:
                return _not_str(b)
            if (
                len(b) > 80
                or not b.isascii()
                and len(b.encode("utf-8", "surrogatepass")) > 80
            ):
                return False
            n += 1
        if n != size:
            return False
    a = extra["addonId"]
    if type(a) is not str:
        return _not_str(a)
    if len(a) > 80 or not a.isascii() and len(a.encode("utf-8", "surrogatepass")) > 80:
        return False
    v = extra["addonVersion"]
    if type(v) is not str:
        return _not_str(v)
    if len(v) > 80 or not v.isascii() and len(v.encode("utf-8", "surrogatepass")) > 80:
        return False
    r = extra["reason"]
    if type(r) is not str:
        return _not_str(r)
    return r in ADDON_STUDY_UNENROLL


# -- addon_rollout --------------------------------------------------------------------


def addon_rollout_enroll(extra: dict[Any, Any]) -> bool:
    if len(extra) != 2:
        return False
    a = extra["addonId"]
    if type(a) is not str:
        return _not_str(a)
    if len(a) > 80 or not a.isascii() and len(a.encode("utf-8", "surrogatepass")) > 80:
        return False
    v = extra["addonVersion"]
    if type(v) is not str:
        return _not_str(v)
    return not (
        len(v) > 80 or not v.isascii() and len(v.encode("utf-8", "surrogatepass")) > 80
    )


def addon_rollout_enroll_failed(extra: dict[Any, Any]) -> bool:
    size = len(extra)
    if size != 1:
        n = 1
        a = extra.get("addonId")
        if a is not None:
            if type(a) is not str:
                return _not_str(a)
            if (
                len(a) > 80
                or not a.isascii()
                and len(a.encode("utf-8", "surrogatepass")) > 80
            ):
                return False
            n = 2
        c = extra.get("conflictingSlug")
        if c is not None:
            if type(c) is not str:
                return _not_str(c)
            if (
                len(c) > 80
                or not c.isascii()
                and len(c.encode("utf-8", "surrogatepass")) > 80
            ):
                return False
            n += 1
        d = extra.get("detail")
        if d is not None:
            if type(d) is not str:
                return _not_str(d)
            if (
                len(d) > 80
                or not d.isascii()
                and len(d.encode("utf-8", "surrogatepass")) > 80
            ):
                return False
            n += 1
        e = extra.get("enrollmentId")
        if e is not None:
            if type(e) is not str:
                return _not_str(e)
            if len(e) != 36:
                if e != FILLER:
                    return False
            elif _uuid(e) is None:
                return False
            n += 1
        if n != size:
            return False
    r = extra["reason"]
    if type(r) is not str:
        return _not_str(r)
    return not (
        len(r) > 80 or not r.isascii() and len(r.encode("utf-8", "surrogatepass")) > 80
    )


def addon_rollout_update(extra: dict[Any, Any]) -> bool:
    if len(extra) != 2:
        return False
    a = extra["addonId"]
    if type(a) is not str:
        return _not_str(a)
    if len(a) > 80 or not a.isascii() and len(a.encode("utf-8", "surrogatepass")) > 80:
        return False
    v = extra["addonVersion"]
    if type(v) is not str:
        return _not_str(v)
    return not (
        len(v) > 80 or not v.isascii() and len(v.encode("utf-8", "surrogatepass")) > 80
    )


def addon_rollout_update_failed(extra: dict[Any, Any]) -> bool:
    size = len(extra)
    if size == 2:
        d = extra["detail"]
        if type(d) is not str:
            return _not_str(d)
        if (
            len(d) > 80
            or not d.isascii()
            and len(d.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
    elif size != 1:
        return False
    r = extra["reason"]
    if type(r) is not str:
        return _not_str(r)
    return not (
        len(r) > 80 or not r.isascii() and len(r.encode("utf-8", "surrogatepass")) > 80
    )


# -- nimbus_experiment ----------------------------------------------------------------


def nimbus_experiment_enroll(extra: dict[Any, Any]) -> bool:
    if len(extra) != 2:
        return False
    b = extra["branch"]
    if type(b) is not str:
        return _not_str(b)
    if len(b) > 80 or not b.isascii() and len(b.encode("utf-8", "surrogatepass")) > 80:
        return False
    t = extra["experimentType"]
    if type(t) is not str:
        return _not_str(t)
    return not (
        len(t) > 80 or not t.isascii() and len(t.encode("utf-8", "surrogatepass")) > 80
    )


def nimbus_experiment_enroll_failed(extra: dict[Any, Any]) -> bool:
    if len(extra) != 1:
        return False
    r = extra["reason"]
    if type(r) is not str:
        return _not_str(r)
    return r in NIMBUS_ENROLL_FAILED


def nimbus_experiment_update(extra: dict[Any, Any]) -> bool:
    return not extra


def nimbus_experiment_unenroll(extra: dict[Any, Any]) -> bool:
    b = extra["branch"]
    if type(b) is not str:
        return _not_str(b)
    if len(b) > 80 or not b.isascii() and len(b.encode("utf-8", "surrogatepass")) > 80:
        return False
    r = extra["reason"]
    if type(r) is not str:
        return _not_str(r)
    # the reason decides which other keys are sent
    if r == "changed-pref":
        if len(extra) != 3:
            return False
        c = extra["changedPref"]
        if type(c) is not str:
            return _not_str(c)
        return not (
            len(c) > 80
            or not c.isascii()
            and len(c.encode("utf-8", "surrogatepass")) > 80
        )
    if r == "prefFlips-conflict":
        if len(extra) != 3:
            return False
        c = extra["conflictingSlug"]
        if type(c) is not str:
            return _not_str(c)
        return not (
            len(c) > 80
            or not c.isascii()
            and len(c.encode("utf-8", "surrogatepass")) > 80
        )
    if r == "prefFlips-failed":
        if len(extra) != 4:
            return False
        p = extra["prefName"]
        if type(p) is not str:
            return _not_str(p)
        if (
            len(p) > 80
            or not p.isascii()
            and len(p.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        p = extra["prefType"]
        if type(p) is not str:
            return _not_str(p)
        return not (
            len(p) > 80
            or not p.isascii()
            and len(p.encode("utf-8", "surrogatepass")) > 80
        )
    return len(extra) == 2 and r in NIMBUS_UNENROLL


def nimbus_experiment_unenroll_failed(extra: dict[Any, Any]) -> bool:
    if len(extra) != 1:
        return False
    r = extra["reason"]
    if type(r) is not str:
        return _not_str(r)
    return r in NIMBUS_UNENROLL_FAILED


def nimbus_experiment_expose(extra: dict[Any, Any]) -> bool:
    if len(extra) != 2:
        return False
    b = extra["branchSlug"]
    if type(b) is not str:
        return _not_str(b)
    if len(b) > 80 or not b.isascii() and len(b.encode("utf-8", "surrogatepass")) > 80:
        return False
    f = extra["featureId"]
    if type(f) is not str:
        return _not_str(f)
    return not (
        len(f) > 80 or not f.isascii() and len(f.encode("utf-8", "surrogatepass")) > 80
    )


def nimbus_experiment_validation_failed(extra: dict[Any, Any]) -> bool:
    r = extra["reason"]
    if type(r) is not str:
        return _not_str(r)
    # the reason decides which keys are sent, besides the optional feature
    n = 1
    if r == "invalid-branch":
        b = extra["branch"]
        if type(b) is not str:
            return _not_str(b)
        if (
            len(b) > 80
            or not b.isascii()
            and len(b.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        n = 2
    elif r == "l10n-missing-entry":
        lo = extra["locale"]
        if type(lo) is not str:
            return _not_str(lo)
        if (
            len(lo) > 80
            or not lo.isascii()
            and len(lo.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        ids = extra["l10n_ids"]
        if type(ids) is not str:
            return _not_str(ids)
        if len(ids) > 500:
            return False
        n = 3
    elif r == "l10n-missing-locale":
        lo = extra["locale"]
        if type(lo) is not str:
            return _not_str(lo)
        if (
            len(lo) > 80
            or not lo.isascii()
            and len(lo.encode("utf-8", "surrogatepass")) > 80
        ):
            return False
        n = 2
    elif r == "unsupported-feature":
        ids = extra["feature_ids"]
        if type(ids) is not str:
            return _not_str(ids)
        if len(ids) > 500:
            return False
        n = 2
    elif r != "invalid-recipe":
        return False
    size = len(extra)
    if size == n:
        return True
    if size != n + 1:
        return False
    f = extra["feature"]
    if type(f) is not str:
        return _not_str(f)
    return not (
        len(f) > 80 or not f.isascii() and len(f.encode("utf-8", "surrogatepass")) > 80
    )


# -- preference_rollback and addon_rollback -------------------------------------------


def preference_rollback_unenroll(extra: dict[Any, Any]) -> bool:
    if len(extra) != 1:
        return False
    r = extra["reason"]
    if type(r) is not str:
        return _not_str(r)
    return r == "rollback"


def preference_rollback_unenroll_failed(extra: dict[Any, Any]) -> bool:
    if len(extra) != 1:
        return False
    r = extra["reason"]
    if type(r) is not str:
        return _not_str(r)
    return r in ROLLBACK_UNENROLL_FAILED


def addon_rollback_unenroll(extra: dict[Any, Any]) -> bool:
    if len(extra) != 1:
        return False
    r = extra["reason"]
    if type(r) is not str:
        return _not_str(r)
    return r == "rollback"


def addon_rollback_unenroll_failed(extra: dict[Any, Any]) -> bool:
    if len(extra) != 1:
        return False
    r = extra["reason"]
    if type(r) is not str:
        return _not_str(r)
    return r == "uninstall-failed"


CHECKS = {
    "preference_study": {
        "enroll": preference_study_enroll,
        "enrollFailed": preference_study_enroll_failed,
        "unenroll": preference_study_unenroll,
        "unenrollFailed": preference_study_unenroll_failed,
        "expPrefChanged": preference_study_exp_pref_changed,
    },
    "preference_rollout": {
        "enroll": preference_rollout_enroll,
        "enrollFailed": preference_rollout_enroll_failed,
        "update": preference_rollout_update,
        "graduate": preference_rollout_graduate,
    },
    "addon_study": {
        "enroll": addon_study_enroll,
        "enrollFailed": addon_study_enroll_failed,
        "update": addon_study_update,
        "updateFailed": addon_study_update_failed,
        "unenroll": addon_study_unenroll,
    },
    "addon_rollout": {
        "enroll": addon_rollout_enroll,
        "enrollFailed": addon_rollout_enroll_failed,
        "update": addon_rollout_update,
        "updateFailed": addon_rollout_update_failed,
    },
    "nimbus_experiment": {
        "enroll": nimbus_experiment_enroll,
        "enrollFailed": nimbus_experiment_enroll_failed,
        "update": nimbus_experiment_update,
        "unenroll": nimbus_experiment_unenroll,
        "unenrollFailed": nimbus_experiment_unenroll_failed,
        "expose": nimbus_experiment_expose,
        "validationFailed": nimbus_experiment_validation_failed,
    },
    "preference_rollback": {
        "unenroll": preference_rollback_unenroll,
        "unenrollFailed": preference_rollback_unenroll_failed,
    },
    "addon_rollback": {
        "unenroll": addon_rollback_unenroll,
        "unenrollFailed": addon_rollback_unenroll_failed,
    },
}
"""Every event's check, by object, then by method."""

VALUE_OPTIONAL = frozenset(
    (
        addon_study_enroll_failed,
        addon_study_update_failed,
        addon_rollout_enroll_failed,
        addon_rollout_update_failed,
    )
)
"""The events Firefox may send without a value (a null one)."""


# -- the validator --------------------------------------------------------------------


def is_valid(event: Any) -> bool:
    """Whether ``event`` (a mapping or a legacy record) is a Normandy event."""
    try:
        if type(event) is dict:
            size = len(event)
            if size == 5:
                extra = event["extra"]
            elif size == 4:
                extra = None
            else:
                return False
            category = event["category"]
            method = event["method"]
            object_ = event["object"]
            value = event["value"]
        elif type(event) is list:
            size = len(event)
            if size == 6:
                timestamp, category, method, object_, value, extra = event
            elif size == 5:
                timestamp, category, method, object_, value = event
                extra = None
            else:
                return False
            if type(timestamp) is int:
                if timestamp < 0:
                    return False
            elif type(timestamp) is float:
                if not (timestamp >= 0 and timestamp.is_integer()):
                    return False
            elif type(timestamp) is bool or not issubclass(
                type(timestamp), (int, float)
            ):
                return False
            else:  # a subclass of int or float
                return _full_check(event)
        elif issubclass(type(event), (dict, list)):
            return _full_check(event)
        else:
            return False
        if type(method) is not str or type(object_) is not str:
            if issubclass(type(method), str) and issubclass(type(object_), str):
                return _full_check(event)
            return False
        check = CHECKS[object_][method]  # unknown: KeyError
        if type(category) is not str:
            return _not_str(category)
        if category != "normandy":
            return False
        if type(value) is str:
            if (
                len(value) > 80
                or not value.isascii()
                and len(value.encode("utf-8", "surrogatepass")) > 80
            ):
                return False
        elif value is not None or check not in VALUE_OPTIONAL:
            return _not_str(value)
        if type(extra) is dict:
            return check(extra)
        if extra is None:
            return check(_EMPTY)
        return issubclass(type(extra), dict) and _full_check(event)
    except KeyError:  # a key that is always sent is missing, or an unknown event
        return False
    except _NotPlain:
        return _full_check(event)
    except Exception:  # a key of the input's own type raised while it was searched
        return _full_check(event)


def is_valid_exact_keys(event: Any) -> bool:
    """``is_valid`` with the guarantee issue 14 added to ``is_valid_event``: a
    key that is not exactly a ``str`` (a subclass whose ``__eq__`` or
    ``__hash__`` could answer a lookup for another text) never decides the
    verdict; the package's full check reads such an event instead. Written as a
    careful developer would add it: one loop over each mapping's keys first."""
    if type(event) is dict:
        for key in event:
            if type(key) is not str:
                return _full_check(event)
        extra = event.get("extra")
    elif type(event) is list and len(event) == 6:
        extra = event[5]
    else:
        return is_valid(event)
    if type(extra) is dict:
        for key in extra:
            if type(key) is not str:
                return _full_check(event)
    return is_valid(event)
