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
from codegen.model import DEFAULT_VERSION

FORMAT_VERSION = 1
DOCUMENT = "Normandy's data-collection document"

PROSE = Text(max_length=None)  # wrapped on pages, so as long as it likes
TITLE = Text(r"[^\n]+", "a single line of text")
CORRECTION = Field(
    "correction",
    PROSE,
    f"Where and why the spec departs from, or clarifies, {DOCUMENT}: what the document "
    "says, what Firefox does, and which of them the spec's values follow. Shown beside the "
    "item in the docs and listed on the corrections page.",
)
FIREFOX_PATH = Text(
    r"[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+(:[A-Za-z0-9_.]+)?",
    "a path in Firefox's source tree, optionally followed by ':function'",
)
FIREFOX_SOURCE = Field(
    "firefox_source",
    FIREFOX_PATH,
    f"Set on an item that {DOCUMENT} does not have: where Firefox defines or sends it "
    "(``toolkit/components/normandy/lib/PreferenceExperiments.sys.mjs:stop``). Items "
    "without it are in the document. The docs mark every item the document lacks.",
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
    "The item's previous name, so ``python -m codegen diff`` reports one rename (and the "
    "item's other changes) instead of a removal and an addition. It may not name the "
    "item itself or an item that is still there, and ``diff`` refuses, with a "
    "did-you-mean, one that names nothing the older spec had.",
)
TRACKING = (CORRECTION, FIREFOX_SOURCE, LINT_IGNORE, RENAMED_FROM)
REGEX = Text(pattern=r".+", hint="a regular expression")
CONSTANT_NAME = Text(r"[A-Z][A-Z0-9_]*", "an UPPER_SNAKE_CASE Python constant name")
SOURCE_NAME = Text(r"[a-z][a-z0-9_]*", "a lower_snake_case name")
UPTAKE_VALUE = Text(r"[a-z][a-z0-9_]*", "an Uptake value in lower_snake_case")
OBJECT_NAME = Text(r"[a-z][a-z0-9_]*", "a lower_snake_case object name")
METHOD_NAME = Text(r"[a-z][a-zA-Z0-9]*", "a lowerCamelCase method name")
EXTRA_KEY_NAME = Text(
    r"[a-z][a-zA-Z0-9]*(_[a-zA-Z0-9]+)*",
    "an extra key name exactly as Firefox records it: lowerCamelCase, or words joined by '_'"
    " (l10n_ids)",
)
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
    f"One Uptake status, named by its constant (the mapping key, as {DOCUMENT} names it; "
    "see ``firefox_name``).",
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
            "What Firefox actually sends, when the document's ``value`` is not a legal "
            "Uptake value. Needs a ``correction`` that says why.",
        ),
        Field(
            "firefox_name",
            CONSTANT_NAME,
            "The constant's name in Firefox's ``Uptake.sys.mjs``, when it differs from the "
            "document's. The package defines it too, with ``firefox_value`` (or ``value``). "
            "Needs a ``correction``.",
        ),
        *TRACKING,
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
            "The statuses, in the document's order, then those only Firefox has.",
            required=True,
        ),
        *TRACKING,
    ),
)

# -- what Firefox's build needs besides the telemetry itself --------------------
# Read only by the Glean and legacy outputs.

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
TAG = Text(r"[^\n]+", "a Bugzilla component such as 'Firefox :: Normandy Client'")

LEGACY_FIELDS = (
    (
        "record_in_processes",
        ListOf(Text(choices=PROCESSES)),
        "Firefox processes the events may be recorded in.",
    ),
    ("products", ListOf(Text(choices=PRODUCTS)), "Products that record them."),
    (
        "expiry_version",
        Text(r"never|[0-9]{1,3}", '``never`` or a Firefox major version such as "140"'),
        "The Firefox version after which they are no longer recorded, or ``never``.",
    ),
    (
        "release_channel_collection",
        Text(choices=("opt-in", "opt-out")),
        "``opt-out`` records on every channel, release included; ``opt-in`` only on "
        "pre-release channels.",
    ),
)

LEGACY_METADATA = Record(
    "legacy_metadata",
    "The fields every entry of the legacy ``Events.yaml`` and ``Scalars.yaml`` needs that "
    "Glean does not (the formats of Firefox's ``toolkit/components/telemetry/``).",
    tuple(
        Field(name, schema, doc, required=True) for name, schema, doc in LEGACY_FIELDS
    ),
)

LEGACY_OVERRIDE = Record(
    "legacy_override",
    "Some fields of ``metadata.legacy``, replaced for one item.",
    tuple(Field(name, schema, doc) for name, schema, doc in LEGACY_FIELDS),
)

GLEAN_FILE = Text(
    r"[a-z0-9_]+(/[a-z0-9_]+)*/metrics\.yaml",
    "the path of a metrics.yaml in Firefox's source tree",
)

