// Mozilla ical.js expands every recurring VEVENT of each file named on the command line and
// prints, as one JSON object keyed by path and then UID, the UTC instant of each occurrence's
// start, worked out from the file's own VTIMEZONE (ical.js has no tz database). RRULE and
// EXDATE are applied by ical.js itself (ICAL.Event.iterator); a VEVENT without a rule gives
// its one start.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const LIMIT = 5000;

function instant(time) {
  return new Date(time.toUnixTime() * 1000).toISOString().replace(".000Z", "+00:00");
}

const out = {};
for (const path of process.argv.slice(2)) {
  const root = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
  for (const vtimezone of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(vtimezone);
  }
  const found = {};
  for (const vevent of root.getAllSubcomponents("vevent")) {
    const event = new ICAL.Event(vevent);
    const starts = [];
    const iterator = event.iterator();
    for (let next = iterator.next(); next && starts.length < LIMIT; next = iterator.next()) {
      starts.push(instant(event.getOccurrenceDetails(next).startDate));
    }
    found[event.uid] = starts;
  }
  for (const vtimezone of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.remove(vtimezone.getFirstPropertyValue("tzid"));
  }
  out[path] = found;
}
process.stdout.write(JSON.stringify(out));
