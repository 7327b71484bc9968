"""The spec format, version 1, described once.

Validation (``format_language.StructureChecker``) and the format's reference page
(``generated/docs/spec-format.rst``) are both derived from the records below,
so every field documented is a field checked, and the other way round.
"""

from __future__ import annotations

from codegen.format_language import (
    Boolean,
    Field,
    Integer,
    ListOf,
    NamedMap,
    Record,
    Text,
)

FORMAT_VERSION = 1

PROSE = Text()
TITLE = Text(r"[^\n]+", "a single line of text")
CORRECTION = Field(
    "correction",
    PROSE,
    "Where and why the spec differs from, or clarifies, the seed document "
    "(``data-collection.txt``). Shown beside the item in the docs and listed on the corrections page.",
)
LINT_IGNORE = Field(
    "lint_ignore",
    ListOf(Text(r"[A-Z][A-Z0-9_]*", "a lint rule ID such as MISSING_ENROLLMENT_ID")),
    "Lint rule IDs silenced for this item (``python -m codegen lint`` lists them). "
    "A suppression that silences nothing is itself reported.",
)
RENAMED_FROM = Field(
    "renamed_from",
    Text(),
    "The item's previous name, so ``python -m codegen diff`` reports a rename instead of a removal and an addition.",
)
REGEX = Text(pattern=r".+", hint="a regular expression")
CONSTANT_NAME = Text(r"[A-Z][A-Z0-9_]*", "an UPPER_SNAKE_CASE Python constant name")
SOURCE_NAME = Text(r"[a-z][a-z0-9_]*", "a lower_snake_case name")
UPTAKE_VALUE = Text(r"[a-z][a-z0-9_]*", "an Uptake value in lower_snake_case")
OBJECT_NAME = Text(r"[a-z][a-z0-9_]*", "a lower_snake_case object name")
METHOD_NAME = Text(r"[a-z][a-zA-Z0-9]*", "a lowerCamelCase method name")
EXTRA_KEY_NAME = Text(r"[a-z][a-zA-Z0-9]*", "a lowerCamelCase extra key name")
CATEGORY_NAME = Text(r"[a-z][a-z0-9_]*", "a lower_snake_case category name")
CHANNELS = ("nightly", "aurora", "beta", "release", "esr")

PLACEHOLDER = Record(
    "placeholder",
    "The variable part of a key, such as ``<recipe id>`` in ``normandy/recipe/<recipe id>``.",
    (
        Field(
            "name",
            Text(),
            "The text between ``<`` and ``>`` in the key.",
            required=True,
        ),
        Field("description", PROSE, "What the placeholder stands for.", required=True),
        Field(
            "pattern",
            REGEX,
            "A regular expression every real value matches (whole match).",
            required=True,
        ),
    ),
)

STATUS = Record(
    "status",
    "One Uptake status, named by its constant (the mapping key, exactly as Firefox names it).",
    (
        Field(
            "value",
            UPTAKE_VALUE,
            "The Uptake telemetry value reported for this status.",
            required=True,
        ),
        Field(
            "description",
            PROSE,
            "What happened when this status is reported.",
            required=True,
        ),
        Field(
            "firefox_value",
            UPTAKE_VALUE,
            "What Firefox actually sends, when the seed's ``value`` is not a legal Uptake value. "
            "Needs a ``correction`` that says why.",
        ),
        CORRECTION,
        LINT_IGNORE,
        RENAMED_FROM,
    ),
)

SOURCE = Record(
    "source",
    "A part of Normandy that reports one Uptake status per run (runner, action, recipe).",
    (
        Field(
            "title",
            TITLE,
            "Heading for the docs, for example ``Recipe Status``.",
            required=True,
        ),
        Field(
            "key",
            Text(r"[a-z0-9_/<> -]+", "a key such as normandy/recipe/<recipe id>"),
            "The Uptake key; at most one ``<placeholder>``.",
            required=True,
        ),
        Field(
            "placeholder",
            PLACEHOLDER,
            "Required exactly when ``key`` has a ``<placeholder>``.",
        ),
        Field("description", PROSE, "When the status is reported.", required=True),
        Field(
            "statuses",
            NamedMap(CONSTANT_NAME, STATUS),
            "The statuses, in the seed's order.",
            required=True,
        ),
        CORRECTION,
        LINT_IGNORE,
        RENAMED_FROM,
    ),
)

