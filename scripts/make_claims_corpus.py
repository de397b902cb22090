"""Write ``tests/data/reading/claims.tsv``: claim phrasings with the reading a careful reader
gives them, for ``tests/test_reading_corpus.py`` and ``benchmarks/bench_reading.py``.

The phrasings follow how announcements and articles write times (press releases, live-blog
schedules, "what time is it in your country" tables, non-English coverage); the places and the
zone each one means are written here by hand; the truth comes from zoneinfo alone (the tz
database launchcal uses), never from launchcal's reading. Hand-written lines
(``claims-hand.tsv``) are checked the same way. The same seed gives the same file.

    python scripts/make_claims_corpus.py
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from launchcal import tz  # noqa: E402 - only for the pinned tz database

OUT = ROOT / "tests" / "data" / "reading" / "claims.tsv"
HAND = ROOT / "tests" / "data" / "reading" / "claims-hand.tsv"

# The events claims are checked against, id -> (wall time, zone): one table with the tests.
from tests.reading_cases import EVENTS  # noqa: E402

#: Place phrases and the zone a careful reader takes them for.
PLACES = [
    ("Nairobi", "Africa/Nairobi"), ("Lagos", "Africa/Lagos"), ("Cairo", "Africa/Cairo"),
    ("Johannesburg", "Africa/Johannesburg"), ("Accra", "Africa/Accra"),
    ("Addis Ababa", "Africa/Addis_Ababa"), ("Kampala", "Africa/Kampala"),
    ("Dar es Salaam", "Africa/Dar_es_Salaam"), ("Kigali", "Africa/Kigali"),
    ("London", "Europe/London"), ("Paris", "Europe/Paris"), ("Berlin", "Europe/Berlin"),
    ("Madrid", "Europe/Madrid"), ("Rome", "Europe/Rome"), ("Amsterdam", "Europe/Amsterdam"),
    ("Stockholm", "Europe/Stockholm"), ("Warsaw", "Europe/Warsaw"), ("Athens", "Europe/Athens"),
    ("Helsinki", "Europe/Helsinki"), ("Kyiv", "Europe/Kyiv"), ("Lisbon", "Europe/Lisbon"),
    ("Dublin", "Europe/Dublin"), ("Moscow", "Europe/Moscow"), ("Istanbul", "Europe/Istanbul"),
    ("Dubai", "Asia/Dubai"), ("Riyadh", "Asia/Riyadh"), ("Tehran", "Asia/Tehran"),
    ("Karachi", "Asia/Karachi"), ("Mumbai", "Asia/Kolkata"), ("New Delhi", "Asia/Kolkata"),
    ("Bengaluru", "Asia/Kolkata"), ("Dhaka", "Asia/Dhaka"), ("Kathmandu", "Asia/Kathmandu"),
    ("Bangkok", "Asia/Bangkok"), ("Jakarta", "Asia/Jakarta"), ("Singapore", "Asia/Singapore"),
    ("Kuala Lumpur", "Asia/Kuala_Lumpur"), ("Manila", "Asia/Manila"),
    ("Ho Chi Minh City", "Asia/Ho_Chi_Minh"), ("Hong Kong", "Asia/Hong_Kong"),
    ("Beijing", "Asia/Shanghai"), ("Shanghai", "Asia/Shanghai"), ("Shenzhen", "Asia/Shanghai"),
    ("Taipei", "Asia/Taipei"), ("Seoul", "Asia/Seoul"), ("Tokyo", "Asia/Tokyo"),
    ("Sydney", "Australia/Sydney"), ("Melbourne", "Australia/Melbourne"),
    ("Brisbane", "Australia/Brisbane"), ("Perth", "Australia/Perth"),
    ("Auckland", "Pacific/Auckland"), ("Honolulu", "Pacific/Honolulu"),
    ("Los Angeles", "America/Los_Angeles"), ("San Francisco", "America/Los_Angeles"),
    ("Seattle", "America/Los_Angeles"), ("Denver", "America/Denver"),
    ("Phoenix", "America/Phoenix"), ("Chicago", "America/Chicago"),
    ("Dallas", "America/Chicago"), ("Houston", "America/Chicago"),
    ("New York", "America/New_York"), ("Miami", "America/New_York"),
    ("Toronto", "America/Toronto"), ("Montreal", "America/Toronto"),
    ("Mexico City", "America/Mexico_City"), ("Bogotá", "America/Bogota"),
    ("Lima", "America/Lima"), ("São Paulo", "America/Sao_Paulo"),
    ("Buenos Aires", "America/Argentina/Buenos_Aires"), ("Kiritimati", "Pacific/Kiritimati"),
    ("Kenya", "Africa/Nairobi"), ("Nigeria", "Africa/Lagos"), ("India", "Asia/Kolkata"),
    ("China", "Asia/Shanghai"), ("Japan", "Asia/Tokyo"), ("South Korea", "Asia/Seoul"),
    ("the UK", "Europe/London"), ("Germany", "Europe/Berlin"), ("France", "Europe/Paris"),
    ("Italy", "Europe/Rome"), ("Spain", "Europe/Madrid"), ("the Philippines", "Asia/Manila"),
    ("Vietnam", "Asia/Ho_Chi_Minh"), ("Thailand", "Asia/Bangkok"), ("Pakistan", "Asia/Karachi"),
    ("Egypt", "Africa/Cairo"), ("South Africa", "Africa/Johannesburg"),
    ("Israel", "Asia/Jerusalem"), ("Turkey", "Europe/Istanbul"), ("the UAE", "Asia/Dubai"),
    ("Saudi Arabia", "Asia/Riyadh"), ("Malaysia", "Asia/Kuala_Lumpur"),
    ("New Zealand", "Pacific/Auckland"), ("Taiwan", "Asia/Taipei"), ("Ghana", "Africa/Accra"),
    ("Arizona", "America/Phoenix"), ("California", "America/Los_Angeles"),
    ("Hawaii", "Pacific/Honolulu"), ("Texas", "America/Chicago"), ("Ontario", "America/Toronto"),
    ("Queensland", "Australia/Brisbane"), ("the Bay Area", "America/Los_Angeles"),
    ("NYC", "America/New_York"), ("Springfield, MO", "America/Chicago"),
    ("Portland, Oregon", "America/Los_Angeles"), ("Vancouver, BC", "America/Vancouver"),
]  # fmt: skip
#: Zone names written after a time ("10 a.m. Pacific", "19:00 Beijing time").
CLOCKS = [
    ("ET", "America/New_York"), ("PT", "America/Los_Angeles"), ("CT", "America/Chicago"),
    ("Eastern", "America/New_York"), ("Pacific", "America/Los_Angeles"),
    ("Eastern Time", "America/New_York"), ("Pacific Time", "America/Los_Angeles"),
    ("Central Time", "America/Chicago"), ("Mountain Time", "America/Denver"),
    ("Central European Time", "Europe/Paris"), ("India time", "Asia/Kolkata"),
    ("China time", "Asia/Shanghai"), ("Beijing time", "Asia/Shanghai"),
    ("Moscow time", "Europe/Moscow"), ("UK time", "Europe/London"),
    ("Japan time", "Asia/Tokyo"), ("Nairobi time", "Africa/Nairobi"),
    ("Sydney time", "Australia/Sydney"), ("London time", "Europe/London"),
    ("Singapore time", "Asia/Singapore"), ("Korea time", "Asia/Seoul"),
]  # fmt: skip
#: Abbreviations and offsets: what they say is an offset, whatever the season.
OFFSETS = [
    ("EST", -5 * 60), ("EDT", -4 * 60), ("PST", -8 * 60), ("PDT", -7 * 60), ("CDT", -5 * 60),
    ("MST", -7 * 60), ("MDT", -6 * 60), ("BST", 60), ("CET", 60), ("CEST", 120),
    ("JST", 9 * 60), ("KST", 9 * 60), ("AEST", 10 * 60), ("AEDT", 11 * 60), ("EAT", 180),
    ("WAT", 60), ("SAST", 120), ("HKT", 480), ("GMT", 0), ("UTC", 0), ("HST", -600),
    ("NZDT", 780), ("NZST", 720), ("WIB", 420), ("PKT", 300), ("MSK", 180),
    ("UTC+8", 480), ("GMT+3", 180), ("UTC-05:00", -300), ("GMT+5:30", 330), ("UTC+1", 60),
    ("GMT-3", -180), ("UTC+05:45", 345),
]  # fmt: skip

ENGLISH = [
    "{t} {clock}", "{t} {place} time", "at {t} in {place}", "{place}: {t}", "{t} ({place})",
    "The keynote kicks off at {t} {place} time", "Fans in {place} can tune in at {t}",
    "That's {t} in {place}.", "{t} local time in {place}", "which is {t} for viewers in {place}",
    "The livestream starts at {t} {clock}", "{place} - {t}", "Catch it live at {t} in {place}",
    "The event begins at {t} {clock} sharp", "around {t} in {place}", "{place} fans: {t}",
    "It will be {t} in {place}", "Doors open at {t} {place} time",
    "{t} in {place} (local time)", "for those in {place}, that's {t}",
]  # fmt: skip
DATED = [
    "{t} {clock} on {weekday}", "on {weekday} at {t} in {place}", "{weekday}, {t} {clock}",
    "{month} {day} at {t} {clock}", "{day} {month} at {t} ({place})",
    "The stream goes live at {t} {place} time on {weekday}", "{weekday} {day} {month}, {t} {clock}",
    "{t} {clock}, {weekday} {month} {day}", "on {month} {day}{suffix} at {t} in {place}",
    "{numeric}, {t} {place}",
]  # fmt: skip
OTHER = [
    ("de", "um {h24} Uhr in {place_de}"), ("de", "{h24}:{mm} Uhr in {place_de}"),
    ("de", "ab {h24}.{mm} Uhr ({place_de})"), ("fr", "à {h24}h{mm} à {place_fr}"),
    ("fr", "{h24} h {mm} (heure de {place_fr})"), ("es", "a las {h24}:{mm} en {place_es}"),
    ("es", "a las {h24}:{mm} hora de {place_es}"), ("pt", "às {h24}h{mm} em {place_pt}"),
    ("pt", "às {h24}h{mm} (horário de {place_pt})"), ("it", "alle {h24}:{mm} a {place_it}"),
    ("zh", "{place_zh}时间{h24}点{mm_zh}"), ("zh", "{part_zh}{h12}点{mm_zh} {place_zh}"),
    ("ja", "{place_ja}時間{h24}時{mm_ja}"), ("nl", "om {h24}.{mm} uur in {place_nl}"),
]  # fmt: skip
#: The same cities in other languages (GeoNames alternate names a careful reader knows).
FOREIGN = {
    "Asia/Shanghai": {"de": "Peking", "fr": "Pékin", "es": "Pekín", "pt": "Pequim",
                      "it": "Pechino", "zh": "北京", "ja": "北京", "nl": "Peking"},
    "Europe/London": {"de": "London", "fr": "Londres", "es": "Londres", "pt": "Londres",
                      "it": "Londra", "zh": "伦敦", "ja": "ロンドン", "nl": "Londen"},
    "Europe/Moscow": {"de": "Moskau", "fr": "Moscou", "es": "Moscú", "pt": "Moscou",
                      "it": "Mosca", "zh": "莫斯科", "ja": "モスクワ", "nl": "Moskou"},
    "Africa/Nairobi": {"de": "Nairobi", "fr": "Nairobi", "es": "Nairobi", "pt": "Nairóbi",
                       "it": "Nairobi", "zh": "内罗毕", "ja": "ナイロビ", "nl": "Nairobi"},
    "Europe/Berlin": {"de": "Berlin", "fr": "Berlin", "es": "Berlín", "pt": "Berlim",
                      "it": "Berlino", "zh": "柏林", "ja": "ベルリン", "nl": "Berlijn"},
    "Asia/Tokyo": {"de": "Tokio", "fr": "Tokyo", "es": "Tokio", "pt": "Tóquio",
                   "it": "Tokyo", "zh": "东京", "ja": "東京", "nl": "Tokio"},
    "America/New_York": {"de": "New York", "fr": "New York", "es": "Nueva York",
                         "pt": "Nova Iorque", "it": "New York", "zh": "纽约", "ja": "ニューヨーク",
                         "nl": "New York"},
    "Europe/Paris": {"de": "Paris", "fr": "Paris", "es": "París", "pt": "Paris",
                     "it": "Parigi", "zh": "巴黎", "ja": "パリ", "nl": "Parijs"},
    "America/Mexico_City": {"de": "Mexiko-Stadt", "fr": "Mexico", "es": "Ciudad de México",
                            "pt": "Cidade do México", "it": "Città del Messico", "zh": "墨西哥城",
                            "ja": "メキシコシティ", "nl": "Mexico-Stad"},
    "America/Sao_Paulo": {"de": "São Paulo", "fr": "São Paulo", "es": "São Paulo",
                          "pt": "São Paulo", "it": "San Paolo", "zh": "圣保罗", "ja": "サンパウロ",
                          "nl": "São Paulo"},
}  # fmt: skip


def instant(event: str) -> dt.datetime:
    wall, zone = EVENTS[event]
    return dt.datetime.fromisoformat(wall).replace(tzinfo=tz.zone(zone))


def twelve(moment: dt.time, rng: random.Random) -> str:
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    if moment.minute == 0 and moment.hour == 12 and rng.random() < 0.5:
        return rng.choice(["noon", "12 noon", "midday"])
    if moment.minute == 0 and moment.hour == 0 and rng.random() < 0.5:
        return rng.choice(["midnight", "12 midnight"])
    forms = [
        f"{hour}{suffix}",
        f"{hour} {suffix[0]}.m.",
        f"{hour}:{moment.minute:02d} {suffix.upper()}",
        f"{hour}:{moment.minute:02d}{suffix}",
        f"{hour}:{moment.minute:02d} {suffix[0]}.m.",
        f"{moment.hour:02d}:{moment.minute:02d}",
        f"{moment.hour:02d}{moment.minute:02d} hrs",
    ]
    if moment.minute:
        forms = forms[2:]
    else:
        forms.append(f"{hour} o'clock in the {part(moment.hour)}")
    return rng.choice(forms)


def part(hour: int) -> str:
    return "morning" if hour < 12 else "afternoon" if hour < 18 else "evening"


def wrong_time(real: dt.time, rng: random.Random) -> dt.time:
    delta = rng.choice([-60, 60, -180, 180, 720, -120, 30 * rng.choice([-3, 3])])
    minutes = (real.hour * 60 + real.minute + delta) % 1440
    return dt.time(minutes // 60, minutes % 60)


def line(event: str, text: str, readings: list[tuple[str, str, str, bool]]) -> str:
    """``event \\t text \\t claimed>actual@offset=right|wrong;...``"""
    parts = [
        f"{claimed}>{actual}@{offset}={'right' if right else 'wrong'}"
        for claimed, actual, offset, right in readings
    ]
    return f"{event}\t{text}\t{';'.join(parts)}"


def reading(
    start: dt.datetime, zone: str | None, offset: int | None, claimed: dt.time, approx: bool
) -> tuple[str, dt.datetime, tuple[str, str, str, bool]]:
    if zone is not None:
        local = start.astimezone(tz.zone(zone))
    else:
        assert offset is not None
        local = start.astimezone(dt.timezone(dt.timedelta(minutes=offset)))
    off = abs(claimed.hour * 60 + claimed.minute - (local.hour * 60 + local.minute)) % 1440
    off = min(off, 1440 - off)
    right = off <= (30 if approx else 0)
    utc = local.utcoffset()
    assert utc is not None
    sign = "-" if utc < dt.timedelta(0) else "+"
    minutes = abs(int(utc.total_seconds())) // 60
    return (
        f"{claimed:%H:%M}",
        local,
        (
            f"{claimed:%H:%M}",
            f"{local:%H:%M}",
            f"{sign}{minutes // 60:02d}:{minutes % 60:02d}",
            right,
        ),
    )


def generate(rng: random.Random) -> list[str]:
    lines = []
    events = list(EVENTS)
    for n in range(520):
        event = events[n % len(events)]
        start = instant(event)
        style = rng.random()
        is_right = rng.random() < 0.55
        if style < 0.45:  # English, place or clock
            template = rng.choice(ENGLISH)
            if "{clock}" in template:
                name, zone = rng.choice(CLOCKS + [(a, "") for a, _ in OFFSETS])
                offset = dict(OFFSETS).get(name) if not zone else None
            else:
                name, zone = rng.choice(PLACES)
                offset = None
            local = (
                start.astimezone(tz.zone(zone))
                if zone
                else start.astimezone(dt.timezone(dt.timedelta(minutes=offset or 0)))
            )
            claimed = local.time() if is_right else wrong_time(local.time(), rng)
            approx = "around" in template
            written = twelve(claimed, rng)
            text = template.format(t=written, place=name, clock=name)
            text = text[0].upper() + text[1:] if template.startswith("{") else text
            _, _, result = reading(start, zone or None, offset, claimed, approx)
            lines.append(line(event, text, [result]))
        elif style < 0.75:  # with a date
            template = rng.choice(DATED)
            if "{clock}" in template:
                name, zone = rng.choice(CLOCKS + [(a, "") for a, _ in OFFSETS[:26]])
                offset = dict(OFFSETS).get(name) if not zone else None
            else:
                name, zone = rng.choice(PLACES)
                offset = None
            local = (
                start.astimezone(tz.zone(zone))
                if zone
                else start.astimezone(dt.timezone(dt.timedelta(minutes=offset or 0)))
            )
            right_day = rng.random() < 0.6
            day = (
                local.date() if right_day else local.date() + dt.timedelta(days=rng.choice([-1, 1]))
            )
            claimed = local.time() if is_right or not right_day else wrong_time(local.time(), rng)
            text = template.format(
                t=twelve(claimed, rng), place=name, clock=name, weekday=f"{day:%A}",
                month=f"{day:%B}", day=day.day,
                suffix=rng.choice(["", "th" if day.day > 3 else ""]),
                numeric=f"{day:%d.%m.%Y}",
            )  # fmt: skip
            _, _, result = reading(start, zone or None, offset, claimed, False)
            result = (*result[:3], result[3] and right_day)
            lines.append(line(event, text[0].upper() + text[1:], [result]))
        elif style < 0.88:  # another language
            language, template = rng.choice(OTHER)
            zone = rng.choice(sorted(FOREIGN))
            name = FOREIGN[zone][language]
            local = start.astimezone(tz.zone(zone))
            claimed = local.time() if is_right else wrong_time(local.time(), rng)
            h12 = claimed.hour % 12 or 12
            part_zh = "上午" if claimed.hour < 12 else "下午" if claimed.hour < 18 else "晚上"
            text = template.format(
                h24=claimed.hour, mm=f"{claimed.minute:02d}", h12=h12, part_zh=part_zh,
                mm_zh=f"{claimed.minute}分" if claimed.minute else "",
                mm_ja=f"{claimed.minute}分" if claimed.minute else "",
                **{f"place_{language}": name},
            )  # fmt: skip
            _, _, result = reading(start, zone, None, claimed, False)
            lines.append(line(event, text, [result]))
        else:  # two or three claims in one sentence
            chosen = rng.sample(CLOCKS[:9] + [(a, "") for a, _ in OFFSETS[:12]], rng.choice([2, 3]))
            pieces = []
            results = []
            for name, zone in chosen:
                offset = dict(OFFSETS).get(name) if not zone else None
                local = (
                    start.astimezone(tz.zone(zone))
                    if zone
                    else start.astimezone(dt.timezone(dt.timedelta(minutes=offset or 0)))
                )
                claimed = local.time() if rng.random() < 0.7 else wrong_time(local.time(), rng)
                pieces.append(f"{twelve(claimed, rng)} {name}")
                results.append(reading(start, zone or None, offset, claimed, False)[2])
            joiner = rng.choice([" / ", ", ", " | "])
            lines.append(line(event, joiner.join(pieces), results))
    return lines


def hand_lines() -> list[str]:
    """``claims-hand.tsv``: event, text, then ``HH:MM@zone-or-offset[@date]`` per claim."""
    lines = []
    for raw in HAND.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        event, text, spec = raw.split("\t")
        start = instant(event)
        results = []
        for item in spec.split(";"):
            claimed_text, where, *day = item.split("@")
            claimed = dt.time.fromisoformat(claimed_text.lstrip("~"))
            approx = claimed_text.startswith("~")
            if where[0] in "+-":
                sign = -1 if where[0] == "-" else 1
                hours, minutes = where[1:].split(":")
                offset = sign * (int(hours) * 60 + int(minutes))
                _, local, result = reading(start, None, offset, claimed, approx)
            else:
                _, local, result = reading(start, where, None, claimed, approx)
            if day:
                said = day[0]
                right_day = (
                    said == f"{local:%A}" if said[0].isalpha() else said == local.date().isoformat()
                )
                result = (*result[:3], result[3] and right_day)
            results.append(result)
        lines.append(line(event, text, results))
    return lines


def main() -> None:
    rng = random.Random(12)
    lines = hand_lines() + generate(rng)
    unique = list(dict.fromkeys(lines))
    OUT.write_text(
        "# event\ttext\tclaimed>actual@offset=verdict per claim (scripts/make_claims_corpus.py)\n"
        + "\n".join(unique)
        + "\n",
        encoding="utf-8",
    )
    print(f"{OUT}: {len(unique)} lines")


if __name__ == "__main__":
    main()
