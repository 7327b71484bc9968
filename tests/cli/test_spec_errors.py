"""The error-case tier: every kind of broken spec gets a precise message, never a traceback.

Each case is ``tests/fixtures/minimal.yaml`` with one mistake, written here as
a :class:`~support.Patch` of it (``several_errors`` has three); the few that
are not an edit of it (whole texts, bytes that are not UTF-8, inputs too large
to write out) are built in code (:data:`BUILT`). Each is written to a
temporary ``errors/<kind>.yaml``, so every message starts ``errors/<kind>.yaml:``.

For every case the CLI (run in-process) must exit 1, print the pinned
``LINE:COL: message`` lines (each checked by eye against its case: the
position is the mistake, the message says how to fix it), let no exception
escape and print no traceback, and leave an existing output directory byte for
byte as it was. One case also goes through a real interpreter.

Defects this tier found (crashes, broken packages accepted, misplaced or
misleading messages) were fixed; their cases are pinned at the end of
:data:`EXPECTED`. A new defect is best added there with the message it should
give, so the test fails until it is fixed.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import (
    ROOT,
    Patch,
    Result,
    cli,
    patched,
    run_codegen,
    snapshot,
    write_spec,
)

MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"

Expected = tuple[tuple[int, int, str], ...]

TAG = "; remove the tag and write a plain value (quote it to make it a string)"
DEEP = (
    "lists and mappings are nested more than 100 levels deep here; a spec needs "
    "fewer than 10, write it out flatter"
)
# Mistakes made alone and again beside others (several_errors).
SUCESS = (
    15,
    18,
    "'sucess' is not a legal Uptake value (uptake.legal_values); did you mean 'success'? If Normandy's "
    "data-collection document really gives this value, keep it and add 'firefox_value:' with what Firefox "
    "sends and a 'correction:' saying why",
)
REASN = (
    81,
    22,
    "condition names extra key 'reasn', which this event does not have; did you mean 'reason'?",
)


EVENT_FIELDS = (
    "title, description, value, value_optional, extra, recorded_in, legacy_entry, "
    "metadata, correction, firefox_source, lint_ignore, renamed_from"
)
SURROGATE = (
    "this string holds \\u{}, half of a UTF-16 surrogate pair, which no output can"
    " hold; write the character itself, or its \\U escape (\\U0001F600, not"
    " \\uD83D\\uDE00)"
)


NO_DIGITS = "has no digits, so it is not an integer; write it with digits, as 42"
PORTABLE = "pattern '{}' is not read alike by Python and JavaScript (the JSON Schema): "

# kind -> every problem the CLI must report, in file order: (line, column, message).
EXPECTED: dict[str, Expected] = {
    # -- reading and parsing ------------------------------------------------
    "empty_spec": ((1, 1, "the spec is empty; start with 'format_version: 1'"),),
    "comments_only": ((1, 1, "the spec is empty; start with 'format_version: 1'"),),
    "not_utf8": (
        (54, 19, "the spec is not valid UTF-8 (byte 0xe9); save the file as UTF-8"),
    ),
    "yaml_syntax": (
        (
            26,
            10,
            "YAML indentation error: this line is indented by 9 spaces, more than the key "
            "on line 25 (8), which has its value on the same line, so nothing can be nested "
            "under it; indent this line by 8 spaces like line 25",
        ),
    ),
    "two_documents": (
        (
            82,
            1,
            "YAML syntax error: expected a single document in the stream, but found another document",
        ),
    ),
    "duplicate_key": (
        (
            28,
            7,
            "duplicate key 'title' (first defined at line 21); remove or rename one",
        ),
    ),
    "yaml_tag": (
        (
            54,
            16,
            "YAML tags are not allowed in a spec (found '!!python/object:os.system')"
            + TAG,
        ),
    ),
    "yaml_tag_on_mapping": (
        (
            45,
            16,
            "YAML tags are not allowed in a spec (found '!!python/object:os.system')"
            + TAG,
        ),
    ),
    "merge_key": ((39, 7, "merge keys ('<<') are not allowed; write the fields out"),),
    "non_string_key": ((29, 9, "a key must be a plain string, not a list or mapping"),),
    "date_value": (
        (60, 20, "'2019-06-01' reads as a date; quote it to keep it a string"),
    ),
    # At the alias that goes past the limit: f holds 10 * 111,111 nodes, so the
    # first *f in g's list (line 90, column 10) passes 2,000,000.
    "alias_bomb": (
        (
            90,
            10,
            "the spec expands to more than 2,000,000 YAML nodes here, its aliases "
            "expanded; write it out plainly, or anchor less",
        ),
    ),
    # A few nodes, but 1 MB of text each: a maintainer trial's 1 MB description
    # used 174 times made 957 MB of output. With the rest of the spec's text,
    # the 31st alias (column 8 + 6 * 30) goes past 32 MB.
    "alias_text_bomb": (
        (
            84,
            8 + 6 * 30,
            "the spec expands to more than 32 MB of text here, its aliases "
            "expanded; write it out plainly, or anchor less",
        ),
    ),
    "nested_too_deeply": ((82, 108, DEEP),),
    # -- structure (spec_format) --------------------------------------------
    "top_level_list": ((1, 1, "the spec must be a mapping, not a list"),),
    "unknown_field": (
        (
            51,
            3,
            "unknown field 'owner' in enrollment_id (allowed: description, lifetime, upload_disabled, format, filler, correction)",
        ),
    ),
    "unknown_field_typo": (
        (
            12,
            7,
            "unknown field 'descripton' in uptake.sources.runner; did you mean 'description'?",
        ),
    ),
    "missing_field": (
        (
            9,
            5,
            "uptake.sources.runner is missing the required field 'title'",
        ),
    ),
    "missing_section": ((1, 1, "the spec is missing the required field 'scalars'"),),
    "wrong_type": (
        (
            55,
            21,
            "events.value_max_length must be an integer, not a string",
        ),
    ),
    # A maintainer's trial: "must be an integer, not a number" for 1e3.
    "float_as_integer": (
        (
            55,
            21,
            "events.value_max_length must be an integer, not a number; write it"
            " with digits only, as 1000",
        ),
    ),
    # The same trial: a file of only '---' was "a mapping, not a null".
    "only_a_document_start": (
        (
            2,
            1,
            "the spec must be a mapping, not a null; the document holds nothing"
            " (start with 'format_version: 1')",
        ),
    ),
    "wrong_type_list": (
        (
            7,
            17,
            "uptake.legal_values must be a list, not a string; a list of one is"
            " written in brackets: [success]",
        ),
    ),
    "list_written_without_brackets": (
        (
            7,
            17,
            "uptake.legal_values must be a list, not a string; a list is written"
            " in brackets: [success, backoff, server_error]",
        ),
    ),
    "list_of_numbers_written_without_brackets": (
        (
            66,
            13,
            "this 'metadata' override has no effect: the spec has no top-level"
            " 'metadata' for it to override; add one, or remove the override",
        ),
        (
            66,
            19,
            "events.objects.preference_study.events.enroll.metadata.bugs must be a list,"
            " not a string; a list is written in brackets: [1443560, 1617133]",
        ),
    ),
    "list_of_one_yaml_would_misread": (
        (
            7,
            17,
            "uptake.legal_values must be a list, not a string; a list of one is"
            ' written in brackets: ["network: offline"]',
        ),
    ),
    "unquoted_bool_as_string": (
        (
            69,
            28,
            "events.objects.preference_study.events.enroll.extra.enrollmentId.description must be a string, "
            'not a boolean; quote it to make it a string: "true"',
        ),
    ),
    "empty_string": (
        (
            10,
            14,
            "uptake.sources.runner.title must not be empty",
        ),
    ),
    "bad_choice": (
        (
            36,
            11,
            "scalars.recipe_freshness.kind is 'keyed_unit', which is not 'keyed_uint'; did you mean 'keyed_uint'?",
        ),
    ),
    "duplicate_list_item": (
        (
            7,
            36,
            "'success' is listed twice in uptake.legal_values (first at line 7)",
        ),
    ),
    "unsupported_format_version": (
        (
            1,
            17,
            "format_version 2 is not supported; this toolchain reads format_version 1",
        ),
    ),
    # -- Uptake rules (build) -----------------------------------------------
    "illegal_uptake_value": (SUCESS,),
    "firefox_value_without_correction": (
        (
            18,
            11,
            "status 'RUNNER_SERVER_ERROR' has a firefox_value but no 'correction' explaining the difference",
        ),
    ),
    "firefox_value_illegal": (
        (
            19,
            26,
            "firefox_value 'server_eror' is not a legal Uptake value; did you mean 'server_error'?",
        ),
    ),
    "duplicate_constant": (
        (
            29,
            9,
            "constant 'RUNNER_SUCCESS' is already defined at line 14; constant names must be unique across sources",
        ),
    ),
    "placeholder_mismatch": (
        (
            24,
            15,
            "placeholder name 'recipe ID' does not match <recipe id> in key 'normandy/recipe/<recipe id>'",
        ),
    ),
    "placeholder_missing": (
        (
            11,
            12,
            "key 'normandy/runner/<runner id>' has the placeholder <runner id> but source 'runner' has no 'placeholder' field describing it",
        ),
    ),
    "placeholder_unused": (
        (
            24,
            9,
            "source 'recipe' has a 'placeholder' but its key 'normandy/recipe' has no <placeholder>; remove one or the other",
        ),
    ),
    "placeholder_not_mapping": (
        (
            23,
            20,
            "uptake.sources.recipe.placeholder must be a mapping, not a string",
        ),
    ),
    "two_placeholders": (
        (
            22,
            12,
            "key 'normandy/recipe/<recipe id>/<action name>' has 2 placeholders; a key may have at most one",
        ),
    ),
    "invalid_regex": (
        (
            26,
            18,
            "pattern '^[0-9+$' is not a valid regular expression: unterminated character set at position 1",
        ),
    ),
    # -- events (build) -----------------------------------------------------
    "python_keyword": (
        (
            62,
            9,
            "method 'class' becomes the Python name 'class', which is a Python keyword; choose another name",
        ),
    ),
    "python_soft_keyword": (
        (
            58,
            5,
            "object 'match' becomes the Python name 'match', which is a Python soft keyword; choose another name",
        ),
    ),
    "snake_case_collision": (
        (
            70,
            13,
            "extra key 'enrollmentID' and 'enrollmentId' (line 67) both become the Python name 'enrollment_id'; rename one",
        ),
    ),
    "sent_name_collision": (
        (
            72,
            28,
            "extra key 'enrollmentSlug' of preference_study.enroll is sent as 'enrollmentId', as extra key "
            "'enrollmentId' (line 67) may be; Firefox and the validators would mix them up, rename one",
        ),
    ),
    "condition_unknown_key": (REASN,),
    "condition_unknown_value": (
        (
            81,
            31,
            "'invalid-brnch' is not an allowed value of 'reason'; did you mean 'invalid-branch'?",
        ),
    ),
    # A helper's trial: a value removed from 'allowed' but still named by a
    # condition was taken for a typo of another value that shares a word.
    "condition_value_not_close": (
        (
            81,
            31,
            "'invalid-type' is not an allowed value of 'reason'; its allowed"
            " values are 'invalid-branch'",
        ),
    ),
    "condition_on_itself": (
        (81, 22, "extra key 'preferenceBranch' cannot depend on itself"),
    ),
    "condition_without_allowed": (
        (80, 22, "condition on 'reason' needs 'reason' to have 'allowed' values"),
    ),
    "truncate_too_long": (
        (
            82,
            25,
            "truncate 100 is longer than the key's max_length 80 (the extra_max_length it "
            "inherits): the validators would refuse what the builders send; truncate to "
            "at most 80, or raise the limit",
        ),
    ),
    "truncate_over_own_max_length": (
        (
            83,
            25,
            "truncate 50 is longer than the key's max_length 40 (its max_length, line 82):"
            " the validators would refuse what the builders send; truncate to at most 40,"
            " or raise the limit",
        ),
    ),
    "allowed_value_too_long": (
        (
            79,
            17,
            "allowed value 'invalid-branch' has 14 characters, more than the key's"
            " limit of 10; shorten the value, or raise the key's max_length if"
            " Firefox sends it",
        ),
    ),
    # A maintainer's trial: one value too long for any name was reported twice,
    # once without a fix and quoted whole (313 characters).
    "allowed_value_longer_than_any_name": (
        (
            78,
            17,
            "the name '" + "x" * 57 + "...' in events.objects.preference_study.events"
            ".enrollFailed.extra.reason.allowed has 313 characters; at most 200 are"
            " allowed here (only prose may be longer)",
        ),
    ),
    # -- three mistakes at once ---------------------------------------------
    "several_errors": (
        SUCESS,
        (
            55,
            21,
            "events.value_max_length must be an integer, not a string",
        ),
        REASN,
    ),
    # Found in review: a refused key quieted every problem at its mapping's
    # place, a refused integer let the model judge the 0 standing in for it.
    "refused_key_beside_a_typo": (
        (
            10,
            7,
            "unknown field 'titel' in uptake.sources.runner; did you mean 'title'?",
        ),
        (11, 7, "the key 1 reads as an integer; quote it to make it a string: '1'"),
    ),
    "refused_integer_beside_a_limit": ((81, 27, "'0x_' " + NO_DIGITS),),
    "tag_on_the_root_beside_a_missing_field": (
        (1, 1, "YAML tags are not allowed in a spec (found '!!map')" + TAG),
        (1, 1, "the spec is missing the required field 'format_version'"),
    ),
    "reading_and_other_errors": (
        (
            12,
            7,
            "unknown field 'descripton' in uptake.sources.runner; did you mean 'description'?",
        ),
        (
            51,
            3,
            "unknown field 'owner' in enrollment_id (allowed: description, lifetime, upload_disabled, format, filler, correction)",
        ),
        (56, 21, "'0x_' " + NO_DIGITS),
    ),
    # -- found in review: patterns embedded in larger regexes, keys, names the package uses
    "pattern_inline_flags": (
        (
            26,
            18,
            "pattern '(?i)[0-9]+' is not a valid regular expression: global flags not at the start of the expression at position 4",
        ),
    ),
    "pattern_inner_anchor": (
        (
            26,
            18,
            "pattern '^[0-9]+$|^x[0-9]+$' has an anchor (^ or $) inside it; anchors may only start and end the pattern",
        ),
    ),
    "key_after_placeholder": (
        (
            22,
            12,
            "key 'normandy/recipe/<recipe id>/run' continues after its placeholder <recipe id>; a placeholder must end the key",
        ),
    ),
    "scalar_named_event": (
        (
            34,
            3,
            "scalar 'event' would name its validators is_valid_event and so on, which the package uses for events; rename it",
        ),
    ),
    # -- fixed defects, formerly strict xfails ------------------------------
    "condition_and_optional": (
        (
            82,
            25,
            "extra key 'preferenceBranch' sets 'when' and 'optional'; choose one way the key may be absent",
        ),
    ),
    "control_char": (
        (
            54,
            26,
            "the spec contains the control character U+0007, which YAML does not allow; remove it",
        ),
    ),
    "control_char_after_curly_quotes": (
        (
            55,
            28,
            "the spec contains the control character U+0007, which YAML does not allow; remove it",
        ),
    ),
    "deep_nesting_crash": ((82, 108, DEEP),),
    "invalid_identifier": (
        (
            14,
            9,
            "the name 'RUNNER-SUCCESS' in uptake.sources.runner.statuses is not an UPPER_SNAKE_CASE Python constant name",
        ),
    ),
    "method_collision": (
        (
            70,
            9,
            "method 'enrollFailed' and 'enrollFAILED' (line 62) both become 'ENROLL_FAILED' in the generated code; rename one",
        ),
    ),
    "newline_in_title": (
        (
            10,
            14,
            "uptake.sources.runner.title is 'Runner Status\\nimport os', which is not a single line of text",
        ),
    ),
    "nul_in_description": (
        (
            54,
            16,
            "events.description contains the control character U+0000; remove it",
        ),
    ),
    "null_value": (
        (
            49,
            10,
            "enrollment_id.format must be a string, not a null; it is empty, write a value after the colon",
        ),
    ),
    "scalar_shadows_constant": (
        (
            34,
            3,
            "scalar 'category' becomes 'CATEGORY', a name the generated package already uses; rename it",
        ),
    ),
    "source_enum_collision": (
        (
            20,
            5,
            "source 'runner_' and 'runner' (line 9) both become 'RunnerStatus' in the generated code; rename one",
        ),
    ),
    "status_shadows_constant": (
        (
            29,
            9,
            "constant 'SOURCES' is a name the generated package already uses; rename it",
        ),
    ),
    "unquoted_bool_as_allowed_key": (
        (
            79,
            17,
            "the key true reads as a boolean; quote it to make it a string: 'true'",
        ),
    ),
    "unquoted_number": (
        (
            31,
            24,
            'uptake.sources.recipe.statuses.RECIPE_SUCCESS.description must be a string, not an integer; quote it to make it a string: "42"',
        ),
    ),
    "yaml_tab_indent": (
        (
            10,
            1,
            "YAML syntax error: a tab character; YAML indents with spaces only, replace the tab with spaces",
        ),
    ),
    "yaml_unclosed_bracket": (
        (
            8,
            10,
            "YAML syntax error: while parsing a flow sequence, did not find expected ',' or ']' (the sequence opened at line 7, column 17)",
        ),
    ),
    # It was reported at 26:19, where the quote YAML read on to ends; a
    # maintainer's trial asked for the line the quote was opened on.
    "yaml_unclosed_quote": (
        (
            10,
            14,
            "YAML syntax error: the value opened with ' here is not closed on its"
            " line, so YAML read on into the next lines (line 11 and after); end it"
            " with ' (a ' inside it is written 'it''s')",
        ),
    ),
    "yaml_unclosed_double_quote": (
        (
            12,
            20,
            'YAML syntax error: the value opened with " here is not closed on its'
            " line, so YAML read on into the next lines (line 13 and after); end it"
            ' with " (a " inside it is written "say \\"hi\\"")',
        ),
    ),
    # A maintainer's trial: every field of an allowed value written one level
    # too far out said only "must be a mapping or a string, not a null".
    "allowed_value_fields_too_far_out": (
        (
            78,
            32,
            "events.objects.preference_study.events.enrollFailed.extra.reason.allowed"
            ".invalid-branch is empty; if 'description' (line 79) and what follows"
            " are its fields, indent them by 2 more spaces, to column 19",
        ),
    ),
    # The same trial: a key without its colon was reported on the next line.
    "yaml_missing_colon": (
        (
            10,
            12,
            "YAML syntax error: 'title' has no ':' after it, so YAML read this line"
            " and the next as one text; write 'title: Runner Status'",
        ),
    ),
    # A second trial: with a comment after it, or last before a line indented
    # less, the same mistake was still reported as libyaml saw it.
    "yaml_missing_colon_before_a_comment": (
        (
            10,
            12,
            "YAML syntax error: 'title' has no ':' after it, so YAML read this line"
            " as a text, not a key; write 'title: Runner Status'",
        ),
    ),
    "yaml_missing_colon_last_in_its_block": (
        (
            19,
            22,
            "YAML syntax error: 'description' has no ':' after it; write"
            " 'description: The server sent bad data.'",
        ),
    ),
    # A helper's trial: a '#' inside the text was cut off the hint, and a key
    # that opens a block, a list or a text was reported as indented wrongly
    # (which it is not) or as libyaml saw it.
    "yaml_missing_colon_before_a_hash_in_the_text": (
        (
            10,
            12,
            "YAML syntax error: 'title' has no ':' after it, so YAML read this line"
            """ as a text, not a key; write 'title: "Runner #1 Status"'""",
        ),
    ),
    "yaml_missing_colon_above_a_block": (
        (
            13,
            15,
            "YAML syntax error: 'statuses' has no ':' after it, so YAML did not"
            " read it as the key of what follows it; write 'statuses:'",
        ),
    ),
    "yaml_missing_colon_first_in_a_block": (
        (
            14,
            23,
            "YAML syntax error: 'RUNNER_SUCCESS' has no ':' after it, so YAML did"
            " not read it as the key of what follows it; write 'RUNNER_SUCCESS:'",
        ),
    ),
    "yaml_missing_colon_above_a_list": (
        (
            7,
            15,
            "YAML syntax error: 'legal_values' has no ':' after it, so YAML did not"
            " read it as the key of what follows it; write 'legal_values:'",
        ),
    ),
    "yaml_missing_colon_above_its_text": (
        (
            12,
            18,
            "YAML syntax error: 'description' has no ':' after it, so YAML did not"
            " read it as the key of what follows it; write 'description:'",
        ),
    ),
    "yaml_missing_colon_before_a_block_scalar": (
        (
            12,
            18,
            "YAML syntax error: 'description' has no ':' after it; write"
            " 'description: >-'",
        ),
    ),
    # A helper's trial: a quote left open in a list in brackets, or before a
    # line that holds quotes, was reported lines later as libyaml saw it; a
    # key without its colon after a sibling's block was not recognised.
    "yaml_unclosed_quote_in_a_list": (
        (
            7,
            27,
            "YAML syntax error: the value opened with ' here is not closed on its"
            " line, so YAML read on into the next lines (line 8 and after); end it"
            " with ' (a ' inside it is written 'it''s')",
        ),
    ),
    "yaml_unclosed_quote_before_a_quoted_value": (
        (
            25,
            22,
            "YAML syntax error: the value opened with ' here is not closed on its"
            " line, so YAML read on into the next lines (line 26 and after); end it"
            " with ' (a ' inside it is written 'it''s')",
        ),
    ),
    "yaml_missing_colon_after_a_sibling_s_block": (
        (
            17,
            28,
            "YAML syntax error: 'RUNNER_SERVER_ERROR' has no ':' after it, so YAML"
            " did not read it as the key of what follows it; write"
            " 'RUNNER_SERVER_ERROR:'",
        ),
    ),
    # -- issue 13: the right reason, at a dotted path ------------------------
    # Not an identifier: the format's name pattern says why, once (it was also
    # called "a Python keyword"); the condition on the old name is its own mistake.
    "extra_key_not_identifier": (
        (
            75,
            13,
            "the name 'original-reason' in events.objects.preference_study.events.enrollFailed.extra "
            "is not an extra key name exactly as Firefox records it: lowerCamelCase, or words "
            "joined by '_' (l10n_ids)",
        ),
        (81, 22, "condition names extra key 'reason', which this event does not have"),
    ),
    "extra_key_python_keyword": (
        (
            82,
            13,
            "extra key 'from' becomes the Python name 'from', which is a Python keyword; choose another name",
        ),
    ),
    "renamed_from_itself": (
        (
            15,
            25,
            "renamed_from 'RUNNER_SUCCESS' names the status itself; remove it, or give the old name",
        ),
    ),
    "renamed_from_still_there": (
        (
            82,
            29,
            "renamed_from 'reason' names an extra key that is still here; an extra key can only be "
            "renamed from a name that is gone",
        ),
    ),
    "list_item_wrong_type": (
        (
            7,
            36,
            # "7" quoted is no Uptake value either: the hint names what is.
            "uptake.legal_values[2] must be a string, not an integer; write an Uptake value in "
            "lower_snake_case",
        ),
        # The list without its broken item no longer holds the status's value.
        (
            18,
            18,
            "'server_error' is not a legal Uptake value (uptake.legal_values). If Normandy's "
            "data-collection document really gives this value, keep it and add 'firefox_value:' with what "
            "Firefox sends and a 'correction:' saying why",
        ),
    ),
    # -- issues 13 and 14: tags, integers, indentation, nesting ----------------
    "yaml_tag_int": (
        (55, 21, "YAML tags are not allowed in a spec (found '!!int')" + TAG),
    ),
    "yaml_tag_str": (
        (49, 11, "YAML tags are not allowed in a spec (found '!!str')" + TAG),
    ),
    "yaml_tag_float": (
        (56, 21, "YAML tags are not allowed in a spec (found '!!float')" + TAG),
    ),
    "yaml_tag_nonspecific": (
        (49, 11, "YAML tags are not allowed in a spec (found '!')" + TAG),
    ),
    "yaml_tag_on_key": (
        (54, 3, "YAML tags are not allowed in a spec (found '!!str')" + TAG),
    ),
    "int_hex_without_digits": ((55, 21, "'0x_' " + NO_DIGITS),),
    "int_binary_without_digits": ((55, 21, "'0b_' " + NO_DIGITS),),
    "int_octal_without_digits": ((55, 21, "'0o_' " + NO_DIGITS),),
    "int_sign_without_digits": ((55, 21, "'-_' " + NO_DIGITS),),
    "int_5000_digits": (
        (
            55,
            21,
            "the integer '8888888888888888888888888888888888888...' has 5,000 digits; "
            "no number in a spec needs more than 30",
        ),
    ),
    "indent_too_little": (
        (
            11,
            5,
            "YAML indentation error: this line is indented by 4 spaces, but the other keys "
            "of its block by 6 (line 12); indent it by 6 spaces",
        ),
    ),
    "indent_too_little_first_key": (
        (
            24,
            8,
            "YAML indentation error: this line is indented by 7 spaces, but the other keys "
            "of its block by 8 (line 25); indent it by 8 spaces",
        ),
    ),
    "indent_too_far_opener": (
        (
            9,
            6,
            "YAML indentation error: this line is indented by 5 spaces, but the other keys "
            "of its block by 4 (line 20); indent it by 4 spaces",
        ),
    ),
    "nested_just_too_deeply": ((82, 108, DEEP),),
    # Quoting 1.2 would give "1.2", which is no version either (a trial).
    "version_a_number": (
        (
            2,
            10,
            "version must be a string, not a number; write a version "
            "MAJOR.MINOR.PATCH such as 1.4.0",
        ),
    ),
    # A short text (a name, a title, a value) holds at most 200 characters.
    "title_too_long": (
        (
            71,
            18,
            "events.objects.preference_study.events.enrollFailed.title is '"
            + "T" * 57
            + "...', which has 201 characters; at most 200 are allowed here (only prose "
            "may be longer)",
        ),
    ),
    # Indented one level too little, yet valid YAML: the format names the mapping
    # the line most likely belongs to (a user trial got no hint for these).
    # Both typos of one condition at once: the value is checked against the key
    # the misspelt name most likely means (a user trial got them one run apart).
    "condition_key_and_value_misspelt": (
        REASN,
        (
            81,
            30,
            "'invalid-brnch' is not an allowed value of 'reason' (taking 'reasn' as 'reason'); "
            "did you mean 'invalid-branch'?",
        ),
    ),
    "indent_key_field_too_little": (
        (
            82,
            23,
            "events.objects.preference_study.events.enrollFailed.extra.truncate must be a "
            "mapping, not an integer; if it is a field of 'preferenceBranch' (line 79), "
            "indent it by 2 more spaces, to column 15",
        ),
    ),
    "indent_key_too_little": (
        (
            79,
            11,
            "unknown field 'preferenceBranch' in events.objects.preference_study.events."
            "enrollFailed (allowed: "
            + EVENT_FIELDS
            + "); if it is an entry of 'extra' "
            "(line 74), indent it by 2 more spaces, to column 13",
        ),
    ),
    # A field of another shape after extra: is no extra key, so no such advice.
    "unknown_field_after_extra": (
        (
            82,
            11,
            "unknown field 'zzqq' in events.objects.preference_study.events.enrollFailed"
            " (allowed: " + EVENT_FIELDS + ")",
        ),
    ),
    # Copied into the JSON Schema, where ECMA-262 engines refuse or misread them.
    "pattern_python_end_anchor": (
        (
            26,
            18,
            PORTABLE.format(r"^[0-9]+\Z")
            + r"'\Z' (character 8) is Python's alone; write $ at the end of the pattern",
        ),
    ),
    "pattern_named_group": (
        (
            26,
            18,
            PORTABLE.format("^(?P<id>[0-9]+)$")
            + "'(?P' (character 2) starts a named group, which Python and JavaScript "
            "write differently; write (...) or (?:...)",
        ),
    ),
    "pattern_atomic_group": (
        (
            26,
            18,
            PORTABLE.format("^(?>[0-9]+)$")
            + "'(?>' (character 2) starts an atomic group, which is Python's alone; write (?:...)",
        ),
    ),
    "pattern_possessive": (
        (
            26,
            18,
            PORTABLE.format("^[0-9]++$")
            + "'+' (character 8) makes the repetition before it possessive, which is "
            "Python's alone; remove it",
        ),
    ),
    "pattern_unicode_digits": (
        (
            26,
            18,
            PORTABLE.format(r"^\d+$")
            + r"'\d' (character 2) matches digits of every script in Python (١٢٣) but "
            "only 0-9 in JavaScript; write [0-9]",
        ),
    ),
    "nested_mappings_too_deeply": ((83, 399, DEEP),),
    # -- a user trial: an escape that no output can write ----------------------
    "lone_surrogate_escape": ((46, 16, SURROGATE.format("D800")),),
    "surrogate_pair_escape": ((46, 16, SURROGATE.format("D83D")),),
}


def _pattern(pattern: str) -> tuple[Patch]:
    """The recipe placeholder's pattern replaced by ``pattern`` (YAML, quoted)."""
    recipe = "\n      description: Reported once per recipe."
    return (
        Patch(
            "        pattern: '^[0-9]+$'" + recipe,
            f"        pattern: {pattern}" + recipe,
        ),
    )