# -- what Firefox's build needs besides the telemetry itself --------------------
# Read only by the Glean metrics.yaml and legacy Events.yaml targets.

BUG_NUMBER = Integer(minimum=1)
URL = Text(r"https?://\S+", "an http or https URL")
EMAIL = Text(r"[^@\s]+@[^@\s]+\.[^@\s]+", "an email address")
EXPIRES = Text(
    r"never|[0-9]{4}-[0-9]{2}-[0-9]{2}",
    '``never`` or a quoted date such as "2027-01-01"',
)
PROCESSES = (
    "main",
    "content",
    "gpu",
    "rdd",
    "socket",
    "utility",
    "all",
    "all_children",
)
PRODUCTS = ("firefox", "fennec", "thunderbird")

LEGACY_METADATA = Record(
    "legacy_metadata",
    "The fields every entry of the legacy ``Events.yaml`` needs that Glean does not "
    "(Firefox's ``toolkit/components/telemetry/Events.yaml`` format).",
    (
        Field(
            "record_in_processes",
            ListOf(Text(choices=PROCESSES)),
            "Firefox processes the events may be recorded in; Normandy runs in ``main`` only.",
            required=True,
        ),
        Field(
            "products",
            ListOf(Text(choices=PRODUCTS)),
            "Products that record the events.",
            required=True,
        ),
        Field(
            "expiry_version",
            Text(
                r"never|[0-9]{1,3}",
                '``never`` or a Firefox major version such as "140"',
            ),
            "The Firefox version after which the events are no longer recorded, or ``never``.",
            required=True,
        ),
        Field(
            "release_channel_collection",
            Text(choices=("opt-in", "opt-out")),
            "``opt-out`` records on every channel, release included; ``opt-in`` only on pre-release channels.",
            required=True,
        ),
    ),
)

METADATA = Record(
    "metadata",
    "Ownership and review facts that Firefox's build requires of every metric, written once for the "
    "whole spec. With this block the generator writes ``generated/glean/metrics.yaml`` and "
    "``generated/legacy/Events.yaml`` and checks every name against those formats' limits; a spec "
    "without it generates neither file.",
    (
        Field(
            "bugs",
            ListOf(BUG_NUMBER),
            "Bugzilla bug numbers that introduced or changed the telemetry, for example ``1443560``. "
            "Written as ``https://bugzil.la/<number>`` URLs in ``metrics.yaml`` (Glean's linter rejects "
            "bare numbers) and as ``bug_numbers`` in ``Events.yaml``.",
            required=True,
        ),
        Field(
            "data_reviews",
            ListOf(URL),
            "URLs of the data-collection reviews; Firefox uses the bug's URL when the review is in the bug.",
            required=True,
        ),
        Field(
            "notification_emails",
            ListOf(EMAIL),
            "Who is told about expiry and problems.",
            required=True,
        ),
        Field(
            "expires",
            EXPIRES,
            "When the Glean metrics expire: ``never``, or a date.",
            required=True,
        ),
        Field(
            "legacy",
            LEGACY_METADATA,
            "Fields only the legacy ``Events.yaml`` needs.",
            required=True,
        ),
    ),
)

METADATA_OVERRIDE = Record(
    "metadata_override",
    "Replaces, for one item only, some fields of the top-level ``metadata``; a field not given here "
    "is taken from there.",
    (
        Field("bugs", ListOf(BUG_NUMBER), "Bugzilla bug numbers, as in ``metadata``."),
        Field("data_reviews", ListOf(URL), "Data-review URLs, as in ``metadata``."),
        Field(
            "notification_emails",
            ListOf(EMAIL),
            "Who is told about expiry and problems.",
        ),
        Field("expires", EXPIRES, "When the Glean metric expires."),
    ),
)

LEGACY_KEY_NAME = Text(
    r"[a-zA-Z][a-zA-Z0-9_.]*[a-zA-Z0-9]",
    "an Events.yaml identifier: letters, digits, '_' or '.', starting with a letter and ending with a letter or digit",
)