METADATA = Record(
    "metadata",
    "Ownership and review facts that Firefox's build requires of every metric, written "
    "once for the whole spec. With this block the generator writes the Glean and legacy "
    "outputs and checks every name against those formats' limits; a spec without it "
    "generates neither.",
    (
        Field(
            "bugs",
            ListOf(BUG_NUMBER),
            "Bugzilla bug numbers that introduced or changed the telemetry, for example "
            "``1443560``. Written as ``https://bugzil.la/<number>`` URLs in ``metrics.yaml`` "
            "(Glean's linter rejects bare numbers) and as ``bug_numbers`` in ``Events.yaml``.",
            required=True,
        ),
        Field(
            "data_reviews",
            ListOf(URL),
            "URLs of the data-collection reviews; Firefox uses the bug's URL when the review "
            "is in the bug.",
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
            "tags",
            ListOf(TAG),
            "The Bugzilla components of the metrics (Glean's ``$tags``).",
        ),
        Field(
            "glean_file",
            GLEAN_FILE,
            "The Firefox ``metrics.yaml`` that holds Normandy's own Glean metrics, which are "
            "generated into ``generated/glean/metrics.yaml`` (default: "
            "``toolkit/components/normandy/metrics.yaml``).",
        ),
        Field(
            "legacy",
            LEGACY_METADATA,
            "Fields only the legacy outputs need.",
            required=True,
        ),
    ),
)

METADATA_OVERRIDE = Record(
    "metadata_override",
    "Replaces, for one item and everything inside it, some fields of the ``metadata`` "
    "it inherits (the spec's, then its object's); a field not given here is inherited.",
    (
        Field("bugs", ListOf(BUG_NUMBER), "Bugzilla bug numbers, as in ``metadata``."),
        Field("data_reviews", ListOf(URL), "Data-review URLs, as in ``metadata``."),
        Field(
            "notification_emails",
            ListOf(EMAIL),
            "Who is told about expiry and problems.",
        ),
        Field("expires", EXPIRES, "When the Glean metric expires."),
        Field("tags", ListOf(TAG), "The Bugzilla components (Glean's ``$tags``)."),
        Field(
            "glean_file",
            GLEAN_FILE,
            "The Firefox ``metrics.yaml`` that holds this item's Glean metric, when it is "
            "another component's file: Firefox keeps ``uptake_normandy`` in "
            "``services/common/metrics.yaml`` and Nimbus's ``expose`` in "
            "``toolkit/components/nimbus/metrics.yaml``. Such a metric is generated into a "
            "file of its own, ``generated/glean/<that path>``, never into Normandy's.",
        ),
        Field(
            "legacy",
            LEGACY_OVERRIDE,
            "Fields of ``metadata.legacy`` replaced for this item.",
        ),
    ),
)

LEGACY_KEY_NAME = Text(
    r"[a-zA-Z][a-zA-Z0-9_.]*[a-zA-Z0-9]",
    "an Events.yaml identifier: letters, digits, '_' or '.', starting with a letter and "
    "ending with a letter or digit",
)
METADATA_FIELD = Field(
    "metadata",
    METADATA_OVERRIDE,
    "Bugs, reviews, owners, expiry and legacy fields of this item and everything inside "
    "it, where they differ from what it inherits.",
)

UPTAKE_GLEAN = Record(
    "uptake_glean",
    "How Firefox records Normandy's Uptake statuses with Glean: one event per report, "
    "whose ``source`` extra key holds the Uptake key (``normandy/recipe/123``) and whose "
    "``value`` extra key holds the status's value. Both come from ``sources``; only the "
    "rest is written here.",
    (
        Field(
            "event",
            Text(r"[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)+", "a Glean category.name"),
            "The Glean event's full name: its category (which may contain dots), a dot and "
            "the metric name, for example ``uptake.remotecontent.result.uptake_normandy``.",
            required=True,
        ),
        Field(
            "telemetry_mirror",
            Text(r"[A-Za-z][A-Za-z0-9_]*", "a C++ identifier"),
            "The legacy event the Glean event also records, as Firefox's generated code "
            "names it (``UptakeRemotecontentResult_Uptake_Normandy``).",
        ),
        Field(
            "extra",
            NamedMap(
                Text(r"[a-zA-Z][a-zA-Z0-9_]*", "an extra key name"), PROSE, min_items=0
            ),
            "The event's other extra keys, each with its description: Firefox's Uptake "
            "Telemetry defines them for every component that reports uptake.",
        ),
        METADATA_FIELD,
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
            "Every value Firefox's ``UptakeTelemetry.STATUS`` accepts; a status must use "
            "one of them.",
            required=True,
        ),
        Field(
            "sources",
            NamedMap(SOURCE_NAME, SOURCE),
            "The reporting sources, in the document's order.",
            required=True,
        ),
        Field(
            "glean",
            UPTAKE_GLEAN,
            "The Glean event Firefox reports the statuses with; without it no Glean output "
            "has an uptake event.",
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
            "kind",
            Text(choices=("keyed_uint",)),
            "The scalar's kind: a keyed unsigned integer (legacy ``kind: uint, keyed: "
            "true``; Glean ``labeled_quantity``).",
            required=True,
        ),
        Field("description", PROSE, "What the scalar measures.", required=True),
        Field("key", PLACEHOLDER, "What a key of the scalar is.", required=True),
        Field("value", PROSE, "What a value of the scalar is.", required=True),
        Field(
            "unit",
            Text(r"[a-z][a-z0-9 _-]*", "a unit in lower case, such as 'revision id'"),
            "The unit of the value, as the Glean metric states it (Glean accepts any).",
            required=True,
        ),
        CORRECTION,
        METADATA_FIELD,
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
        *TRACKING,
    ),
    shorthand="description",
)

