"""The text layer: every message in every locale, with the same placeholders; the .mo build."""

from __future__ import annotations

import gettext
import io

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from styrmodell import PlanError
from styrmodell._errors import Problem
from styrmodell._messages import (
    CATALOG_DIR,
    REFERENCE_LOCALE,
    available_locales,
    catalog_ids,
    failure,
    has_text,
    ntext,
    placeholders,
    problem,
    problem_text,
    text,
)

LOCALES = available_locales()


def test_swedish_and_english_are_there() -> None:
    assert {"sv", "en"} <= set(LOCALES)


@pytest.mark.parametrize("locale", [loc for loc in LOCALES if loc != REFERENCE_LOCALE])
def test_every_message_exists_in_every_locale_with_the_same_placeholders(locale: str) -> None:
    reference = catalog_ids(REFERENCE_LOCALE)
    ids = catalog_ids(locale)
    assert sorted(reference - ids) == [], f"missing in {locale}"
    assert sorted(ids - reference) == [], f"only in {locale}"
    for code in sorted(reference):
        assert placeholders(code, locale) == placeholders(code, REFERENCE_LOCALE), code


@pytest.mark.parametrize("locale", LOCALES)
def test_every_area_file_exists_in_every_locale(locale: str) -> None:
    areas = {p.name for p in (CATALOG_DIR / REFERENCE_LOCALE / "LC_MESSAGES").glob("*.po")}
    assert {p.name for p in (CATALOG_DIR / locale / "LC_MESSAGES").glob("*.po")} == areas


@pytest.mark.parametrize("locale", LOCALES)
def test_every_po_file_compiles_to_the_same_messages(locale: str) -> None:
    # What the wheel's build hook does: compile, then read back with the standard library.
    for po in (CATALOG_DIR / locale / "LC_MESSAGES").glob("*.po"):
        with po.open("rb") as fp:
            catalog = read_po(fp, abort_invalid=True)
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        buffer.seek(0)
        compiled = gettext.GNUTranslations(buffer)
        for message in catalog:
            if not message.id:
                continue
            if isinstance(message.id, tuple):
                assert compiled.ngettext(message.id[0], message.id[1], 1) == message.string[0]
            else:
                assert compiled.gettext(message.id) == message.string
            assert not message.fuzzy, message.id


def test_a_locale_is_resolved_by_territory_then_language_then_english() -> None:
    assert text("status.green", "sv_SE") == text("status.green", "sv") == "Grönt"
    assert text("status.green", "en_GB") == "Green"
    # A locale without a catalog gets English words (its numbers stay its own).
    assert text("status.green", "de") == "Green"


def test_plurals_follow_the_catalog() -> None:
    assert ntext("count.problems", 1, "en") == "1 problem"
    assert ntext("count.problems", 2, "en") == "2 problems"
    assert ntext("count.problems", 2, "sv") == "2 problem"


def test_an_unknown_code_is_a_bug_said_plainly() -> None:
    assert not has_text("no.such.code")
    with pytest.raises(Exception, match=r"no message 'no\.such\.code'"):
        text("no.such.code")


def test_problems_keep_code_value_and_params_and_word_themselves_per_locale() -> None:
    found = problem("field.expected_text", "Goal.title", value=3)
    assert found == Problem("Goal.title", "expected text, got 3", code="field.expected_text")
    assert found.value == 3
    assert problem_text(found, "en") == "Goal.title: expected text, got 3"
    assert problem_text(found, "sv") == "Goal.title: förväntade text, fick 3"
    error = failure(PlanError, "field.expected_text", "Goal.title", value=3)
    assert error.problems == (found,)
    assert str(error) == "Goal.title: expected text, got 3"


def test_a_problem_without_a_code_is_shown_as_it_is() -> None:
    assert problem_text(Problem("x", "as written"), "sv") == "x: as written"