UPTAKE_GLEAN = Record(
    "uptake_glean",
    "How Firefox records Normandy's Uptake statuses with Glean: one event per report, whose "
    "``source`` extra key holds the Uptake key (``normandy/recipe/123``) and whose ``value`` "
    "extra key holds the status's value. Both come from ``sources``; only the rest is written here.",
    (
        Field(
            "event",
            Text(r"[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)+", "a Glean category.name"),
            "The Glean event's full name: its category (which may contain dots), a dot and the metric "
            "name, for example ``uptake.remotecontent.result.uptake_normandy``.",
            required=True,
        ),
        Field(
            "extra",
            NamedMap(
                Text(r"[a-zA-Z][a-zA-Z0-9_]*", "an extra key name"), PROSE, min_items=0
            ),
            "The event's other extra keys, each with its description: Firefox's Uptake Telemetry "
            "defines them for every component that reports uptake.",
        ),
        Field(
            "metadata",
            METADATA_OVERRIDE,
            "Bugs, reviews and emails of this event, where they differ from ``metadata``.",
        ),
    ),
)

UPTAKE = Record(
    "uptake",
    "Uptake Telemetry: success and failure counts of runs.",
    (
        Field(
            "description", PROSE, "What Uptake measures for Normandy.", required=True
        ),
        Field(
            "legal_values",
            ListOf(UPTAKE_VALUE),
            "Every value Firefox's ``UptakeTelemetry.STATUS`` accepts; a status must use one of them.",
            required=True,
        ),
        Field(
            "sources",
            NamedMap(SOURCE_NAME, SOURCE),
            "The reporting sources, in the seed's order.",
            required=True,
        ),
        Field(
            "glean",
            UPTAKE_GLEAN,
            "The Glean event Firefox reports the statuses with; without it ``metrics.yaml`` has no uptake event.",
        ),
    ),
)

SCALAR = Record(
    "scalar",
    "A keyed scalar.",
    (
        Field(
            "name",
            Text(r"[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*", "category.name"),
            "Full scalar name.",
            required=True,
        ),
        Field(
            "kind", Text(choices=("keyed_uint",)), "The scalar's kind.", required=True
        ),
        Field("description", PROSE, "What the scalar measures.", required=True),
        Field("key", PLACEHOLDER, "What a key of the scalar is.", required=True),
        Field("value", PROSE, "What a value of the scalar is.", required=True),
        Field("unit", Text(choices=("second",)), "Unit of the value.", required=True),
        CORRECTION,
        Field(
            "metadata",
            METADATA_OVERRIDE,
            "Bugs, reviews and emails of this metric, where they differ from ``metadata``.",
        ),
    ),
)

ENROLLMENT_ID = Record(
    "enrollment_id",
    "The enrollment ID most Normandy events carry.",
    (
        Field("description", PROSE, "What an enrollment ID is.", required=True),
        Field(
            "lifetime", PROSE, "How long an ID is used, and for what.", required=True
        ),
        Field(
            "upload_disabled",
            PROSE,
            "What happens to IDs when Telemetry upload is disabled.",
            required=True,
        ),
        Field(
            "format", Text(choices=("uuid",)), "The form of a real ID.", required=True
        ),
        Field(
            "filler",
            Text(r"[\x21-\x7e]+", "printable ASCII without spaces"),
            "The value that replaces IDs when upload is disabled.",
            required=True,
        ),
        CORRECTION,
    ),
)

ALLOWED_VALUE = Record(
    "allowed_value",
    "One value an extra key may take. A plain string is shorthand for its description.",
    (
        Field("description", PROSE, "What the value means.", required=True),
        CORRECTION,
        LINT_IGNORE,
        RENAMED_FROM,
    ),
    shorthand="description",
)

CONDITION = NamedMap(EXTRA_KEY_NAME, ListOf(Text()), min_items=1)

