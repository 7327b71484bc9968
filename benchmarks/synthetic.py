"""Synthetic specs of N events, in the real spec's format.

The uptake, scalar and enrollment-ID sections are copied from the real spec;
the events are made up but shaped like Normandy's: 50 methods per object,
2 to 6 extra keys each, an enrollment ID on most, closed sets of allowed
values on some, a conditional key on every fifth. Output depends only on N.

    python -m benchmarks.synthetic 5000 > /tmp/spec-5000.yaml
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

REAL_SPEC = Path(__file__).resolve().parent.parent / "spec" / "normandy.yaml"
VERBS = [
    "enroll",
    "unenroll",
    "update",
    "graduate",
    "expose",
    "pause",
    "resume",
    "rollback",
    "refresh",
    "migrate",
]
SUFFIXES = ["", "Failed", "Started", "Skipped", "Retried"]
KEY_WORDS = [
    "reason",
    "branch",
    "addonId",
    "addonVersion",
    "preferenceName",
    "previousState",
    "caller",
    "detail",
    "source",
]
REASONS = [
    "recipe-not-seen",
    "unknown",
    "user-opt-out",
    "conflict",
    "install-failure",
    "invalid-branch",
    "timeout",
]


def _q(text: str) -> str:
    return json.dumps(text)


def real_sections() -> str:
    """The real spec up to (not including) its events section."""
    text = REAL_SPEC.read_text("utf-8")
    return text[: text.index("\nevents:")] + "\n"


def synthetic_spec(count: int, seed: int = 20261127) -> str:
    rng = random.Random(seed)
    methods = [verb + suffix for verb in VERBS for suffix in SUFFIXES]
    lines = [
        real_sections(),
        "events:",
        "  category: normandy",
        "  description: Synthetic events for benchmarks.",
        "  value_max_length: 80",
        "  extra_max_length: 80",
        "  objects:",
    ]
    objects = (count + len(methods) - 1) // len(methods)
    made = 0
    for index in range(objects):
        lines += [
            f"    synthetic_object_{index}:",
            f"      title: Synthetic object {index}",
            f"      description: A made-up kind of change, number {index}.",
            "      events:",
        ]
        for method in methods:
            if made == count:
                break
            made += 1
            lines += [
                f"        {method}:",
                f"          title: {method} of object {index}",
                f"          description: Sent when the client does {method} for synthetic object {index}.",
                "          value: The slug of the change (`recipe.arguments.slug`).",
                "          extra:",
            ]
            keys = rng.sample(KEY_WORDS, rng.randint(1, 5))
            if "reason" not in keys and made % 5 == 0:
                keys.insert(0, "reason")
            reasons = rng.sample(REASONS, 3)
            for key in keys:
                lines += [
                    f"            {key}:",
                    f"              description: {_q('The ' + key + ' of this ' + method + '.')}",
                ]
                if key == "reason":
                    lines.append("              allowed:")
                    lines += [
                        f"                {r}: {_q('The change ended because of ' + r + '.')}"
                        for r in reasons
                    ]
                elif key == "caller":
                    lines.append("              channels: [nightly]")
            if made % 5 == 0:
                lines += [
                    "            detailCode:",
                    "              description: Extra detail, sent only for the first reason.",
                    f"              when: {{reason: [{_q(reasons[0])}]}}",
                ]
            lines += [
                "            enrollmentId:",
                "              description: The ID generated at enrollment.",
                "              format: enrollment_id",
            ]
    return "\n".join(lines) + "\n"


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    sys.stdout.write(synthetic_spec(count))


if __name__ == "__main__":
    main()
