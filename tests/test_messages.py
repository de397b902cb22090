"""launchcal's catalogs: complete, compiled, CLDR plurals; sentences per language; RTL; seasons."""

from __future__ import annotations

import datetime as dt
import gettext
import importlib.util
import os
import re
from pathlib import Path
from types import ModuleType

import pytest
from babel.core import Locale
from babel.messages.plurals import get_plural
from click.testing import CliRunner

from launchcal import i18n, messages, tz
from launchcal.cli import cli
from tests.conftest import imported_by, loaded

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "data" / "i18n"
XIAOMI = str(ROOT / "examples" / "xiaomi-12s.toml")
NOW = "2022-07-01T14:48:00+08:00"


def _catalogs_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("catalogs", ROOT / "scripts" / "catalogs.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


catalogs = _catalogs_script()

#: Every shipped catalog: the largest online audiences and the example's readers (Swahili,
#: Hindi, Bangla, Portuguese, Chinese), each complete.
COMPLETE = [
    "ar", "bn", "cs", "de", "el", "es", "fa", "fil", "fr", "he", "hi", "hu", "id", "it", "ja",
    "ko", "ms", "nl", "pl", "pt", "ro", "ru", "sv", "sw", "ta", "th", "tr", "uk", "ur", "vi",
    "zh", "zh_Hant",
]  # fmt: skip
RTL = ["ar", "fa", "he", "ur"]


def test_the_catalogs_shipped_are_these_and_complete() -> None:
    assert list(messages.catalog_locales()) == COMPLETE
    assert len(COMPLETE) >= 30
    template = {m.id for m in catalogs.read(catalogs.TEMPLATE) if m.id}
    assert len(template) >= 30
    failures = {}
    for path in catalogs.po_files():
        catalog = catalogs.read(path, path.parent.parent.name)
        found = catalogs.problems(path)
        found += [f"not translated yet: {m!r}" for m in template - {m.id for m in catalog if m.id}]
        if found:
            failures[path.parent.parent.name] = found
    assert failures == {}


def test_the_template_holds_every_message_the_code_marks(tmp_path: Path) -> None:
    """Run the extraction step as the script does; a message added in the code shows up."""
    marked = {
        (context, message if isinstance(message, str) else message[0])
        for _, _, message, _, context in catalogs.marked()
    }
    stored = {
        (m.context, m.id if isinstance(m.id, str) else m.id[0])
        for m in catalogs.read(catalogs.TEMPLATE)
        if m.id
    }
    assert marked == stored, "run scripts/catalogs.py"


@pytest.mark.parametrize("path", catalogs.po_files(), ids=lambda p: p.parent.parent.name)
def test_the_mo_is_the_compiled_po(path: Path) -> None:
    assert path.with_suffix(".mo").read_bytes() == catalogs.compiled(path)


@pytest.mark.parametrize("locale", COMPLETE)
def test_plural_forms_are_cldr_rules(locale: str) -> None:
    path = catalogs.FOLDER / locale / "LC_MESSAGES" / "launchcal.po"
    catalog = catalogs.read(path, locale)
    rule = get_plural(locale)
    assert catalog.plural_forms == rule.plural_forms
    # Each count gets the form babel's rule picks (Russian 1, 3, 5: one, few, many).
    pick = gettext.c2py(rule.plural_expr)
    say = messages.words(locale)
    forms = catalog.get("%(count)d day later").string
    assert len(forms) == rule.num_plurals
    for count in (2, 3, 5, 11, 21, 102):
        text = say.ngettext("%(count)d day later", "%(count)d days later", count)
        assert text == forms[pick(count)] % {"count": count}


_PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


@pytest.mark.parametrize("locale", COMPLETE)
def test_every_translation_keeps_its_placeholders(locale: str) -> None:
    """Every value the English puts in, the translation puts in too (a plural form may say the
    number in words, as Arabic's dual "يومين" does); none is invented."""
    catalog = catalogs.read(catalogs.FOLDER / locale / "LC_MESSAGES" / "launchcal.po", locale)
    broken = []
    for message in catalog:
        if not message.id:
            continue
        ids = (message.id,) if isinstance(message.id, str) else message.id
        strings = (message.string,) if isinstance(message.string, str) else message.string
        wanted = set(_PLACEHOLDER.findall(ids[0]))
        for text in strings:
            have = set(_PLACEHOLDER.findall(text))
            plural_number = {"count"} if len(ids) > 1 else set()
            if have - wanted or wanted - plural_number - have:
                broken.append((ids[0], text))
    assert broken == []


def test_the_check_catches_missing_fuzzy_and_broken(tmp_path: Path) -> None:
    path = tmp_path / "fr" / "LC_MESSAGES" / "launchcal.po"
    path.parent.mkdir(parents=True)
    path.write_text(
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "same day"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "next day"\nmsgstr "le lendemain"\n\n'
        '#, python-format\nmsgid "%(zone)s (your zone)"\nmsgstr "%(fuseau)s (votre fuseau)"\n',
        encoding="utf-8",
    )
    found = catalogs.problems(path)
    assert any(f.startswith("missing: 'same day'") for f in found)
    assert any(f.startswith("fuzzy: 'next day'") for f in found)
    assert any("%(zone)s (your zone)" in f and "placeholder" in f for f in found)


# --- which catalog answers -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "catalog"),
    [
        ("fr_CA", "fr"),
        ("pt_PT", "pt"),
        ("zh_Hans_CN", "zh"),
        ("zh_Hant_TW", "zh_Hant"),
        ("zh_Hant_HK", "zh_Hant"),
        ("sw_KE", "sw"),
        ("en", None),
        ("en_IN", None),
        ("kk", None),  # no catalog: English sentences around Kazakh CLDR words
    ],
)
def test_catalog_for(locale: str, catalog: str | None) -> None:
    assert messages.catalog_for(locale) == catalog


