"""``when --json``'s document for many events: launchcal.jsonstream against ``json.dumps``.

Both write the same text (checked) for the same events, each audience seen from 2-5 cities.
Two comparisons: the text of a document already built (``json.dumps(data, indent=2,
ensure_ascii=False)``, the pure-Python encoder, against :func:`launchcal.jsonstream.dumps`), and
the whole of what ``when --json`` does (the document built, then its text written, against
:func:`launchcal.jsonstream.iter_json` of the document with its events made one at a time, each
piece written to a sink as it comes). Time is the best CPU time of ``--repeat`` runs (the two
take turns); memory is the peak that tracemalloc sees above the events themselves. Targets
(issue 17): the text no slower than ``json.dumps``; memory that does not grow with the events.

    python benchmarks/bench_json.py [--events 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
import tracemalloc
from collections.abc import Callable, Sequence

from launchcal import jsonstream, places, report
from launchcal.event import Event

CITIES = ("Nairobi", "London", "Tokyo", "Sao Paulo", "Kolkata", "New York", "Sydney", "上海")
ZONES = ("Asia/Shanghai", "America/New_York", "Pacific/Chatham", "UTC", "Europe/Berlin")


def make_events(count: int) -> list[Event]:
    """``count`` launches over 2026-2030 with their own titles and audiences."""
    resolved = [places.resolve(city) for city in CITIES]
    return [
        Event.at(
            f"Launch #{number}: «product {number % 97}» keynote",
            dt.datetime(2026, 1, 1, 9) + dt.timedelta(hours=13 * number),
            ZONES[number % len(ZONES)],
            fold="earlier",
            duration=dt.timedelta(minutes=30 + 15 * (number % 8)),
            id=f"launch-{number}",
            audience=tuple(resolved[(number + k) % len(resolved)] for k in range(2 + number % 4)),
        )
        for number in range(count)
    ]


class Sink:
    """Counts what is written and keeps none of it, as a pipe to another process would."""

    def __init__(self) -> None:
        self.size = 0

    def write(self, text: str) -> None:
        self.size += len(text)


def whole_text(data: object, sink: Sink) -> None:
    sink.write(json.dumps(data, indent=2, ensure_ascii=False))


def whole(events: Sequence[Event], sink: Sink) -> None:
    whole_text(report.when_data(events, None), sink)


def streamed(events: Sequence[Event], sink: Sink) -> None:
    for piece in jsonstream.iter_json(report.when_data(events, None, lazy=True)):
        sink.write(piece)


def measure(
    writers: Sequence[Callable[[Sequence[Event], Sink], None]],
    events: Sequence[Event],
    repeat: int,
) -> list[tuple[float, float]]:
    """Each writer's best CPU seconds of ``repeat`` runs (the writers take turns, so a busy
    moment on a shared machine hits them alike), and its peak MB traced in one more run."""
    best = [float("inf")] * len(writers)
    for _ in range(repeat):
        for number, write in enumerate(writers):
            began = time.process_time()
            write(events, Sink())
            best[number] = min(best[number], time.process_time() - began)
    peaks = []
    for write in writers:
        tracemalloc.start()
        write(events, Sink())
        peaks.append(tracemalloc.get_traced_memory()[1] / 2**20)
        tracemalloc.stop()
    return list(zip(best, peaks, strict=True))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    args = parser.parse_args(argv)

    events = make_events(args.events)
    data = report.when_data(events, None)
    same = jsonstream.dumps(data) == json.dumps(data, indent=2, ensure_ascii=False)
    (dumps_s, _), (ours_s, _) = measure(
        [
            lambda _, sink: whole_text(data, sink),
            lambda _, sink: sink.write(jsonstream.dumps(data)),
        ],
        events,
        args.repeat,
    )
    (whole_s, whole_mb), (streamed_s, streamed_mb) = measure([whole, streamed], events, args.repeat)
    print(f"{args.events:,} events, when --json document, same text: {same}")
    print(f"  text of the built document: json.dumps {dumps_s:.3f} s CPU, jsonstream "
          f"{ours_s:.3f} s CPU, ratio {ours_s / dumps_s:.2f}x (target <= 1.0)")  # fmt: skip
    print(f"  document and text: whole {whole_s:.3f} s CPU, peak {whole_mb:.1f} MB; streamed "
          f"{streamed_s:.3f} s CPU, peak {streamed_mb:.2f} MB")  # fmt: skip
    return 0 if same and ours_s <= dumps_s else 1


if __name__ == "__main__":
    raise SystemExit(main())
