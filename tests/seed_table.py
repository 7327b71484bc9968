"""The seed's statuses and events, transcribed by hand.

Everything here was typed out by hand from ../shared/seed/data-collection.txt
(the document the project was created from), not derived from
spec/normandy.yaml or from any generated file, so that tests can compare the
spec and the generated package against the seed independently of the
generator.

Transcription choices (the seed is inconsistent in these places):

- addon_study enrollFailed: the seed lists ``reason`` outside the ``extra``
  heading; it is recorded here as an extra key with no listed values.
- preference_rollout graduate: the seed runs "all-prefs-match" and
  "in-graduation-set" together in one bullet; they are two separate values.
- RECIPE_SIGNATURE_INVALID keeps the seed's value ``signature_error`` (Firefox
  itself sends ``sign_error``).
- An empty tuple means the seed lists no closed set of values for that key
  (examples such as "control" / "experiment" are not a closed set).
"""

# constant name -> (uptake source, telemetry value), in seed order.
SEED_STATUSES: dict[str, tuple[str, str]] = {
    # Runner Status (normandy/runner)
    "RUNNER_SUCCESS": ("runner", "success"),
    "RUNNER_SERVER_ERROR": ("runner", "server_error"),
    # Action Status (normandy/action/<action name>)
    "ACTION_NETWORK_ERROR": ("action", "network_error"),
    "ACTION_PRE_EXECUTION_ERROR": ("action", "custom_1_error"),
    "ACTION_POST_EXECUTION_ERROR": ("action", "custom_2_error"),
    "ACTION_SERVER_ERROR": ("action", "server_error"),
    "ACTION_SUCCESS": ("action", "success"),
    # Recipe Status (normandy/recipe/<recipe id>)
    "RECIPE_ACTION_DISABLED": ("recipe", "custom_1_error"),
    "RECIPE_DIDNT_MATCH_FILTER": ("recipe", "backoff"),
    "RECIPE_EXECUTION_ERROR": ("recipe", "apply_error"),
    "RECIPE_FILTER_BROKEN": ("recipe", "content_error"),
    "RECIPE_INVALID_ACTION": ("recipe", "download_error"),
    "RECIPE_SUCCESS": ("recipe", "success"),
    "RECIPE_SIGNATURE_INVALID": ("recipe", "signature_error"),
}

# (object, method) -> {extra key: allowed values}, events and keys in seed order.
SEED_EVENTS: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {
    # Preference Studies
    ("preference_study", "enroll"): {
        "branch": (),
        "experimentType": ("exp", "exp-highpop"),
        "enrollmentId": (),
    },
    ("preference_study", "enrollFailed"): {
        "reason": ("invalid-branch",),
        "preferenceBranch": (),
    },
    ("preference_study", "unenroll"): {
        "didResetValue": ("true", "false"),
        "reason": ("recipe-not-seen", "unknown"),
        "enrollmentId": (),
    },
    ("preference_study", "unenrollFailed"): {
        "enrollmentId": (),
        "reason": ("does-not-exist", "already-unenrolled"),
        "caller": (),
        "originalReason": (),
    },
    ("preference_study", "expPrefChanged"): {
        "enrollmentId": (),
        "preferenceName": (),
        "reason": ("atEnroll", "sideload", "observer"),
    },
    # Preference Rollouts
    ("preference_rollout", "enroll"): {
        "enrollmentId": (),
    },
    ("preference_rollout", "enrollFailed"): {
        "reason": ("invalid type", "would-be-no-op", "conflict"),
        "preference": (),
    },
    ("preference_rollout", "update"): {
        "previousState": (),
        "enrollmentId": (),
    },
    ("preference_rollout", "graduate"): {
        "reason": ("all-prefs-match", "in-graduation-set"),
        "enrollmentId": (),
    },
    # Add-on Studies
    ("addon_study", "enroll"): {
        "addonId": (),
        "addonVersion": (),
        "enrollmentId": (),
    },
    ("addon_study", "enrollFailed"): {
        "reason": (),
    },
    ("addon_study", "update"): {
        "addonId": (),
        "addonVersion": (),
        "enrollmentId": (),
    },
    ("addon_study", "updateFailed"): {
        "reason": (),
        "enrollmentId": (),
    },
    ("addon_study", "unenroll"): {
        "addonId": (),
        "addonVersion": (),
        "reason": (
            "install-failure",
            "individual-opt-out",
            "general-opt-out",
            "recipe-not-seen",
            "uninstalled",
            "uninstalled-sideload",
            "unknown",
        ),
        "enrollmentId": (),
    },
}