def test_english_when_reads_no_catalog() -> None:
    """English is the source language: no catalog is opened, and babel is not even imported."""
    modules = imported_by("when", XIAOMI, env={**os.environ, "LANG": "en_US.UTF-8"})
    assert loaded(modules, "babel", "launchcal.messages") == ["launchcal.messages"]
    assert messages.words("en").catalog is None
    assert messages.words("en_GB").gettext("same day") == "same day"


@pytest.mark.parametrize(
    "args",
    [
        ["check", XIAOMI, "--claim", "around 3am in Nairobi"],
        ["check", "--article", str(ROOT / "examples" / "article.md")],
        ["share", XIAOMI, "--to", "text"],
        ["links", XIAOMI],
    ],
    ids=["check", "check-article", "share", "links"],
)
def test_english_check_share_links_import_no_babel(args: list[str]) -> None:
    modules = imported_by(*args, env={**os.environ, "LANG": "en_US.UTF-8"})
    assert loaded(modules, "babel") == []


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), prog_name="launchcal")
    assert result.exit_code == 0, result.output
    return result.stdout


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("LAUNCHCAL_WRITE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name}: LAUNCHCAL_WRITE_GOLDEN=1 rewrites"


@pytest.mark.parametrize("locale", ["en", *COMPLETE])
def test_golden_when(locale: str) -> None:
    text = _run("when", XIAOMI, "--locale", locale)
    text += "\n" + _run("when", XIAOMI, "--locale", locale, "--format", "table",
                        "--in", "Kiritimati", "--in", "Pago Pago")  # fmt: skip
    _golden(f"when-{locale}.txt", text)


@pytest.mark.parametrize("locale", ["en", *COMPLETE])
def test_golden_countdown(locale: str, viewer_zone: object) -> None:
    viewer_zone("Africa/Nairobi")  # type: ignore[operator]
    states = [NOW, "2022-07-04T19:20:00+08:00", "2022-07-06T21:00:00+08:00"]
    text = "".join(_run("countdown", XIAOMI, "--locale", locale, "--now", now) for now in states)
    _golden(f"countdown-{locale}.txt", text)


ARTICLE = str(ROOT.parent / "shared" / "articles" / "xiaomi-12s-androidkenya.txt")
#: One claim per verdict sentence: wrong time, right time on the wrong day, two claims (one an
#: abbreviation not in use in July), a wrong time on the wrong day.
CLAIMS = [
    "around 3am in Nairobi",
    "2pm on Tuesday in Nairobi",
    "7am in New York, 3am PST",
    "8pm on Monday in Kiritimati",
]


def _run_check(*args: str) -> str:
    """``launchcal check``'s output; it exits 1 when a claim is wrong."""
    result = CliRunner().invoke(cli, ["check", *args], prog_name="launchcal")
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@pytest.mark.parametrize("locale", ["en", *COMPLETE])
def test_golden_check(locale: str) -> None:
    if not os.path.exists(ARTICLE):
        pytest.skip(f"the shared article is not here: {ARTICLE}")
    text = "".join(_run_check(XIAOMI, "--claim", claim, "--locale", locale) for claim in CLAIMS)
    text += _run_check("--article", ARTICLE, "--locale", locale)
    text += _run_check("--article", ARTICLE, "--published", "2022-06-30", "--locale", locale)
    _golden(f"check-{locale}.txt", text)


def test_check_in_english_is_unchanged_by_the_catalogs() -> None:
    """English verdicts are launchcal's own sentences, word for word what --json carries."""
    assert _run_check(XIAOMI, "--claim", "around 3am in Nairobi") == (
        "wrong: it starts at 14:00 in Nairobi, same day, not 03:00\n"
    )
    data = _run_check(XIAOMI, "--claim", "around 3am in Nairobi", "--json", "--locale", "fr")
    assert '"message": "wrong: it starts at 14:00 in Nairobi, same day, not 03:00"' in data


def test_check_in_french_and_swahili() -> None:
    french = _run_check(XIAOMI, "--claim", "around 3am in London", "--locale", "fr")
    assert french == (
        "faux : l’événement commence à 12:00 à Londres, Royaume-Uni, le même jour, et non à 03:00\n"
    )
    swahili = _run_check(XIAOMI, "--claim", "2pm on Tuesday in Nairobi", "--locale", "sw")
    assert swahili == (
        "si sahihi: saa 14:00 ni sahihi, lakini huko Nairobi ni Jumatatu, 4 Jul 2022, si Jumanne\n"
    )


@pytest.mark.parametrize("locale", COMPLETE)
def test_check_says_nothing_in_english(locale: str) -> None:
    """No English verdict word is left in another language's verdicts (the claims and the
    article's own words, quoted, are the only English)."""
    out = _run_check(XIAOMI, "--claim", "7am in New York, 3am PST", "--locale", locale)
    for quoted in ("7am in New York", "3am PST"):
        out = out.replace(quoted, "")
    for word in ("right", "wrong", "starts", " not ", "same day", "then)"):
        assert word not in out, (locale, word, out)


def test_share_in_the_readers_language() -> None:
    text = _run("share", XIAOMI, "--to", "text", "--locale", "fr")
    assert "\nDans le monde :\n  Nairobi: 14:00\n  Londres: 12:00\n" in text
    assert "(UTC+08:00, Asia/Shanghai)" in text
    swahili = _run("share", XIAOMI, "--to", "slack", "--locale", "sw")
    assert "^{date_long_pretty} saa {time}|Jumatatu, 4 Jul 2022, 19:00 " in swahili
    zh = _run("share", XIAOMI, "--to", "x", "--locale", "zh")
    assert "伦敦 12:00" in zh


@pytest.mark.parametrize("locale", COMPLETE)
def test_slack_keeps_its_tokens(locale: str) -> None:
    """Slack fills ``{date_long_pretty}`` and ``{time}`` itself: every catalog keeps both."""
    say = messages.words(locale)
    pattern = say.gettext("{date_long_pretty} at {time}")
    assert "{date_long_pretty}" in pattern
    assert "{time}" in pattern
    assert pattern.count("{") == 2


def test_links_labels_in_the_readers_language() -> None:
    out = _run("links", XIAOMI, "--locale", "fr").splitlines()
    assert [line.split("https")[0] for line in out[1:]] == [
        "  Google Agenda  ",
        "  Outlook.com    ",
        "  Microsoft 365  ",
        "  Yahoo Agenda   ",
    ]
    # Wide characters count two columns, so the links still line up in a terminal.
    from launchcal import i18n

    zh = _run("links", XIAOMI, "--locale", "zh").splitlines()[1:]
    assert len({i18n.cells(line.split("https")[0]) for line in zh}) == 1


def test_links_notes_in_the_readers_language() -> None:
    weekly = str(ROOT / "examples" / "weekly-stream.toml")
    result = CliRunner().invoke(cli, ["links", weekly, "--locale", "fr"], prog_name="launchcal")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "Remarque : le lien Google Agenda répète « Studio Live » sans exclure 1 date sautée ; "
        "le fichier .ics l’exclut\n"
    )
    assert "  Outlook.com    un lien ne peut pas répéter un événement ; " in result.stdout