CONDITION = NamedMap(EXTRA_KEY_NAME, ListOf(Text()), min_items=1)

EXTRA_KEY = Record(
    "extra_key",
    "One extra key of an event, named as the document names it (or, for a key only "
    "Firefox has, exactly as Firefox records it).",
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
            "Longest value, in bytes of UTF-8 (as Firefox counts); defaults to ``events.extra_max_length``.",
        ),
        Field(
            "truncate",
            Integer(minimum=1),
            "The sender cuts longer values to this many bytes of UTF-8, at a character's start.",
        ),
        Field(
            "legacy_name",
            LEGACY_KEY_NAME,
            "The name Firefox records this key under, in its legacy ``Events.yaml`` and in "
            "Glean's ``metrics.yaml``, when that differs from the document's name. Legacy "
            "extra key names may have at most 15 characters, so a longer name needs one: "
            "the document's ``preferenceBranch`` (16) is recorded by Firefox as "
            "``prefBranch``. Without it, a name over the limit stops generation; it is "
            "never cut or renamed silently. The builders send this name, and the "
            "validators accept either.",
        ),
        *TRACKING,
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
            "value_optional",
            Boolean(),
            "Firefox sends some of these events without a value: ``null`` in a legacy "
            "record or a mapping, no ``value`` key in a Glean event. The validators accept "
            "that, and the builders take ``None``. An event of the data-collection document, which "
            "gives every event a value, needs a ``correction`` saying when.",
        ),
        Field(
            "extra",
            NamedMap(EXTRA_KEY_NAME, EXTRA_KEY, min_items=0),
            "The extra keys, in the document's order, then those only Firefox has.",
        ),
        Field(
            "recorded_in",
            ListOf(Text(choices=("glean", "legacy"))),
            "Where Firefox records the event: in Glean, in legacy telemetry, or both (the "
            "default). An event recorded in one only is left out of the other's files.",
        ),
        Field(
            "legacy_entry",
            LEGACY_KEY_NAME,
            "The name of the legacy ``Events.yaml`` entry that declares the event, where "
            "Firefox's file does not name it after the method in snake_case: Firefox "
            "declares ``expPrefChanged`` under ``expPrefChanged``, not "
            "``exp_pref_changed``. A label only (Firefox identifies an event by its "
            "category, method and object); at most 20 characters, and no two methods' "
            "events may share one.",
        ),
        METADATA_FIELD,
        *TRACKING,
    ),
)

EVENT_OBJECT = Record(
    "object",
    "A kind of change Normandy makes (preference study, rollout, add-on study, ...).",
    (
        Field("title", TITLE, "Heading for the docs.", required=True),
        Field("description", PROSE, "What the object is.", required=True),
        Field(
            "events",
            NamedMap(METHOD_NAME, EVENT),
            "The events, by method, in the document's order, then those only Firefox has.",
            required=True,
        ),
        METADATA_FIELD,
        *TRACKING,
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
            "Longest event value, in bytes of UTF-8 (as Firefox counts).",
            required=True,
        ),
        Field(
            "extra_max_length",
            Integer(minimum=1),
            "Longest extra value, in bytes of UTF-8 (as Firefox counts).",
            required=True,
        ),
        Field(
            "objects",
            NamedMap(OBJECT_NAME, EVENT_OBJECT),
            "The objects, in the document's order, then those only Firefox has.",
            required=True,
        ),
        Field(
            "glean_extra_keys",
            Text(choices=("per_event", "per_method")),
            "Which extra keys each Glean event metric declares: its own event's "
            "(``per_event``, the default), or those of every event of its method "
            "(``per_method``), as Firefox's metrics.yaml does, where all the metrics of a "
            "method share one list of keys. The legacy Events.yaml always shares them per "
            "entry, as Firefox's format requires.",
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
        Field(
            "version",
            Text(
                r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)",
                "a version MAJOR.MINOR.PATCH such as 1.4.0",
            ),
            "The version of the telemetry the spec describes, which the generated package, "
            "its ``__version__``, the headers of the generated files and the docs carry. "
            "Every change to the spec bumps it as ``python -m codegen diff`` classes the "
            "change: a breaking change bumps MAJOR, a compatible one MINOR, a documentation-only "
            "one PATCH (``python -m codegen check --base REV`` fails otherwise). Without it, "
            f"the spec is version ``{DEFAULT_VERSION}``.",
        ),
        Field("title", TITLE, "The title of the telemetry described.", required=True),
        Field("description", PROSE, "What is collected and why.", required=True),
        Field(
            "metadata",
            METADATA,
            "Bugs, reviews, owners and expiry for the Firefox outputs (Glean and legacy).",
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