EXTRA_KEY = Record(
    "extra_key",
    "One extra key of an event, named exactly as Firefox records it.",
    (
        Field("description", PROSE, "What the value holds.", required=True),
        Field(
            "allowed",
            NamedMap(Text(), ALLOWED_VALUE),
            "The closed set of values, each with its meaning.",
        ),
        Field(
            "examples",
            ListOf(Text()),
            "Illustrative values; unlike ``allowed``, not a closed set.",
        ),
        Field(
            "when",
            CONDITION,
            "Present exactly when another extra key has one of the listed values.",
        ),
        Field(
            "channels",
            ListOf(Text(choices=CHANNELS)),
            "Present only on these release channels.",
        ),
        Field("optional", Boolean(), "May be absent without a condition."),
        Field(
            "format",
            Text(choices=("enrollment_id",)),
            "``enrollment_id``: a UUID or the enrollment-ID filler.",
        ),
        Field(
            "max_length",
            Integer(minimum=1),
            "Longest value, in characters; defaults to ``events.extra_max_length``.",
        ),
        Field(
            "truncate",
            Integer(minimum=1),
            "The sender cuts longer values to this many characters.",
        ),
        Field(
            "legacy_name",
            LEGACY_KEY_NAME,
            "The name Firefox records this key under in its legacy ``Events.yaml`` and in Glean's "
            "``metrics.yaml``, when that differs from the key's own name. Legacy extra key names may have "
            "at most 15 characters, so a longer name needs one: the seed's ``preferenceBranch`` (16) is "
            "recorded by Firefox as ``prefBranch``. Without it, a name over the limit stops generation; "
            "it is never cut or renamed silently.",
        ),
        CORRECTION,
        LINT_IGNORE,
        RENAMED_FROM,
    ),
)

EVENT = Record(
    "event",
    "One event, named by its method (the mapping key).",
    (
        Field(
            "title",
            TITLE,
            "Heading for the docs, for example ``Enrollment``.",
            required=True,
        ),
        Field("description", PROSE, "When the event is sent.", required=True),
        Field("value", PROSE, "What the event's value holds.", required=True),
        Field(
            "extra",
            NamedMap(EXTRA_KEY_NAME, EXTRA_KEY, min_items=0),
            "The extra keys, in the seed's order.",
        ),
        CORRECTION,
        LINT_IGNORE,
        RENAMED_FROM,
    ),
)

EVENT_OBJECT = Record(
    "object",
    "A kind of change Normandy makes (preference study, rollout, add-on study).",
    (
        Field("title", TITLE, "Heading for the docs.", required=True),
        Field("description", PROSE, "What the object is.", required=True),
        Field(
            "events",
            NamedMap(METHOD_NAME, EVENT),
            "The events, by method, in the seed's order.",
            required=True,
        ),
        CORRECTION,
        LINT_IGNORE,
        RENAMED_FROM,
    ),
)

EVENTS = Record(
    "events",
    "Telemetry Events, all in one category.",
    (
        Field("category", CATEGORY_NAME, "The event category.", required=True),
        Field("description", PROSE, "What the events record.", required=True),
        Field(
            "value_max_length",
            Integer(minimum=1),
            "Longest event value, in characters.",
            required=True,
        ),
        Field(
            "extra_max_length",
            Integer(minimum=1),
            "Longest extra value, in characters.",
            required=True,
        ),
        Field(
            "objects",
            NamedMap(OBJECT_NAME, EVENT_OBJECT),
            "The objects, in the seed's order.",
            required=True,
        ),
    ),
)

SPEC_FORMAT = Record(
    "spec",
    "The top level of ``spec/normandy.yaml``.",
    (
        Field(
            "format_version",
            Integer(minimum=1),
            f"Always ``{FORMAT_VERSION}``.",
            required=True,
        ),
        Field("title", TITLE, "The title of the telemetry described.", required=True),
        Field("description", PROSE, "What is collected and why.", required=True),
        Field(
            "metadata",
            METADATA,
            "Bugs, reviews, owners and expiry for the Firefox outputs (Glean and legacy Events.yaml).",
        ),
        Field("uptake", UPTAKE, "Uptake statuses.", required=True),
        Field(
            "scalars",
            NamedMap(SOURCE_NAME, SCALAR),
            "Scalars, by short name.",
            required=True,
        ),
        Field("enrollment_id", ENROLLMENT_ID, "Enrollment-ID rules.", required=True),
        Field("events", EVENTS, "Telemetry Events.", required=True),
    ),
)