@pytest.mark.parametrize("locale", COMPLETE)
def test_every_language_cuts_links_in_its_own_words(locale: str) -> None:
    from launchcal.links import CalendarLinks

    cut = CalendarLinks({}, {"google": ("description", "location"), "yahoo": ("title",)})
    text = cut.describe_cut("Launch", locale)
    assert "Launch" in text
    for english in ("cut ", "the description", "to keep", "characters"):
        assert english not in text, (locale, text)


def test_the_default_title_is_said_at_output_time() -> None:
    args = ["--start", "2022-07-04 19:00", "--zone", "Asia/Shanghai", "--in", "Nairobi"]
    assert _run("when", *args, "--locale", "fr").startswith("L’événement commence à 14:00")
    assert _run("when", *args).startswith("The event starts at 14:00")
    # The data keeps the English default: the .ics is the same in every language.
    assert "SUMMARY:The event" in _run("ics", *args[:4])


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en", "7:00 PM"),
        ("zh", "下午7:00"),
        ("ja", "午後7:00"),
        ("ko", "오후 7:00"),
        ("ar", "7:00 م"),
        ("es", "7:00\u202fp.\u202fm."),
    ],
)
def test_twelve_hour_clock_uses_cldr_day_periods(locale: str, expected: str) -> None:
    from babel.dates import format_skeleton

    moment = dt.datetime(2022, 7, 4, 19, tzinfo=tz.zone("Asia/Shanghai"))
    assert i18n.twelve_hour_words(moment, locale) == expected
    if locale != "en":  # the same words babel's own CLDR pattern gives
        assert expected == format_skeleton("hm", moment.timetz(), locale=locale)


