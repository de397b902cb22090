"""Every line of the reading corpora (``tests/data/reading/``): claims, places, articles.

Lines launchcal reads wrongly today are listed in ``*_MISSES`` with the reason and run as
strict xfails: when one starts passing, the test says so and the list must shrink.
"""

from __future__ import annotations

import pytest
from reading_cases import (
    ArticleCase,
    ClaimCase,
    PlaceCase,
    article_cases,
    article_outcome,
    claim_cases,
    claim_outcome,
    place_cases,
    place_outcome,
)

CLAIMS = claim_cases()
PLACES = place_cases()
ARTICLES = article_cases()

#: Claims read wrongly today, and why.
CLAIM_MISSES = {
    "20 h 00 (heure de Mexico)": "French 'Mexico' is the city; read as the country (many zones)",
}
#: Place strings read wrongly today, and why.
PLACE_MISSES = {
    "Manchester": "Manchester, NH is a fifth of Manchester, UK: under the 10x rule",
    "Barcelona": "Barcelona, Venezuela has a quarter of the people",
    "Florence": "two US Florences together are under the 10x rule",
    "Geneva": "Geneva, Illinois has more than a tenth of its people",
    "Colombo": "Colombo, Paraná is a big suburb",
    "Hobart": "Hobart, Indiana",
    "Wellington": "Wellington, Florida and South Africa",
    "Argentina": "its zones differed in 2008-09, inside the 2000-2038 window",
    "New York State": "state names are not indexed where a city bears them",
    "HST": "Adak uses HST in winter too",
    "Coordinated Universal Time": "CLDR has no metazone for UTC",
}


def _mark(value: object, misses: dict[str, str], key: str) -> object:
    if key in misses:
        return pytest.param(value, marks=pytest.mark.xfail(reason=misses[key], strict=True))
    return value


def test_the_corpora_are_big_enough() -> None:
    assert len(CLAIMS) >= 400
    assert len(PLACES) >= 400
    assert len(ARTICLES) >= 30
    languages = {"Uhr", "à", "a las", "às", "点", "時"}
    assert all(any(word in c.text for c in CLAIMS) for word in languages)


@pytest.mark.parametrize(
    "case",
    [_mark(c, CLAIM_MISSES, c.text) for c in CLAIMS],
    ids=[c.text[:60] for c in CLAIMS],
)
def test_claim(case: ClaimCase) -> None:
    assert claim_outcome(case) == case.readings


@pytest.mark.parametrize(
    "case",
    [_mark(c, PLACE_MISSES, c.query) for c in PLACES],
    ids=[c.query for c in PLACES],
)
def test_place(case: PlaceCase) -> None:
    good, silent, said = place_outcome(case)
    assert not silent, f"silent wrong pick: {said}"
    assert good, said


@pytest.mark.parametrize("case", ARTICLES, ids=[a.id for a in ARTICLES])
def test_article(case: ArticleCase) -> None:
    good, said = article_outcome(case)
    assert good, said
