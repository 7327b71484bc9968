"""The finders of syntax mistakes libyaml reports lines later leave alone
what is not that mistake (``tests/cli/test_spec_errors.py`` pins what they
say of the mistakes themselves)."""

from __future__ import annotations

from codegen.syntax_hints import bare_key, missing_colon, unclosed_quote, unfinished_key

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


def test_a_hash_right_before_a_word_is_text_and_the_value_is_quoted() -> None:
    hint = unfinished_key(["  title Runner #1 Status"], 0)
    assert hint is not None and hint.message.endswith(
        """write 'title: "Runner #1 Status"'"""
    )
    hint = unfinished_key(['  title Say "hi" #2'], 0)
    assert hint is not None and hint.message.endswith(
        """write 'title: "Say \\"hi\\" #2"'"""
    )


def test_a_bare_key_is_found_only_where_a_key_was_expected_above_its_own_lines() -> (
    None
):
    block = ["a:", "  title: x", "  statuses", "    ONE: 1"]
    hint = bare_key(block, 0, 3)
    assert hint is not None and (hint.line, hint.column) == (2, 10)
    assert hint.message.endswith("write 'statuses:'")
    listed = ["a: 1", "legal_values", "# a comment", "", "- one"]
    hint = bare_key(listed, 0, 4)
    assert hint is not None and hint.message.endswith("write 'legal_values:'")
    scalar = ["a: 1", "description >-", "  Some text."]
    hint = bare_key(scalar, 0, 2)
    assert hint is not None and hint.message.endswith("write 'description: >-'")
    first = ["statuses:", "  ONE", "    value: 1", "  TWO:", "    value: 2"]
    hint = bare_key(first, 0, 2)
    assert hint is not None and hint.message.endswith("write 'ONE:'")
    # Not a key's place: a plain text wrapped over lines, under its key.
    assert bare_key(["title:", "  Some", "    text"], 0, 2) is None
    # Nothing of its own below it: the last line, or a sibling after it.
    assert bare_key(["a: 1", "statuses"], 0, 1) is None
    assert bare_key(["a: 1", "statuses", "b: 2"], 0, 2) is None
    # Outside the window it is given.
    assert bare_key(block, 3, 3) is None


def test_a_list_in_brackets_opens_a_quote_only_where_an_item_does_not_close() -> None:
    after = ["next: [a]"]
    for closed in (
        "examples: ['a', \"b\", c]",
        "examples: ['it''s', \"say \\\"hi\\\"\"]",
        "examples: [a, b]  # it's a comment",
        "examples: [a, b's]",  # a quote inside a plain item opens nothing
    ):
        assert unclosed_quote([closed, *after], 0, 1) is None, closed
    hint = unclosed_quote(["examples: [a, 'b, c]", *after], 0, 1)
    assert hint is not None and (hint.line, hint.column) == (0, 14)
    hint = unclosed_quote(['examples: ["a\\", b]', *after], 0, 1)
    assert hint is not None and (hint.line, hint.column) == (0, 11)


def test_a_key_before_the_closing_quote_is_swallowed() -> None:
    lines = ["description: 'open", "pattern: '^x$'"]
    hint = unclosed_quote(lines, 0, 1)
    assert hint is not None and hint.line == 0
    # The quote closes before anything that looks like a key: a value over lines.
    assert unclosed_quote(["description: 'open", "  over two lines'"], 0, 1) is None
