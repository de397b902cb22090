// launchcal countdown: a plain asset, not a jinja template (render.py only strips its comments
// and indentation). It fills every launchcal widget on the page once, so several widgets (and
// several copies of this script) coexist, and it leaks no global name.
(() => {
"use strict";
const reduce = matchMedia("(prefers-reduced-motion: reduce)");
for (const w of document.querySelectorAll(".lcw:not([data-on])")) {
  w.dataset.on = "";
  const d = w.dataset;
  const start = Date.parse(d.s);
  // No start (time to be announced, postponed, cancelled): the server's text is all there is.
  if (!start) continue;
  const end = Date.parse(d.e) || 0;
  const locale = d.l || undefined;
  const get = (name) => w.querySelector(".lcw-" + name);
  const shown = get("n");
  const timer = get("r");
  const yours = get("y");
  const duration = Intl.DurationFormat
    ? new Intl.DurationFormat(locale, { style: "long" })
    : { format: (o) => Object.keys(o).filter((k) => o[k]).map((k) => o[k] + k[0]).join(" ") };
  const words = (s) =>
    d.w + " " + duration.format({
      days: Math.floor(s / 86400),
      hours: Math.floor(s / 3600) % 24,
      minutes: Math.floor(s / 60) % 60,
      seconds: s % 60,
    });
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
      text = reduce.matches ? talk : words(left);
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
