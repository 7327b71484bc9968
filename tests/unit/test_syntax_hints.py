"""The finders of syntax mistakes libyaml reports lines later leave alone
what is not that mistake (``tests/cli/test_spec_errors.py`` pins what they
say of the mistakes themselves)."""

from __future__ import annotations

from codegen.syntax_hints import missing_colon, unclosed_quote, unfinished_key

SPEC = """\
title: "A title that goes on
  over a second line, as YAML allows"
description: 'it''s closed'
events:
  category: normandy
""".splitlines()


def test_a_quoted_value_over_two_lines_that_swallows_no_key_is_no_mistake() -> None:
    assert unclosed_quote(SPEC, 0, len(SPEC) - 1) is None


def test_a_doubled_quote_does_not_close_a_value() -> None:
    lines = ["title: 'it''s open", "description: text"]
    hint = unclosed_quote(lines, 0, 1)
    assert hint is not None and (hint.line, hint.column) == (0, 7)


def test_a_key_line_with_its_colon_is_no_missing_colon() -> None:
    assert missing_colon(["  title: Pause", "  value: x"], 1) is None
    assert missing_colon(["  - a list item", "  value: x"], 1) is None
    # Deeper than the key after it: a wrapped text, not a key.
    assert missing_colon(["    some wrapped text", "  value: x"], 1) is None
    hint = missing_colon(["  title Pause", "", "  # note", "  value: x"], 3)
    assert hint is not None and hint.line == 0


def test_a_key_libyaml_began_is_no_missing_colon_unless_it_reads_as_key_and_value() -> (
    None
):
    assert unfinished_key(["  - a list item"], 0) is None
    assert unfinished_key(["  title: Pause"], 0) is None
    assert unfinished_key(["  title Pause: now"], 0) is None
    assert unfinished_key(["  title Pause"], 3) is None  # no such line
    hint = unfinished_key(["  title Pause  # a note: kept out"], 0)
    assert hint is not None and hint.message.endswith("write 'title: Pause'")