def test_done_when_sentences() -> None:
    french = _run("when", XIAOMI, "--locale", "fr").splitlines()
    assert len(french) == 6
    assert "Xiaomi 12S series launch commence à 12:00 à Londres, Royaume-Uni : " in french[1]
    assert "伦敦" in _run("when", XIAOMI, "--locale", "zh")
    assert "Tukio «Xiaomi 12S series launch» linaanza saa 14:00 (Nairobi)" in _run(
        "when", XIAOMI, "--locale", "sw"
    )
    assert _run("countdown", XIAOMI, "--locale", "sw", "--now", NOW).startswith(
        "Tukio «Xiaomi 12S series launch» litaanza baada ya siku 3, "
    )


# --- right to left ------------------------------------------------------------------------------


@pytest.mark.parametrize("locale", RTL)
def test_right_to_left_values_are_isolated(locale: str) -> None:
    lines = _run("when", XIAOMI, "--locale", locale, "--in", "Nairobi").splitlines()
    assert len(lines) == 1
    line = lines[0]
    for value in ("Xiaomi 12S series launch", i18n.offset_words(
        dt.datetime(2022, 7, 4, 14, tzinfo=tz.zone("Africa/Nairobi")), locale
    )):  # fmt: skip
        assert f"{messages.FSI}{value}{messages.PDI}" in line
    # Every isolate is closed, and the text outside them is right to left.
    assert line.count(messages.FSI) == line.count(messages.PDI) >= 5
    assert i18n.is_rtl(locale)


def test_left_to_right_has_no_isolates() -> None:
    assert messages.FSI not in _run("when", XIAOMI, "--locale", "fr")


# --- zone names by season for negative-DST zones ------------------------------------------------

DUBLIN = "Europe/Dublin"


def _named(zone: str, when: dt.datetime, locale: str) -> str:
    return i18n.zone_name(when.replace(tzinfo=tz.zone(zone)), locale)


@pytest.mark.parametrize("locale", ["en", "ga", *COMPLETE])
def test_dublin_is_greenwich_mean_time_in_winter_and_irish_standard_time_in_summer(
    locale: str,
) -> None:
    cldr = Locale.parse(locale)
    gmt = cldr.meta_zones["GMT"]["long"]["standard"]
    irish = (
        cldr.time_zones.get(DUBLIN, {}).get("long", {}).get("daylight")
        or cldr.meta_zones["Irish"]["long"]["daylight"]
    )
    winter = dt.datetime(2023, 1, 15, 12)
    summer = dt.datetime(2023, 7, 15, 12)
    assert _named(DUBLIN, winter, locale) == gmt
    assert _named(DUBLIN, summer, locale) == irish
    assert winter.replace(tzinfo=tz.zone(DUBLIN)).utcoffset() == dt.timedelta(0)