# One mistake in minimal.yaml each (several_errors has three): exact edits, each
# matching the base once, so what is wrong is read off one line.
WHEN = "              when: {reason: [invalid-branch]}\n"
PATCHES: dict[str, tuple[Patch, ...]] = {
    # -- reading and parsing ------------------------------------------------
    "yaml_syntax": (
        Patch(
            find="        pattern: '^[0-9]+$'\n      description: Reported once per recipe.",
            replace="         pattern: '^[0-9]+$'\n      description: Reported once per recipe.",
        ),
    ),
    "two_documents": (Patch(find=WHEN, replace=WHEN + "---\nformat_version: 1\n"),),
    "duplicate_key": (
        Patch(
            find="      description: Reported once per recipe.\n",
            replace="      description: Reported once per recipe.\n"
            "      title: Recipe Status Again\n",
        ),
    ),
    "yaml_tag": (
        Patch(
            find="  description: Enrollment events.",
            replace="  description: !!python/object:os.system echo pwned",
        ),
    ),
    "yaml_tag_on_mapping": (
        Patch(
            find="enrollment_id:\n",
            replace="enrollment_id: !!python/object:os.system\n",
        ),
    ),
    "merge_key": (
        Patch(find="      placeholder:\n", replace="      placeholder: &recipe_id\n"),
        Patch(
            find="    key:\n"
            "      name: recipe id\n"
            "      description: The numeric ID of the recipe.\n"
            "      pattern: '^[0-9]+$'\n",
            replace="    key:\n      <<: *recipe_id\n",
        ),
    ),
    "non_string_key": (
        Patch(find="        RECIPE_SUCCESS:", replace="        [RECIPE_SUCCESS]:"),
    ),
    "date_value": (
        Patch(
            find="      description: Studies that change preferences.",
            replace="      description: 2019-06-01",
        ),
    ),
    "yaml_tab_indent": (
        Patch(find="      title: Runner Status\n", replace="\ttitle: Runner Status\n"),
    ),
    "yaml_unclosed_bracket": (
        Patch(
            find="  legal_values: [success, backoff, server_error]\n",
            replace="  legal_values: [success, backoff, server_error\n",
        ),
    ),
    "yaml_unclosed_quote": (
        Patch(
            find="      title: Runner Status\n", replace="      title: 'Runner Status\n"
        ),
    ),
    "yaml_unclosed_double_quote": (
        Patch(
            find="      description: Reported once per run.\n",
            replace='      description: "Reported once per run.\n',
        ),
    ),
    "allowed_value_fields_too_far_out": (
        Patch(
            find="                invalid-branch: The recipe names an invalid preference branch.\n",
            replace="                invalid-branch:\n"
            "                description: The recipe names an invalid preference branch.\n",
        ),
    ),
    "yaml_missing_colon": (
        Patch(
            find="      title: Runner Status\n", replace="      title Runner Status\n"
        ),
    ),
    "yaml_missing_colon_before_a_comment": (
        Patch(
            find="      title: Runner Status\n",
            replace="      title Runner Status  # shown in the docs: as is\n",
        ),
    ),
    "yaml_missing_colon_last_in_its_block": (
        Patch(
            find="          description: The server sent bad data.\n",
            replace="          description The server sent bad data.\n",
        ),
    ),
    "yaml_missing_colon_before_a_hash_in_the_text": (
        Patch(
            find="      title: Runner Status\n",
            replace="      title Runner #1 Status\n",
        ),
    ),
    "yaml_missing_colon_above_a_block": (
        Patch(
            find="      statuses:\n        RUNNER_SUCCESS:",
            replace="      statuses\n        RUNNER_SUCCESS:",
        ),
    ),
    "yaml_missing_colon_first_in_a_block": (
        Patch(find="        RUNNER_SUCCESS:\n", replace="        RUNNER_SUCCESS\n"),
    ),
    "yaml_missing_colon_above_a_list": (
        Patch(
            find="  legal_values: [success, backoff, server_error]\n",
            replace="  legal_values\n    - success\n    - backoff\n    - server_error\n",
        ),
    ),
    "yaml_missing_colon_above_its_text": (
        Patch(
            find="      description: Reported once per run.\n",
            replace="      description\n        Reported once per run.\n",
        ),
    ),
    "yaml_missing_colon_before_a_block_scalar": (
        Patch(
            find="      description: Reported once per run.\n",
            replace="      description >-\n        Reported once\n        per run.\n",
        ),
    ),
    "yaml_unclosed_quote_in_a_list": (
        Patch(
            find="  legal_values: [success, backoff, server_error]\n",
            replace="  legal_values: [success, 'backoff, server_error]\n",
        ),
    ),
    "yaml_unclosed_quote_before_a_quoted_value": (
        Patch(
            find="        description: The numeric ID of the recipe.\n",
            replace="        description: 'The numeric ID of the recipe.\n",
        ),
    ),
    "yaml_missing_colon_after_a_sibling_s_block": (
        Patch(
            find="        RUNNER_SERVER_ERROR:\n",
            replace="        RUNNER_SERVER_ERROR\n",
        ),
    ),
    # -- structure (spec_format) --------------------------------------------
    "unknown_field": (
        Patch(
            find="  filler: __NO_ENROLLMENT_ID__\n",
            replace="  filler: __NO_ENROLLMENT_ID__\n  owner: Normandy team\n",
        ),
    ),
    "unknown_field_typo": (
        Patch(
            find="      description: Reported once per run.",
            replace="      descripton: Reported once per run.",
        ),
    ),
    "missing_field": (Patch(find="      title: Runner Status\n", replace=""),),
    "missing_section": (
        Patch(
            find="scalars:\n"
            "  recipe_freshness:\n"
            "    name: normandy.recipe_freshness\n"
            "    kind: keyed_uint\n"
            "    description: How fresh each recipe is.\n"
            "    key:\n"
            "      name: recipe id\n"
            "      description: The numeric ID of the recipe.\n"
            "      pattern: '^[0-9]+$'\n"
            "    value: The recipe's last_modified date, in seconds since the epoch.\n"
            "    unit: second\n"
            "\n",
            replace="",
        ),
    ),
    "wrong_type": (
        Patch(find="  value_max_length: 80\n", replace="  value_max_length: eighty\n"),
    ),
    "allowed_value_longer_than_any_name": (
        Patch(
            find="                invalid-branch: The recipe",
            replace="                " + "x" * 313 + ": Too long.\n"
            "                invalid-branch: The recipe",
        ),
    ),
    "float_as_integer": (
        Patch(find="  value_max_length: 80\n", replace="  value_max_length: 1e3\n"),
    ),
    "wrong_type_list": (
        Patch(
            find="  legal_values: [success, backoff, server_error]\n",
            replace="  legal_values: success\n",
        ),
    ),
    "list_written_without_brackets": (
        Patch(
            find="  legal_values: [success, backoff, server_error]\n",
            replace="  legal_values: success, backoff, server_error\n",
        ),
    ),
    "list_of_numbers_written_without_brackets": (
        Patch(
            find="          description: Sent when the client enrolls.\n",
            replace="          description: Sent when the client enrolls.\n"
            "          metadata:\n"
            "            bugs: 1443560, 1617133\n",
        ),
    ),
    "list_of_one_yaml_would_misread": (
        Patch(
            find="  legal_values: [success, backoff, server_error]\n",
            replace='  legal_values: "network: offline"\n',
        ),
    ),
    "unquoted_bool_as_string": (
        Patch(
            find="              description: The enrollment ID.",
            replace="              description: true",
        ),
    ),
    "empty_string": (
        Patch(find="      title: Runner Status\n", replace="      title: ''\n"),
    ),
    "bad_choice": (
        Patch(find="    kind: keyed_uint\n", replace="    kind: keyed_unit\n"),
    ),
    "duplicate_list_item": (
        Patch(
            find="  legal_values: [success, backoff, server_error]\n",
            replace="  legal_values: [success, backoff, success, server_error]\n",
        ),
    ),
    "unsupported_format_version": (
        Patch(find="format_version: 1\n", replace="format_version: 2\n"),
    ),
    # -- Uptake rules (build) -----------------------------------------------
    "illegal_uptake_value": (
        Patch(
            find="          value: success\n          description: The run finished.",
            replace="          value: sucess\n          description: The run finished.",
        ),
    ),
    "firefox_value_without_correction": (
        Patch(
            find="          value: server_error\n",
            replace="          value: server_failure\n          firefox_value: server_error\n",
        ),
    ),
    "firefox_value_illegal": (
        Patch(
            find="          value: server_error\n",
            replace="          value: server_failure\n"
            "          firefox_value: server_eror\n"
            "          correction: Firefox sends server_error.\n",
        ),
    ),
    "duplicate_constant": (
        Patch(find="        RECIPE_SUCCESS:", replace="        RUNNER_SUCCESS:"),
    ),
    "placeholder_mismatch": (
        Patch(find="        name: recipe id\n", replace="        name: recipe ID\n"),
    ),
    "placeholder_missing": (
        Patch(
            find="      key: normandy/runner\n",
            replace="      key: normandy/runner/<runner id>\n",
        ),
    ),
    "placeholder_unused": (
        Patch(
            find="      key: normandy/recipe/<recipe id>\n",
            replace="      key: normandy/recipe\n",
        ),
    ),
    "placeholder_not_mapping": (
        Patch(
            find="      placeholder:\n"
            "        name: recipe id\n"
            "        description: The numeric ID of the recipe.\n"
            "        pattern: '^[0-9]+$'\n",
            replace="      placeholder: recipe id\n",
        ),
    ),
    "two_placeholders": (
        Patch(
            find="      key: normandy/recipe/<recipe id>\n",
            replace="      key: normandy/recipe/<recipe id>/<action name>\n",
        ),
    ),
    "invalid_regex": (
        Patch(
            find="        pattern: '^[0-9]+$'\n      description: Reported once per recipe.",
            replace="        pattern: '^[0-9+$'\n      description: Reported once per recipe.",
        ),
    ),
    # -- events (build) -----------------------------------------------------
    "python_keyword": (Patch(find="        enroll:\n", replace="        class:\n"),),
    "python_soft_keyword": (
        Patch(find="    preference_study:\n", replace="    match:\n"),
    ),
    "snake_case_collision": (
        Patch(
            find="              description: The enrollment ID.\n",
            replace="              description: The enrollment ID.\n"
            "            enrollmentID:\n"
            "              description: The enrollment ID again.\n",
        ),
    ),
    "sent_name_collision": (
        Patch(
            find="              description: The enrollment ID.\n",
            replace="              description: The enrollment ID.\n"
            "            enrollmentSlug:\n"
            "              description: The slug, sent under the ID's name.\n"
            "              legacy_name: enrollmentId\n",
        ),
    ),
    "condition_unknown_key": (
        Patch(find=WHEN, replace="              when: {reasn: [invalid-branch]}\n"),
    ),
    "condition_unknown_value": (
        Patch(find=WHEN, replace="              when: {reason: [invalid-brnch]}\n"),
    ),
    "condition_value_not_close": (
        Patch(find=WHEN, replace="              when: {reason: [invalid-type]}\n"),
    ),
    "condition_on_itself": (
        Patch(
            find=WHEN,
            replace="              when: {preferenceBranch: [invalid-branch]}\n",
        ),
    ),
    "condition_without_allowed": (
        Patch(
            find="              allowed:\n"
            "                invalid-branch: The recipe names an invalid preference branch.\n",
            replace="              examples: [invalid-branch]\n",
        ),
    ),
    "truncate_too_long": (
        Patch(find=WHEN, replace=WHEN + "              truncate: 100\n"),
    ),
    "allowed_value_too_long": (
        Patch(
            find="              description: Why the enrollment failed.\n",
            replace="              description: Why the enrollment failed.\n"
            "              max_length: 10\n",
        ),
    ),
    # -- three mistakes at once ---------------------------------------------
    "several_errors": (
        Patch(
            find="          value: success\n          description: The run finished.",
            replace="          value: sucess\n          description: The run finished.",
        ),
        Patch(find="  value_max_length: 80\n", replace="  value_max_length: eighty\n"),
        Patch(find=WHEN, replace="              when: {reasn: [invalid-branch]}\n"),
    ),
    # A user trial: a mistake found while reading (an integer without digits)
    # hid the field-name typos until the next run; all three are reported at
    # once (the model's cross-checks wait until the spec reads cleanly).
    "refused_key_beside_a_typo": (
        Patch(
            "      title: Runner Status\n", "      titel: Runner Status\n      1: x\n"
        ),
    ),
    "refused_integer_beside_a_limit": (
        Patch(
            "              description: The preference branch the recipe named.\n",
            "              description: The preference branch the recipe named.\n"
            "              max_length: 0x_\n"
            "              truncate: 100\n",
        ),
    ),
    "tag_on_the_root_beside_a_missing_field": (
        Patch(
            "format_version: 1\ntitle: Minimal telemetry\n",
            "!!map\ntitle: Minimal telemetry\n",
        ),
    ),
    "reading_and_other_errors": (
        Patch(
            find="      description: Reported once per run.",
            replace="      descripton: Reported once per run.",
        ),
        Patch(
            find="  filler: __NO_ENROLLMENT_ID__\n",
            replace="  filler: __NO_ENROLLMENT_ID__\n  owner: Normandy team\n",
        ),
        Patch(find="  value_max_length: 80\n", replace="  value_max_length: 0x_\n"),
    ),
    # -- found in review: patterns embedded in larger regexes, keys, names the package uses
    "pattern_inline_flags": (
        Patch(
            find="        pattern: '^[0-9]+$'\n      description: Reported once per recipe.",
            replace="        pattern: '(?i)[0-9]+'\n      description: Reported once per recipe.",
        ),
    ),
    "pattern_inner_anchor": (
        Patch(
            find="        pattern: '^[0-9]+$'\n      description: Reported once per recipe.",
            replace="        pattern: '^[0-9]+$|^x[0-9]+$'\n      description: Reported once per recipe.",
        ),
    ),
    "key_after_placeholder": (
        Patch(
            find="key: normandy/recipe/<recipe id>",
            replace="key: normandy/recipe/<recipe id>/run",
        ),
    ),
    "scalar_named_event": (Patch(find="  recipe_freshness:\n", replace="  event:\n"),),
    # -- fixed defects, formerly strict xfails ------------------------------
    "condition_and_optional": (
        Patch(find=WHEN, replace=WHEN + "              optional: true\n"),
    ),
    "invalid_identifier": (
        Patch(find="        RUNNER_SUCCESS:", replace="        RUNNER-SUCCESS:"),
    ),
    "method_collision": (
        Patch(find="        enroll:\n", replace="        enrollFAILED:\n"),
    ),
    "newline_in_title": (
        Patch(
            find="      title: Runner Status\n",
            replace='      title: "Runner Status\\nimport os"\n',
        ),
    ),
    "nul_in_description": (
        Patch(
            find="  description: Enrollment events.",
            replace='  description: "Enrollment\\0 events."',
        ),
    ),
    "null_value": (Patch(find="  format: uuid\n", replace="  format:\n"),),
    "scalar_shadows_constant": (
        Patch(find="  recipe_freshness:\n", replace="  category:\n"),
    ),
    "source_enum_collision": (Patch(find="    recipe:\n", replace="    runner_:\n"),),
    "status_shadows_constant": (
        Patch(find="        RECIPE_SUCCESS:", replace="        SOURCES:"),
    ),
    "unquoted_bool_as_allowed_key": (
        Patch(
            find="                invalid-branch: The recipe names an invalid preference branch.\n",
            replace="                invalid-branch: The recipe names an invalid preference branch.\n"
            "                true: The preference was reset.\n",
        ),
    ),
    "unquoted_number": (
        Patch(
            find="          description: The recipe ran.",
            replace="          description: 42",
        ),
    ),
    # -- issue 13: the right reason, at a dotted path ------------------------
    "extra_key_not_identifier": (
        Patch(find="            reason:\n", replace="            original-reason:\n"),
    ),
    "extra_key_python_keyword": (
        Patch(
            find="              when: {reason: [invalid-branch]}\n",
            replace="              when: {reason: [invalid-branch]}\n"
            "            from:\n"
            "              description: Where the enrollment came from.\n"
            "              optional: true\n",
        ),
    ),
    "renamed_from_itself": (
        Patch(
            find="        RUNNER_SUCCESS:\n",
            replace="        RUNNER_SUCCESS:\n          renamed_from: RUNNER_SUCCESS\n",
        ),
    ),
    "renamed_from_still_there": (
        Patch(find=WHEN, replace=WHEN + "              renamed_from: reason\n"),
    ),
    "list_item_wrong_type": (
        Patch(
            find="  legal_values: [success, backoff, server_error]\n",
            replace="  legal_values: [success, backoff, 7]\n",
        ),
    ),
    # -- issues 13 and 14: tags, integers, indentation -------------------------
    "yaml_tag_int": (
        Patch("  value_max_length: 80\n", "  value_max_length: !!int never\n"),
    ),
    "yaml_tag_str": (Patch("  format: uuid\n", "  format: !!str uuid\n"),),
    "yaml_tag_float": (
        Patch("  extra_max_length: 80\n", "  extra_max_length: !!float 80\n"),
    ),
    "yaml_tag_nonspecific": (Patch("  format: uuid\n", "  format: ! uuid\n"),),
    "yaml_tag_on_key": (
        Patch(
            "  description: Enrollment events.",
            "  !!str description: Enrollment events.",
        ),
    ),
    "lone_surrogate_escape": (
        Patch(
            "  description: An ID generated for each enrollment.\n",
            '  description: "An ID \\uD800 generated for each enrollment."\n',
        ),
    ),
    "surrogate_pair_escape": (
        Patch(
            "  description: An ID generated for each enrollment.\n",
            '  description: "An ID \\uD83D\\uDE00 generated for each enrollment."\n',
        ),
    ),
    "int_hex_without_digits": (
        Patch("  value_max_length: 80\n", "  value_max_length: 0x_\n"),
    ),
    "int_binary_without_digits": (
        Patch("  value_max_length: 80\n", "  value_max_length: 0b_\n"),
    ),
    "int_octal_without_digits": (
        Patch("  value_max_length: 80\n", "  value_max_length: 0o_\n"),
    ),
    "int_sign_without_digits": (
        Patch("  value_max_length: 80\n", "  value_max_length: -_\n"),
    ),
    "int_5000_digits": (
        Patch("  value_max_length: 80\n", "  value_max_length: " + "8" * 5000 + "\n"),
    ),
    # Too little: libyaml reported it a line later, as "mapping values are not allowed".
    "indent_too_little": (
        Patch("      key: normandy/runner\n", "    key: normandy/runner\n"),
    ),
    # Too little on a block's first key: libyaml reported the next line.
    "indent_too_little_first_key": (
        Patch(
            "        name: recipe id\n        description: The numeric ID of the recipe.\n",
            "       name: recipe id\n        description: The numeric ID of the recipe.\n",
        ),
    ),
    # Too far on a key that opens a block: libyaml reported line 20.
    "indent_too_far_opener": (Patch("    runner:\n", "     runner:\n"),),
    "truncate_over_own_max_length": (
        Patch(
            WHEN, WHEN + "              max_length: 40\n              truncate: 50\n"
        ),
    ),
    "version_a_number": (
        Patch("format_version: 1\n", "format_version: 1\nversion: 1.2\n"),
    ),
    "title_too_long": (
        Patch(
            "          title: Enrollment Failed\n",
            "          title: " + "T" * 201 + "\n",
        ),
    ),
    "condition_key_and_value_misspelt": (
        Patch(WHEN, "              when: {reasn: [invalid-brnch]}\n"),
    ),
    "indent_key_field_too_little": (Patch(WHEN, WHEN + "            truncate: 80\n"),),
    "unknown_field_after_extra": (Patch(WHEN, WHEN + "          zzqq: 1\n"),),
    "indent_key_too_little": (
        Patch(
            "            preferenceBranch:\n"
            "              description: The preference branch the recipe named.\n"
            + WHEN,
            "          preferenceBranch:\n"
            "            description: The preference branch the recipe named.\n"
            + WHEN[2:],
        ),
    ),
    "pattern_python_end_anchor": _pattern("^[0-9]+\\Z"),
    "pattern_named_group": _pattern("^(?P<id>[0-9]+)$"),
    "pattern_atomic_group": _pattern("^(?>[0-9]+)$"),
    "pattern_possessive": _pattern("^[0-9]++$"),
    "pattern_unicode_digits": _pattern("^\\d+$"),
}


