"""Issue 12's "done when", through the command line: claims, articles and places as written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from launchcal.cli import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = str(ROOT / "examples" / "xiaomi-12s.toml")
#: The real article the project was made for (kept beside the worktrees, not in the repo).
SHARED_ARTICLE = ROOT.parent / "shared" / "articles" / "xiaomi-12s-androidkenya.txt"


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin, prog_name="launchcal")
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.skipif(not SHARED_ARTICLE.exists(), reason=f"{SHARED_ARTICLE} is not here")
def test_the_real_article_is_wrong_and_names_14_00() -> None:
    code, out, _ = run("check", "--article", str(SHARED_ARTICLE))
    assert code == 1
    assert out.splitlines()[0].startswith("event: Mon 4 Jul 2022 19:00 Asia/Shanghai")
    assert "'around 3am in Nairobi': wrong: it starts at 14:00 in Nairobi" in out


def test_an_article_from_stdin_with_spans() -> None:
    text = (ROOT / "examples" / "article.md").read_text(encoding="utf-8")
    code, out, _ = run("check", "--article", "-", "--json", stdin=text)
    assert code == 1
    data = json.loads(out)
    assert data["event"]["start"] == "2022-07-04T19:00:00+08:00"
    wrong = [f for f in data["findings"] if not f["right"]]
    assert [f["claim"] for f in wrong] == ["around 3am in Nairobi"]
    start, end = wrong[0]["span"]
    assert text[start:end] == "around 3am in Nairobi"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("It is scheduled to start at 1900h in China.", "no date"),
        ("The launch is on the 4th of July.", "no event"),
        ("The launch is set for 3 March at 9am in Stockholm.", "no year"),
    ],
)
def test_an_article_without_an_event_exits_2(text: str, message: str) -> None:
    code, _, err = run("check", "--article", "-", stdin=text)
    assert code == 2
    assert err.startswith(f"Error: {message}")


@pytest.mark.parametrize(
    ("claim", "code", "line"),
    [
        ("7:00 AM ET", 0, "right: it starts at 07:00 in Eastern Time, same day"),
        ("4am PT", 0, "right: it starts at 04:00 in Pacific Time, same day"),
        (
            "2pm on Tuesday in Nairobi",
            1,
            "wrong: 14:00 is right, but it is Mon 4 Jul 2022 in Nairobi, not Tuesday",
        ),
        (
            "2 pm in Springfield, MO",
            1,
            "wrong: it starts at 06:00 in Springfield, same day, not 14:00",
        ),
    ],
)
def test_done_when_claims(claim: str, code: int, line: str) -> None:
    assert run("check", EXAMPLE, "--claim", claim)[:2] == (code, line + "\n")


def test_two_claims_in_one_sentence_are_each_checked() -> None:
    code, out, _ = run("check", EXAMPLE, "--claim", "7 a.m. ET / 3 a.m. PT", "--json")
    assert code == 1
    claims = json.loads(out)["claims"]
    assert [(c["claim"], c["right"]) for c in claims] == [("7 a.m. ET", True), ("3 a.m. PT", False)]


def test_when_zone_arizona_is_phoenix() -> None:
    code, out, _ = run("when", "--start", "2022-07-04 19:00", "--zone", "Arizona", "--json")
    assert code == 0
    assert json.loads(out)["events"][0]["zone"] == "America/Phoenix"


def test_in_lon_is_ambiguous_and_lists_london() -> None:
    code, _, err = run("when", EXAMPLE, "--in", "LON")
    assert code == 2
    assert "'LON' is ambiguous: London, United Kingdom (Europe/London)" in err
    assert "Lognes" in err


def test_in_utc_plus_3_is_a_fixed_offset() -> None:
    code, out, _ = run("when", EXAMPLE, "--in", "UTC+3")
    assert code == 0
    assert out == (
        "Xiaomi 12S series launch starts at 14:00 in UTC+03:00: Mon 4 Jul 2022, UTC+03:00, "
        "same day\n"
    )


def test_a_pick_over_namesakes_shows_region_and_country() -> None:
    code, out, _ = run("when", EXAMPLE, "--in", "Pékin")
    assert code == 0
    assert "in Beijing, China:" in out


def test_claim_and_article_are_exclusive() -> None:
    code, _, err = run("check", EXAMPLE)
    assert code == 2
    assert "give --claim TEXT or --article FILE" in err


def test_in_is_decided_at_the_events_instant() -> None:
    # PDT names Los Angeles and Vancouver, whose clocks part in 2026 but agree in July 2022.
    code, out, _ = run("when", EXAMPLE, "--in", "PDT")
    assert code == 0
    assert out.startswith("Xiaomi 12S series launch starts at 04:00 in PDT, United States:")


def test_a_binary_article_is_one_error_line(tmp_path: Path) -> None:
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    code, out, err = run("check", "--article", str(picture))
    assert (code, out) == (2, "")
    assert err == (
        f"Error: {picture} is not UTF-8 text (byte 0 is 0x89); give a text, Markdown or HTML "
        "file saved as UTF-8\n"
    )


def test_an_article_skips_what_a_claim_would_refuse() -> None:
    # "half past seven" has no part of the day and "Springfield" names several cities: a claim
    # with them is an error, an article just has no finding there.
    text = (
        "The launch is scheduled for Monday, 4 July at 19:00 in Beijing. Doors open at half "
        "past seven. Fans in Springfield can watch at 6am; in Nairobi it is 2pm."
    )
    code, out, _ = run("check", "--article", "-", stdin=text)
    assert code == 0
    assert out.splitlines()[1:] == [
        "'Nairobi it is 2pm': right: it starts at 14:00 in Nairobi, same day"
    ]


@pytest.mark.parametrize("name", ["Pekin", "Canton", "Bethlehem"])
def test_a_towns_own_name_is_never_taken_for_a_metropolis(name: str) -> None:
    # Each is also an alternate name of a city ten times bigger (Beijing, Guangzhou, Belém):
    # typed as the town spells itself, both are listed (their clocks differ on the day).
    code, _, err = run("when", EXAMPLE, "--in", name)
    assert code == 2
    assert f"'{name}' is ambiguous: " in err


# --- in the reader's language -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "claim", "line"),
    [
        ("fr", "7:00 AM Eastern Time",
         "vrai : l’événement commence à 07:00 (heure de l’Est nord-américain), le même jour"),
        ("zh", "7:00 AM Eastern Time", "正确：北美东部时间07:00开始，当天"),
        ("de", "7am Eastern Standard Time",
         "falsch: es beginnt um 06:00 (Nordamerikanische Ostküsten-Normalzeit), am selben Tag, "
         "nicht um 07:00 (Nordamerikanische Ostküsten-Normalzeit steht für GMT-05:00, das am Mo., "
         "4. Juli 2022 nicht gilt: New York hat dann Nordamerikanische Ostküsten-Sommerzeit)"),
        # An abbreviation stays as typed, with CLDR's name of its clock beside it.
        ("fr", "noon BST",
         "vrai : l’événement commence à 12:00 (BST, heure d’été britannique), le même jour"),
        ("sw", "4am PDT",
         "sahihi: tukio linaanza saa 04:00 (PDT, Saa za Mchana za Pasifiki), siku hiyo hiyo"),
        ("ja", "7:00 AM ET", "正しい：米国東部時間では7:00に始まります（同日）"),
        # A city keeps the place's sentence.
        ("fr", "2pm in Nairobi", "vrai : l’événement commence à 14:00 à Nairobi, le même jour"),
    ],
)  # fmt: skip
def test_a_clock_a_claim_names_is_in_the_readers_words(locale: str, claim: str, line: str) -> None:
    code, out, err = run("check", EXAMPLE, "--claim", claim, "--locale", locale)
    assert (code, err) == (0 if "vrai" in line or "sahihi" in line or "正" in line else 1, "")
    assert out.splitlines()[0] == line


def test_when_in_a_named_clock_in_french() -> None:
    code, out, err = run("when", EXAMPLE, "--in", "Eastern Time", "--locale", "fr")
    assert (code, err) == (0, "")
    assert out == (
        "Xiaomi 12S series launch commence à 07:00 (heure de l’Est nord-américain) : lun. 4 juil. "
        "2022, heure d’été de l’Est nord-américain (UTC-04:00), le même jour\n"
    )


def test_the_article_errors_in_the_readers_language(tmp_path: Path) -> None:
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    code, _, err = run("check", "--article", str(picture), "--locale", "fr")
    assert code == 2
    assert err == (
        f"Error: {picture} n’est pas un texte UTF-8 (l’octet 0 vaut 0x89) ; donnez un fichier "
        "texte, Markdown ou HTML enregistré en UTF-8\n"
    )
    text = "The launch is at 7pm CST on 4 July 2022 in a city we do not name."
    code, _, err = run("check", "--article", "-", "--locale", "zh", stdin=text)
    assert code == 2
    assert err.startswith(
        "Error: 时间有歧义：'7pm CST on 4 July 2022'可能是Asia/Shanghai (UTC+08:00)或"
    )
    assert err.endswith("；请用 --start 和 --zone 指定活动\n")
    assert err.count("\n") == 1


def test_an_articles_date_and_zone_are_in_the_readers_words() -> None:
    text = "The launch is set for 3 March at 9am in Stockholm."
    code, _, err = run("check", "--article", "-", "--locale", "fr", stdin=text)
    assert (code, err) == (
        2,
        "Error: pas d’année : l’article donne 3 mars sans année ni jour de la semaine ; indiquez "
        "--published DATE\n",
    )
    article = (ROOT / "examples" / "article.md").read_text(encoding="utf-8")
    code, out, _ = run("check", "--article", "-", "--locale", "fr", stdin=article)
    assert out.startswith("événement : lun. 4 juil. 2022, 19:00 heure normale de la Chine, d’après")


def test_a_date_without_a_time_names_its_city_not_its_zone_id() -> None:
    season = str(ROOT / "examples" / "launch-season.toml")
    code, out, _ = run("when", season, "--event", "tba-showcase", "--locale", "fr")
    assert (code, out) == (
        0,
        "Winter showcase (reporté) a lieu le mar. 15 déc. 2026 (Tokyo) ; l’heure n’est pas "
        "encore annoncée\n",
    )
    code, out, _ = run("countdown", season, "--event", "tba-showcase", "--locale", "zh")
    assert code == 0
    assert "东京" in out
    assert "Asia/Tokyo" not in out


def test_the_readers_own_zone_is_its_city() -> None:
    from launchcal import eventfile
    from launchcal.convert import see
    from launchcal.places import Place
    from launchcal.report import when_line

    event = eventfile.load(EXAMPLE).events[0]
    here = Place("Europe/Paris", "Europe/Paris", "local")
    line = when_line(event, see(event, here), "fr")
    assert line.startswith("Xiaomi 12S series launch commence à 13:00 à Paris (votre fuseau) :")
    assert when_line(event, see(event, here)).startswith(
        "Xiaomi 12S series launch starts at 13:00 in Europe/Paris (your zone):"
    )


@pytest.mark.parametrize(
    ("claim", "locale", "error"),
    [
        ("25:00 in Nairobi", "fr", "'25:00' dans '25:00 in Nairobi' n’est pas une heure valide"),
        ("13pm in Nairobi", "de", "'13pm' in '13pm in Nairobi' ist keine 12-Stunden-Zeit"),
        ("half past seven in Nairobi", "zh",
         "'half past seven in Nairobi'中的'half past seven'可能指上午也可能指晚上；请加上'am'、'pm'或"
         "'in the evening'"),
        ("half past seven in Nairobi", "en",
         "'half past seven' in 'half past seven in Nairobi' could be morning or evening; add 'am', "
         "'pm' or 'in the evening'"),
    ],
)  # fmt: skip
def test_words_that_are_no_time_are_an_error_in_the_readers_language(
    claim: str, locale: str, error: str
) -> None:
    code, _, err = run("check", EXAMPLE, "--claim", claim, "--locale", locale)
    assert (code, err) == (2, f"Error: {error}\n")
