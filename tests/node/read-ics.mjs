// Mozilla ical.js (Thunderbird's parser) reads each file named on the command line and prints,
// as one JSON object keyed by path, every VEVENT's text and the UTC instant of its DTSTART and
// DTEND as ical.js works it out from the file's own VTIMEZONE (ical.js has no tz database).
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

function instant(value) {
  if (value === null) return null;
  if (value.isDate) return value.toString();
  return new Date(value.toUnixTime() * 1000).toISOString().replace(".000Z", "+00:00");
}

function text(component, name) {
  const value = component.getFirstPropertyValue(name);
  return value === null ? null : String(value);
}

const out = {};
for (const path of process.argv.slice(2)) {
  try {
    const root = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
    const events = root.getAllSubcomponents("vevent").map((vevent) => ({
      uid: text(vevent, "uid"),
      summary: text(vevent, "summary"),
      description: text(vevent, "description"),
      location: text(vevent, "location"),
      status: text(vevent, "status"),
      url: text(vevent, "url"),
      sequence: vevent.getFirstPropertyValue("sequence"),
      start: instant(vevent.getFirstPropertyValue("dtstart")),
      end: instant(vevent.getFirstPropertyValue("dtend")),
      alarms: vevent
        .getAllSubcomponents("valarm")
        .map((alarm) => alarm.getFirstPropertyValue("trigger").toSeconds()),
    }));
    out[path] = { events };
  } catch (error) {
    out[path] = { error: String(error) };
  }
}
process.stdout.write(JSON.stringify(out));