def _minimal_bytes() -> bytes:
    return MINIMAL.read_bytes()


def _replace(old: bytes, new: bytes) -> bytes:
    data = _minimal_bytes()
    assert data.count(old) == 1
    return data.replace(old, new)


def _alias_bomb() -> bytes:
    """Eight levels of ten aliases each: 10**8 nodes once expanded."""
    lines = ["", "lol:", "  a: &a [" + ", ".join(["lol"] * 10) + "]"]
    for previous, name in zip("abcdefg", "bcdefgh"):
        lines.append(f"  {name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    return _minimal_bytes() + "\n".join(lines).encode() + b"\n"


def _alias_text_bomb() -> bytes:
    """One 1 MB string, anchored, then used 40 times."""
    lines = [
        "",
        "big: &big " + "x" * 1024 * 1024,
        "uses: [" + ", ".join(["*big"] * 40) + "]",
    ]
    return _minimal_bytes() + "\n".join(lines).encode() + b"\n"


def _nested(depth: int) -> bytes:
    """``nested:`` holding ``depth`` lists, each inside the one before."""
    return _minimal_bytes() + b"nested: " + b"[" * depth + b"]" * depth + b"\n"


def _nested_mappings(depth: int) -> bytes:
    """``nested:`` holding ``depth`` flow mappings, on a line of their own."""
    return (
        _minimal_bytes()
        + b"nested:\n  "
        + b"{a: " * depth
        + b"b"
        + b"}" * depth
        + b"\n"
    )


# Cases that are not an edit of minimal.yaml: whole texts, raw bytes, large inputs.
BUILT: dict[str, Callable[[], bytes]] = {
    "empty_spec": lambda: b"",
    "comments_only": lambda: b"# format_version: 1\n# the rest is still to be written\n",
    "top_level_list": lambda: b"- format_version: 1\n",
    "only_a_document_start": lambda: b"---\n",
    "not_utf8": lambda: _replace(
        b"  description: Enrollment events.", b"  description: Caf\xe9 events."
    ),
    "control_char": lambda: _replace(
        b"  description: Enrollment events.", b"  description: Enrollment\x07 events."
    ),
    # A maintainer's trial: libyaml counts bytes, so every curly quote before
    # the character moved the place it was reported at, here by a line.
    "control_char_after_curly_quotes": lambda: _replace(
        b"  description: Enrollment events.",
        b"  # "
        + "\u201c\u201d".encode() * 20
        + "\n  description: \u201cEnrollment\u201d\x07 events.".encode(),
    ),
    "alias_bomb": _alias_bomb,
    "alias_text_bomb": _alias_text_bomb,
    "nested_too_deeply": lambda: _minimal_bytes()
    + b"nested: "
    + b"[" * 2_000
    + b"]" * 2_000
    + b"\n",
    "deep_nesting_crash": lambda: _minimal_bytes()
    + b"nested: "
    + b"[" * 100_000
    + b"]" * 100_000
    + b"\n",
    "nested_just_too_deeply": lambda: _nested(100),
    "nested_mappings_too_deeply": lambda: _nested_mappings(1_000_000),
}


def spec_bytes(kind: str) -> bytes:
    if kind in PATCHES:
        return patched(MINIMAL.read_text("utf-8"), *PATCHES[kind]).encode("utf-8")
    return BUILT[kind]()


@dataclass(frozen=True)
class Problem:
    line: int
    column: int
    message: str


@dataclass(frozen=True)
class Run:
    result: Result
    before: dict[str, bytes]
    after: dict[str, bytes]


@pytest.fixture(scope="session")
def minimal_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output directory holding a successful generate from minimal.yaml."""
    out = tmp_path_factory.mktemp("minimal") / "out"
    result = cli("generate", "--spec", str(MINIMAL), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def run_case(
    tmp_path_factory: pytest.TempPathFactory, minimal_out: Path
) -> Callable[..., Run]:
    """Run the CLI in-process once per (kind, command) on a fresh copy of ``minimal_out``."""
    cache: dict[tuple[str, str], Run] = {}

    def run(kind: str, command: str = "generate") -> Run:
        if (kind, command) not in cache:
            work = tmp_path_factory.mktemp(kind)
            write_spec(work, f"errors/{kind}.yaml", spec_bytes(kind))
            out = work / "out"
            shutil.copytree(minimal_out, out)
            before = snapshot(out)
            result = cli(
                command, "--spec", f"errors/{kind}.yaml", "--out", str(out), cwd=work
            )
            cache[(kind, command)] = Run(result, before, snapshot(out))
        return cache[(kind, command)]

    return run


def rendered(kind: str, line: int, column: int, message: str) -> str:
    return f"errors/{kind}.yaml:{line}:{column}: {message}"


def problems_in(stderr: str, kind: str) -> list[Problem]:
    pattern = re.compile(rf"errors/{re.escape(kind)}\.yaml:(\d+):(\d+): (.*)")
    found = []
    for text in stderr.splitlines():
        match = pattern.fullmatch(text)
        if match:
            found.append(Problem(int(match[1]), int(match[2]), match[3]))
    return found


def count_line(kind: str, count: int) -> str:
    return f"{count} problem{'s' if count != 1 else ''} in errors/{kind}.yaml"


def test_minimal_spec_is_valid_and_checks_clean(minimal_out: Path) -> None:
    assert {
        "MANIFEST.json",
        "normandy_telemetry/__init__.py",
        "normandy_telemetry/catalog.json",
        "normandy_telemetry/uptake.py",
    } <= set(snapshot(minimal_out))
    result = cli("check", "--spec", str(MINIMAL), "--out", str(minimal_out))
    assert result.returncode == 0, result.stderr


def test_every_case_has_expectations() -> None:
    assert not set(PATCHES) & set(BUILT)
    assert set(PATCHES) | set(BUILT) == set(EXPECTED)


# Each case runs in milliseconds: nesting is refused at its first level too many.
SLOW: set[str] = set()
KINDS = [
    pytest.param(kind, marks=pytest.mark.slow) if kind in SLOW else kind
    for kind in sorted(EXPECTED)
]


@pytest.mark.parametrize("kind", KINDS)
def test_broken_spec_is_reported(kind: str, run_case: Callable[..., Run]) -> None:
    run = run_case(kind)
    assert "Traceback" not in run.result.stderr
    assert run.result.returncode == 1, run.result.stdout + run.result.stderr
    assert run.result.stdout == ""
    lines = run.result.stderr.splitlines()
    for expected in EXPECTED[kind]:
        assert rendered(kind, *expected) in lines, run.result.stderr
    assert run.after == run.before, "a failed generate changed the output directory"


@pytest.mark.parametrize("kind", KINDS)
def test_nothing_else_is_reported(kind: str, run_case: Callable[..., Run]) -> None:
    """Exactly the pinned problems, in file order, and a count line that says how many."""
    stderr = run_case(kind).result.stderr
    wanted = [Problem(*expected) for expected in EXPECTED[kind]]
    assert problems_in(stderr, kind) == wanted
    assert stderr.splitlines()[-1] == count_line(kind, len(wanted))
    assert len(stderr.splitlines()) == len(wanted) + 1


def test_several_errors_are_all_reported_in_file_order(
    run_case: Callable[..., Run],
) -> None:
    stderr = run_case("several_errors").result.stderr
    found = problems_in(stderr, "several_errors")
    assert [(p.line, p.column) for p in found] == [(15, 18), (55, 21), (81, 22)]
    assert found == sorted(found, key=lambda p: (p.line, p.column))
    assert "3 problems in errors/several_errors.yaml" in stderr.splitlines()


@pytest.mark.parametrize(
    ("kind", "place"),
    [
        ("wrong_type_list", ("uptake", "legal_values")),
        ("list_written_without_brackets", ("uptake", "legal_values")),
        (
            "list_of_numbers_written_without_brackets",
            ("events", "objects", "preference_study", "events", "enroll")
            + ("metadata", "bugs"),
        ),
    ],
)
def test_the_list_hint_written_in_reads_as_the_list_it_names(
    kind: str, place: tuple[str, ...], run_case: Callable[..., Run]
) -> None:
    """The hint is YAML to paste: the bracketed text it gives, read back,
    is the list it says (a maintainer's trial pasted [a: b], which is not;
    another's was told to quote bug numbers into one string)."""
    (problem,) = [
        p
        for p in problems_in(run_case(kind).result.stderr, kind)
        if "written in brackets" in p.message
    ]
    written = problem.message.split("written in brackets: ", 1)[1]
    value: Any = yaml.safe_load(spec_bytes(kind))
    for name in place:
        value = value[name]
    assert yaml.safe_load(written) == yaml.safe_load(f"[{value}]")
    assert len(yaml.safe_load(written)) == len(str(value).split(","))


def test_check_refuses_a_broken_spec(run_case: Callable[..., Run]) -> None:
    run = run_case("several_errors", "check")
    assert run.result.returncode == 1
    assert "Traceback" not in run.result.stderr
    assert run.result.stdout == ""
    lines = run.result.stderr.splitlines()
    for expected in EXPECTED["several_errors"]:
        assert rendered("several_errors", *expected) in lines
    assert lines[-1] == count_line("several_errors", 3)
    assert run.after == run.before


def test_a_broken_spec_through_a_real_interpreter(
    tmp_path: Path, run_case: Callable[..., Run]
) -> None:
    """The smoke test of this tier: ``python -m codegen`` in its own process exits 1
    with exactly what the in-process run printed, and no traceback."""
    write_spec(tmp_path, "errors/several_errors.yaml", spec_bytes("several_errors"))
    result = run_codegen(
        "generate",
        "--spec",
        "errors/several_errors.yaml",
        "--out",
        str(tmp_path / "out"),
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (result.stdout, result.stderr) == (
        "",
        run_case("several_errors").result.stderr,
    )
    assert not (tmp_path / "out").exists()


def test_a_short_text_of_200_characters_is_accepted(tmp_path: Path) -> None:
    """The limit the ``title_too_long`` case pins is 200, not less."""
    spec = write_spec(
        tmp_path,
        "long_title.yaml",
        patched(
            MINIMAL.read_text("utf-8"),
            Patch(
                "          title: Enrollment Failed\n",
                "          title: " + "T" * 200 + "\n",
            ),
        ),
    )
    result = cli("generate", "--spec", str(spec), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
