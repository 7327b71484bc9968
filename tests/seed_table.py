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


# Where the document's prose stands in the spec: a spec path (dots between
# names; a mapping's text is its ``description``) and the document's text,
# typed from the document (typos and curly quotes as it has them). Values are
# quoted as the document quotes them.
SEED_TEXTS: dict[str, str] = {
    "uptake.description": "Normandy monitors the execution of recipes and reports to Telemetry the amount of successful and failed runs. This data is reported using Uptake Telemetry under the normandy namespace.",
    "uptake.sources.runner.description": "Once per-fetch and execution of recipes, one of the following statuses is reported under the key normandy/runner:",
    "uptake.sources.runner.statuses.RUNNER_SUCCESS": "The operation completed successfully. Individual failures with actions and recipes may have been reported separately.",
    "uptake.sources.runner.statuses.RUNNER_SERVER_ERROR": "The data returned by the server when fetching the recipe is invalid in some way.",
    "uptake.sources.action.description": "For each action available from the Normandy service, one of the following statuses is reported under the key normandy/action/<action name>:",
    "uptake.sources.action.statuses.ACTION_NETWORK_ERROR": "There was a network-related error while fetching actions",
    "uptake.sources.action.statuses.ACTION_PRE_EXECUTION_ERROR": "There was an error while running the pre-execution hook for the action.",
    "uptake.sources.action.statuses.ACTION_POST_EXECUTION_ERROR": "There was an error while running the post-execution hook for the action.",
    "uptake.sources.action.statuses.ACTION_SERVER_ERROR": "The data returned by the server when fetching the action is invalid in some way.",
    "uptake.sources.action.statuses.ACTION_SUCCESS": "The operation completed successfully. Individual failures with recipes may be reported separately.",
    "uptake.sources.recipe.description": "For each recipe that is fetched and executed, one of the following statuses is reported under the key normandy/recipe/<recipe id>:",
    "uptake.sources.recipe.statuses.RECIPE_ACTION_DISABLED": "The action for this recipe failed in some way and was disabled, so the recipe could not be executed.",
    "uptake.sources.recipe.statuses.RECIPE_DIDNT_MATCH_FILTER": "The recipe included a Jexl filter that the client did not match, so the recipe was not executed.",
    "uptake.sources.recipe.statuses.RECIPE_EXECUTION_ERROR": "An error occurred while executing the recipe.",
    "uptake.sources.recipe.statuses.RECIPE_FILTER_BROKEN": "An error occurred while evaluating the Jexl filter for this recipe. Sometimes this represents a bug in the Jexl filter parser/evaluator, such as in bug 1477156, or it can represent an error fetching some data that a Jexl recipe needs such as bug 1447804.",
    "uptake.sources.recipe.statuses.RECIPE_INVALID_ACTION": "The action specified by the recipe was invalid and it could not be executed.",
    "uptake.sources.recipe.statuses.RECIPE_SUCCESS": "The recipe was executed successfully.",
    "uptake.sources.recipe.statuses.RECIPE_SIGNATURE_INVALID": "Normandy failed to verify the signature of the recipe.",
    "scalars.recipe_freshness": "Additionally, Normandy reports a keyed scalar to measure recipe freshness. This scalar is called normandy.recipe_freshness, and it corresponds to the last_modified date of each recipe (using its ID as the key), reported as seconds since 1970 in UTC.",
    "events.description": "Normandy records enrollment and unenrollment of users into studies, and records that data using Telemetry Events. All data is stored in the normandy category.",
    "enrollment_id.description": "Most Normandy telemetry carries an enrollment ID. These IDs are generated when Normandy enrolls the client in a change, be it a study, rollout, or something else.",
    "enrollment_id.lifetime": "These enrollment IDs are used for the lifetime of that change, and are only used for that change (not shared between similar changes). Once a change ends (either via unenrollment, graduation, or another method) the enrollment ID should not be used again.",
    "enrollment_id.upload_disabled": "When Telemetry upload is disabled, we must clear these enrollment IDs. This is done by replacing existing enrollment IDs with a filler value. New changes continue to receive a enrollment IDs as normal. The only thing that enrollment IDs are used for Telemetry, and so generated them while Telemetry is disabled is fine. They don’t correlate to anything else, and won’t be sent anywhere.",
    "events.objects.preference_study.events.enroll.value": "The name of the study (recipe.arguments.slug).",
    "events.objects.preference_study.events.enroll.extra.branch": 'The name of the branch the user was assigned to (example: "control" or "experiment").',
    "events.objects.preference_study.events.enroll.extra.experimentType": "The type of preference experiment. Currently this can take values “exp” and “exp-highpop”, the latter being for experiments targeting large numbers of users.",
    "events.objects.preference_study.events.enroll.extra.enrollmentId": "A UUID that is unique to this users enrollment in this study. It will be included in all future telemetry for this user in this study.",
    "events.objects.preference_study.events.enrollFailed.value": "The slug of the study (recipe.arguments.slug)",
    "events.objects.preference_study.events.enrollFailed.extra.reason": "The reason for unenrollment. Possible values are:",
    "events.objects.preference_study.events.enrollFailed.extra.reason.allowed.invalid-branch": "The recipe specifies an invalid preference branch (not to be confused with the experiment branch). Valid values are “default” and “user”.",
    "events.objects.preference_study.events.enrollFailed.extra.preferenceBranch": 'If the reason was "invalid-branch", the branch that was specified, truncated to 80 characters.',
    "events.objects.preference_study.events.unenroll.value": "The name of the study (recipe.arguments.slug).",
    "events.objects.preference_study.events.unenroll.extra.didResetValue": 'The string "true" if the preference was set back to its original value, "false" if it was left as its current value. This can happen when, for example, the user changes a preference that was involved in a user-branch study.',
    "events.objects.preference_study.events.unenroll.extra.reason": "The reason for unenrollment. Possible values are:",
    "events.objects.preference_study.events.unenroll.extra.reason.allowed.recipe-not-seen": "The recipe was no longer applicable to this client This can be because the recipe was disabled, or the user no longer matches the recipe’s filter.",
    "events.objects.preference_study.events.unenroll.extra.reason.allowed.unknown": "A reason was not specified. This should be considered a bug.",
    "events.objects.preference_study.events.unenroll.extra.enrollmentId": "The ID that was generated at enrollment.",
    "events.objects.preference_study.events.unenrollFailed.value": "The name of the study (recipe.arguments.slug)",
    "events.objects.preference_study.events.unenrollFailed.extra.enrollmentId": "The ID that was generated at enrollment.",
    "events.objects.preference_study.events.unenrollFailed.extra.reason": "A code describing the reason the unenroll failed. Possible values are:",
    "events.objects.preference_study.events.unenrollFailed.extra.reason.allowed.does-not-exist": "The system attempted to unenroll a study that does not exist. This is a bug.",
    "events.objects.preference_study.events.unenrollFailed.extra.reason.allowed.already-unenrolled": "The system attempted to unenroll a study that has already been unenrolled. This is likely a bug.",
    "events.objects.preference_study.events.unenrollFailed.extra.caller": "On Nightly builds only, a string identifying the source of the requested stop.",
    "events.objects.preference_study.events.unenrollFailed.extra.originalReason": "The code that would had been used for the unenrollment, had it not failed.",
    "events.objects.preference_study.events.expPrefChanged.value": "The name of the study (recipe.arguments.slug)",
    "events.objects.preference_study.events.expPrefChanged.extra.enrollmentId": "The ID that was generated at enrollment.",
    "events.objects.preference_study.events.expPrefChanged.extra.preferenceName": "The name of the preference that changed. Note that the value of the preference (old or new) is not given.",
    "events.objects.preference_study.events.expPrefChanged.extra.reason": "A code describing the reason that Normandy detected the preference change. Possible values are:",
    "events.objects.preference_study.events.expPrefChanged.extra.reason.allowed.atEnroll": "The preferences already had user value when the experiment started.",
    "events.objects.preference_study.events.expPrefChanged.extra.reason.allowed.sideload": "A preference was changed while Normandy’s observers weren’t active, likely while the browser was shut down.",
    "events.objects.preference_study.events.expPrefChanged.extra.reason.allowed.observer": "The preference was observed to change by Normandy at runtime.",
    "events.objects.preference_rollout.events.enroll.description": "Sent when a user first enrolls in a rollout.",
    "events.objects.preference_rollout.events.enroll.value": "The slug of the rollout (recipe.arguments.slug)",
    "events.objects.preference_rollout.events.enroll.extra.enrollmentId": "A UUID that is unique to this user’s enrollment in this rollout. It will be included in all future telemetry for this user in this rollout.",
    "events.objects.preference_rollout.events.enrollFailed.description": "Sent when a user attempts to enroll in a rollout, but the enrollment process fails.",
    "events.objects.preference_rollout.events.enrollFailed.value": "The slug of the rollout (recipe.arguments.slug)",
    "events.objects.preference_rollout.events.enrollFailed.extra.reason": "A code describing the reason the unenroll failed. Possible values are:",
    "events.objects.preference_rollout.events.enrollFailed.extra.reason.allowed.invalid type": "The preferences specified in the rollout do not match the preferences built in to the browser. The represents a misconfiguration of the preferences in the recipe on the server.",
    "events.objects.preference_rollout.events.enrollFailed.extra.reason.allowed.would-be-no-op": "All of the preference specified in the rollout already have the given values. This represents an error in targeting on the server.",
    "events.objects.preference_rollout.events.enrollFailed.extra.reason.allowed.conflict": "At least one of the preferences specified in the rollout is already managed by another active rollout.",
    "events.objects.preference_rollout.events.enrollFailed.extra.preference": 'For reason="invalid type", the first preference that was invalid. For reason="conflict", the first preference that is conflicting.',
    "events.objects.preference_rollout.events.update.description": "Sent when the preferences specified in the recipe have changed, and the client updates the preferences of the browser to match.",
    "events.objects.preference_rollout.events.update.value": "The slug of the rollout (recipe.arguments.slug)",
    "events.objects.preference_rollout.events.update.extra.previousState": 'The state the rollout was in before this update (such as "active" or "graduated").',
    "events.objects.preference_rollout.events.update.extra.enrollmentId": "The ID that was generated at enrollment.",
    "events.objects.preference_rollout.events.graduate.description": "Sent when Normandy determines that further intervention is no longer needed for this rollout. After this point, Normandy will stop making changes to the browser for this rollout, unless the rollout recipe changes to specify preferences different than the built-in.",
    "events.objects.preference_rollout.events.graduate.value": "The slug of the rollout (recipe.arguments.slug)",
    "events.objects.preference_rollout.events.graduate.extra.reason": "A code describing the reason for the graduation. Possible values are:",
    "events.objects.preference_rollout.events.graduate.extra.reason.allowed.all-prefs-match": "All preferences specified in the rollout now have built-in values that match the rollouts values.",
    "events.objects.preference_rollout.events.graduate.extra.reason.allowed.in-graduation-set": "The browser has changed versions (usually updated) to one that specifies this rollout no longer applies and should be graduated regardless of the built-in preference values. This behavior is controlled by the constant PreferenceRollouts.GRADUATION_SET.",
    "events.objects.preference_rollout.events.graduate.extra.enrollmentId": "The ID that was generated at enrollment.",
    "events.objects.addon_study.events.enroll.value": "The name of the study (recipe.arguments.name).",
    "events.objects.addon_study.events.enroll.extra.addonId": 'The add-on’s ID (example: "feature-study@shield.mozilla.com").',
    "events.objects.addon_study.events.enroll.extra.addonVersion": 'The add-on’s version (example: "1.2.3").',
    "events.objects.addon_study.events.enroll.extra.enrollmentId": "A UUID that is unique to this users enrollment in this study. It will be included in all future telemetry for this user in this study.",
    "events.objects.addon_study.events.enrollFailed.value": "The name of the study (recipe.arguments.name).",
    "events.objects.addon_study.events.enrollFailed.extra.reason": "A string containing the filename and line number of the code that failed, and the name of the error thrown. This information is purposely limited to avoid leaking personally identifiable information. This should be considered a bug.",
    "events.objects.addon_study.events.update.value": "The name of the study (recipe.arguments.name).",
    "events.objects.addon_study.events.update.extra.addonId": 'The add-on’s ID (example: "feature-study@shield.mozilla.com").',
    "events.objects.addon_study.events.update.extra.addonVersion": 'The add-on’s version (example: "1.2.3").',
    "events.objects.addon_study.events.update.extra.enrollmentId": "The ID that was generated at enrollment.",
    "events.objects.addon_study.events.updateFailed.value": "The name of the study (recipe.arguments.name).",
    "events.objects.addon_study.events.updateFailed.extra.reason": "A string containing the filename and line number of the code that failed, and the name of the error thrown. This information is purposely limited to avoid leaking personally identifiable information. This should be considered a bug.",
    "events.objects.addon_study.events.updateFailed.extra.enrollmentId": "The ID that was generated at enrollment.",
    "events.objects.addon_study.events.unenroll.value": "The name of the study (recipe.arguments.name).",
    "events.objects.addon_study.events.unenroll.extra.addonId": 'The add-on’s ID (example: "feature-study@shield.mozilla.com").',
    "events.objects.addon_study.events.unenroll.extra.addonVersion": 'The add-on’s version (example: "1.2.3").',
    "events.objects.addon_study.events.unenroll.extra.reason": "The reason for unenrollment. Possible values are:",
    "events.objects.addon_study.events.unenroll.extra.reason.allowed.install-failure": "The add-on failed to install.",
    "events.objects.addon_study.events.unenroll.extra.reason.allowed.individual-opt-out": "The user opted-out of this particular study.",
    "events.objects.addon_study.events.unenroll.extra.reason.allowed.general-opt-out": "The user opted-out of studies in general.",
    "events.objects.addon_study.events.unenroll.extra.reason.allowed.recipe-not-seen": "The recipe was no longer applicable to this client. This can be because the recipe was disabled, or the user no longer matches the recipe’s filter.",
    "events.objects.addon_study.events.unenroll.extra.reason.allowed.uninstalled": "The study’s add-on as uninstalled by some mechanism. For example, this could be a user action or the add-on self-uninstalling.",
    "events.objects.addon_study.events.unenroll.extra.reason.allowed.uninstalled-sideload": "The study’s add-on was uninstalled while Normandy was inactive. This could be that the add-on is no longer compatible, or was manually removed from a profile.",
    "events.objects.addon_study.events.unenroll.extra.reason.allowed.unknown": "A reason was not specified. This should be considered a bug.",
    "events.objects.addon_study.events.unenroll.extra.enrollmentId": "The ID that was generated at enrollment.",
}