def test_dublin_in_french_from_the_command_line() -> None:
    out = _run("when", "--start", "2023-01-15 12:00", "--zone", "Dublin", "--in", "Dublin",
               "--locale", "fr")  # fmt: skip
    assert "heure moyenne de Greenwich (UTC+00:00)" in out
    out = _run("when", "--start", "2023-07-15 12:00", "--zone", "Dublin", "--in", "Dublin",
               "--locale", "fr")  # fmt: skip
    assert "heure d’été irlandaise (UTC+01:00)" in out


@pytest.mark.parametrize("locale", ["en", "fr", "de", "es", "ar", "ga"])
def test_casablanca_is_named_by_its_offset(locale: str) -> None:
    """Morocco keeps UTC+01:00 with a negative-DST Ramadan at UTC+00:00 (2019 on)."""
    names = Locale.parse(locale).meta_zones["Europe_Western"]["long"]
    assert _named("Africa/Casablanca", dt.datetime(2022, 1, 15, 12), locale) == names["daylight"]
    assert _named("Africa/Casablanca", dt.datetime(2022, 4, 15, 12), locale) == names["standard"]


@pytest.mark.parametrize("locale", ["en", "fr", "de"])
def test_windhoek_1994_2017_is_not_given_todays_metazone(locale: str) -> None:
    """babel knows only Windhoek's metazone of today (Central Africa, UTC+02:00, no DST); in
    2000 its winter was UTC+01:00: the CLDR offset format is the honest name there."""
    july = dt.datetime(2000, 7, 15, 12)
    assert _named("Africa/Windhoek", july, locale) == i18n.offset_words(
        july.replace(tzinfo=tz.zone("Africa/Windhoek")), locale
    )
    central = Locale.parse(locale).meta_zones["Africa_Central"]["long"]["standard"]
    assert _named("Africa/Windhoek", dt.datetime(2022, 7, 15, 12), locale) == central


# --- errors in the reader's language ------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "fr_FR.UTF-8",
            "Error: Valeur non valide pour '--now' : '01/07/2022' peut se lire jour/mois ou mois/jour ; "
            "écrivez par exemple '2022-07-01 14:48' ou '2022-07-01T14:48:00+08:00'\n",
        ),
        (
            "C.UTF-8",
            "Error: Invalid value for '--now': '01/07/2022' could mean either order of day and "
            "month; write it like '2022-07-01 14:48' or '2022-07-01T14:48:00+08:00'\n",
        ),
    ],
)
def test_errors_in_the_readers_language(lang: str, expected: str) -> None:
    result = CliRunner().invoke(
        cli, ["countdown", XIAOMI, "--now", "01/07/2022"], env={"LANG": lang}, prog_name="launchcal"
    )
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", expected)


def test_an_error_follows_the_commands_locale() -> None:
    """``--locale`` is the reader's language for the error a command ends with, too."""
    run = CliRunner().invoke(
        cli, ["check", XIAOMI, "--claim", "Nairobi", "--locale", "fr"],
        env={"LANG": "de_DE.UTF-8"}, prog_name="launchcal",
    )  # fmt: skip
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == (
        "Error: pas d’heure dans 'Nairobi' ; écrivez une affirmation comme "
        "'around 3am in Nairobi'\n"
    )
    run = CliRunner().invoke(
        cli, ["check", XIAOMI, "--claim", "Nairobi"], env={"LANG": "de_DE.UTF-8"},
        prog_name="launchcal",
    )  # fmt: skip
    assert run.stderr == (
        "Error: keine Uhrzeit in 'Nairobi'; schreiben Sie eine Angabe wie 'around 3am in Nairobi'\n"
    )


@pytest.mark.parametrize(
    ("locale", "title_words", "head"),
    [
        ("fr", "sur 419 horloges et 36 décalages UTC", "Décalage UTC  Heure  Date"),
        ("ru", "часовых поясов: 419, смещений от UTC: 36", "Смещение от UTC  Время  Дата"),
        ("zh", "共419个时区、36种UTC偏移", "UTC偏移  时间   日期"),
    ],
)
def test_world_clock_in_the_readers_language(locale: str, title_words: str, head: str) -> None:
    lines = _run("when", XIAOMI, "--in", "all", "--locale", locale).splitlines()
    assert title_words in lines[0]
    assert lines[2].startswith(head)
    assert len(lines) == 3 + 36
