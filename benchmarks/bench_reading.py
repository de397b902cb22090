"""How well and how fast launchcal reads what people write: the corpora of tests/data/reading/.

Prints, each beside its target (issue 12):

- claims judged as a careful reader would (the whole reading: time, place, offset, verdict);
- place strings read as expected, and silent wrong picks (a place other than the one meant);
- article snippets whose event and findings are all as expected;
- ``launchcal check --claim`` as a process, against ``python -c pass`` (runtime-only venv, as
  bench_cli.py makes it), and a 5,000-word article checked in-process;
- for the choice of reader: dateparser's ``search_dates`` on the same claims (does it find the
  claimed time of day?) and its speed, when ``--dateparser PYTHON`` names an interpreter that
  has dateparser (it is not a dependency; ``python -m venv /tmp/dp && /tmp/dp/bin/pip install
  dateparser``).

    python benchmarks/bench_reading.py [--runs 15] [--dateparser /tmp/dp/bin/python]

Exit status 1 when a figure misses its target.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import reading_cases as cases  # noqa: E402
from bench_cli import bench_venv, time_commands  # noqa: E402

EXAMPLE = str(ROOT / "examples" / "xiaomi-12s.toml")
ARTICLE = ROOT.parent / "shared" / "articles" / "xiaomi-12s-androidkenya.txt"

#: A stand-alone script run by the interpreter that has dateparser: for each claim, the first
#: time of day search_dates finds (or None), and the seconds it took for all.
DATEPARSER_SCRIPT = r"""
import json, sys, time, warnings
warnings.simplefilter("ignore")
from dateparser.search import search_dates
texts = json.load(sys.stdin)
base = __import__("datetime").datetime(2022, 7, 1)
settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "future"}
search_dates("warm up at 3pm", settings=settings)
found = []
start = time.perf_counter()
for text in texts:
    try:
        hits = search_dates(text, settings=settings) or []
    except Exception:
        hits = []
    midnight = "midnight" in text or "00:" in text
    times = [d.strftime("%H:%M") for _, d in hits if (d.hour, d.minute) != (0, 0) or midnight]
    found.append(times[0] if times else None)
print(json.dumps({"found": found, "seconds": time.perf_counter() - start}))
"""


def claims_figures() -> tuple[int, int, float]:
    claims = cases.claim_cases()
    start = time.perf_counter()
    good = sum(cases.claim_outcome(c) == c.readings for c in claims)
    return good, len(claims), time.perf_counter() - start


def places_figures() -> tuple[int, int, int]:
    places = cases.place_cases()
    outcomes = [cases.place_outcome(c) for c in places]
    return sum(o[0] for o in outcomes), len(places), sum(o[1] for o in outcomes)


def articles_figures() -> tuple[int, int]:
    articles = cases.article_cases()
    return sum(cases.article_outcome(a)[0] for a in articles), len(articles)


def long_article_seconds(words: int = 5000) -> tuple[float, int]:
    """A 5,000-word article built from the real one and the corpus snippets, checked whole
    (the place index is open, as after a process's first lookup)."""
    from launchcal import claims
    from launchcal.article import check_article

    pieces = [ARTICLE.read_text(encoding="utf-8")] + [a.text for a in cases.article_cases()]
    text = ARTICLE.read_text(encoding="utf-8")
    filler = "\n\n".join(pieces[1:])
    while len(text.split()) < words:
        text += "\n\n" + filler
    text = " ".join(text.split(" ")[: words + 200])
    check_article(text, today=cases.TODAY)  # the first call opens the index
    timings = []
    for _ in range(5):  # the best of five: a shared machine's other work is not ours
        for cached in (claims._resolve, claims._word_meanings, claims._starts, claims._ends):
            cached.cache_clear()  # every run reads the article cold, as a new process does
        start = time.perf_counter()
        check_article(text, today=cases.TODAY)
        timings.append(time.perf_counter() - start)
    return min(timings), len(text.split())


def dateparser_figures(python: str) -> tuple[int, int, float] | None:
    claims = cases.claim_cases()
    texts = [c.text for c in claims]
    run = subprocess.run(
        [python, "-c", DATEPARSER_SCRIPT],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=False,
    )
    if run.returncode != 0:
        print(f"dateparser run failed: {run.stderr.strip()[-300:]}", file=sys.stderr)
        return None
    result = json.loads(run.stdout)
    good = sum(found == c.readings[0][0] for found, c in zip(result["found"], claims, strict=True))
    return good, len(claims), float(result["seconds"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--venv", type=Path, default=ROOT / ".venv-bench")
    parser.add_argument("--dateparser", metavar="PYTHON", help="an interpreter with dateparser")
    args = parser.parse_args()
    missed = []

    good, total, seconds = claims_figures()
    share = good / total
    print(f"claims judged as a careful reader would: {good}/{total} = {share:.1%} (target 97%)")
    print(
        f"  launchcal reading speed: {total / seconds:,.0f} claims/s "
        f"({seconds * 1000 / total:.2f} ms each)"
    )
    if share < 0.97:
        missed.append("claims")
    if args.dateparser:
        figures = dateparser_figures(args.dateparser)
        if figures is not None:
            dp_good, dp_total, dp_seconds = figures
            print(
                f"  dateparser search_dates finds the claimed time of day in {dp_good}/{dp_total}"
                f" = {dp_good / dp_total:.1%} (time only: no place, offset or verdict), "
                f"{dp_seconds * 1000 / dp_total:.2f} ms each = "
                f"{dp_seconds / seconds:.1f}x launchcal's whole check"
            )
    good, total, silent = places_figures()
    print(
        f"place strings read as expected: {good}/{total} = {good / total:.1%}; "
        f"silent wrong picks: {silent} (target 0)"
    )
    if silent:
        missed.append("places")
    good, total = articles_figures()
    print(f"article snippets: {good}/{total} = {good / total:.1%}")

    python = bench_venv(args.venv.resolve())
    lc = str(python.with_name("launchcal"))
    # Claims that are right, so that the commands exit 0 (a failing command is not timed).
    commands = {
        "python -c pass": [str(python), "-c", "pass"],
        "when (for comparison: bench_cli's 5x row)": [lc, "when", EXAMPLE],
        "check --claim": [lc, "check", EXAMPLE, "--claim", "2pm in Nairobi"],
        "check --claim (three claims, shorthands and an abbreviation)": [
            *[lc, "check", EXAMPLE, "--claim"],
            "7 a.m. ET / 4 a.m. PT / 12 noon BST",
        ],
    }
    figures = time_commands(commands, args.runs)
    base = figures["python -c pass"]
    assert base is not None
    for label, ms in figures.items():
        if ms is None:
            print(f"{label}: failed")
            continue
        target = "" if label == "python -c pass" else " (target 6x)" if "claim" in label else ""
        print(f"{label}: {ms:.1f} ms = {ms / base:.2f}x python -c pass{target}")
        if "claim" in label and ms / base > 6:
            missed.append(label)
    seconds, words = long_article_seconds()
    print(f"a {words:,}-word article checked in {seconds:.3f} s (target 0.3 s)")
    if seconds > 0.3:
        missed.append("article")
    if missed:
        print(f"missed: {', '.join(missed)}")
        return 1
    print(f"tzdata {__import__('launchcal').tz.database().version}; {dt.date.today()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
