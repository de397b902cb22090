// launchcal countdown: a plain asset, not a jinja template (render.py only strips its comments
// and indentation). It fills every launchcal widget on the page once, so several widgets (and
// several copies of this script) coexist, and it leaks no global name.
(() => {
"use strict";
const reduce = matchMedia("(prefers-reduced-motion: reduce)");
for (const w of document.querySelectorAll(".lcw:not([data-on])")) {
  w.dataset.on = "";
  const d = w.dataset;
  // A rolling release lists each market's [start, end] by zone: the reader's own, if there.
  const own = d.m && JSON.parse(d.m)[Intl.DateTimeFormat().resolvedOptions().timeZone];
  const start = Date.parse(own ? own[0] : d.s);
  // No start (time to be announced, postponed, cancelled): the server's text is all there is.
  if (!start) continue;
  const end = Date.parse(own ? own[1] : d.e) || 0;
  const locale = d.l || undefined;
  const get = (name) => w.querySelector(".lcw-" + name);
  const shown = get("n");
  const timer = get("r");
  const yours = get("y");
  // "2 days, 0 hours, 4 minutes, 5 seconds": below the largest unit left, every unit shows,
  // so the text keeps its shape as it ticks. Whole minutes (exact = false) leave seconds out.
  const words = (s, exact) => {
    const parts = {
      days: Math.floor(s / 86400), hours: Math.floor(s / 3600) % 24, minutes: Math.floor(s / 60) % 60,
    };
    if (exact) parts.seconds = s % 60;
    const options = { style: "long" };
    let shown;
    for (const unit in parts) if ((shown = shown || parts[unit])) options[unit + "Display"] = "always";
    return d.w + " " + (Intl.DurationFormat
      ? new Intl.DurationFormat(locale, options).format(parts)
      : Object.keys(parts).filter((k) => options[k + "Display"]).map((k) => parts[k] + k[0]).join(" "));
  };
  yours.firstChild.textContent = new Intl.DateTimeFormat(locale, {
    weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit",
  }).format(start);
  yours.hidden = get("c").hidden = false;
  const tick = () => {
    const now = Date.now();
    let state = "ended";
    let text = d.x;
    let talk;
    let next = 0;
    if (now < start) {
      state = "soon";
      const left = Math.ceil((start - now) / 1000);
      // Spoken (and reduced-motion) text counts whole minutes, rounded up; the visible one
      // ticks seconds.
      talk = words(Math.ceil(left / 60) * 60);
      text = reduce.matches ? talk : words(left, 1);
      next = (start - now) % 1000 || 1000;
    } else if (!end) {
      state = "started";
      text = d.t;
    } else if (now < end) {
      state = "live";
      text = d.v;
      next = Math.min(end - now, 864e5);
    }
    talk = talk || text;
    shown.textContent = text;
    d.st = state;
    // The spoken text changes only when the whole minutes left do (or the state does, at the
    // start, itself a minute boundary): a screen reader hears it at most once a minute.
    if (talk !== timer.textContent) timer.textContent = talk;
    if (next) setTimeout(tick, next);
  };
  tick();
}
})();
