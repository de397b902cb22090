// launchcal countdown: a plain asset, not a jinja template (render.py only strips its comments
// and indentation). It fills every launchcal widget on the page once, so several widgets (and
// several copies of this script) coexist, and it leaks no global name. Every word it shows
// comes from the widget's data- attributes or its elements (rendered from launchcal's catalogs
// by render.py), never from this file; numbers, dates and durations are the browser's Intl.
(() => {
"use strict";
// A language and its script: fr-CA is fr (fr-Latn), zh-TW is not the Simplified zh (zh-Hans).
const same = (t) => {
  try {
    t = new Intl.Locale(t).maximize();
    return t.language + t.script;
  } catch (e) {
    return t;
  }
};
// The viewer's language (data-i: {"fr": {}, "sw": {words}}, the page's own first): the first of
// navigator.languages the author shipped, else the page's. Its words go in place of the page's
// (data-k), lang and dir are set; a page's widgets share the choice, made once. Returns the
// words and the locale for Intl (the viewer's own tag: fr-CA dates for fr words).
const speak = (r) => {
  const all = JSON.parse(r.dataset.i);
  const d = r.dataset;
  const tags = Object.keys(all);
  if (!d.q) {
    d.q = d.p = tags[0];
    for (const want of navigator.languages) {
      const have = tags.find((t) => same(t) === same(want));
      if (have) {
        [d.q, d.p] = [have, want];
        break;
      }
    }
    const W = all[d.q];
    // A page's script comes after all its words (render.py puts it last).
    if (W.dir) {
      for (const e of r.querySelectorAll("[data-k]")) e.textContent = W[e.dataset.k] || e.textContent;
      for (const e of [r, ...r.querySelectorAll(".lcw[lang]")]) {
        e.lang = d.q;
        e.dir = W.dir;
      }
    }
  }
  return [all[d.q], d.p];
};
const reduce = matchMedia("(prefers-reduced-motion: reduce)");
const ua = navigator.userAgent;
// An in-app browser on iOS (Facebook, Instagram, LINE, X, ...) cannot save a data: .ics.
const inApp = /iP(hone|ad|od)/.test(ua) && /FBAN|FBAV|Instagram|Line\/|Twitter|LinkedInApp|Snapchat|TikTok|musical_ly|MicroMessenger|GSA[/]/.test(ua);
const SIZE = { d: 86400, h: 3600, m: 60, s: 1 };
const NAME = { d: "day", h: "hour", m: "minute", s: "second" };
for (const w of document.querySelectorAll(".lcw:not([data-on])")) {
  w.dataset.on = "";
  const d = w.dataset;
  const get = (name) => w.querySelector(".lcw-" + name);
  const r = w.closest("[data-i]");
  let locale = d.l || undefined;
  if (r) {
    const [W, tag] = speak(r);
    locale = tag;
    for (const k of "whvxty") d[k] = W[k] || d[k];
  }
  if (inApp) {
    const ics = get("i");
    const safe = get("f") || get("o");
    if (ics && safe) {
      ics.hidden = true;
      safe.hidden = false;
    }
  }
  // A rolling release lists each market's [start, end] by zone: the reader's own, if there.
  const own = d.m && JSON.parse(d.m)[Intl.DateTimeFormat().resolvedOptions().timeZone];
  const start = Date.parse(own ? own[0] : d.s);
  // No start (time to be announced, postponed, cancelled): the server's text is all there is.
  if (!start) continue;
  const end = Date.parse(own ? own[1] : d.e) || 0;
  const shown = get("n");
  const timer = get("r");
  const yours = get("y");
  const tiles = w.querySelectorAll(".lcw-d");
  // The units shown, largest first ("dhms"); the largest takes all that is left above it.
  const units = [...(d.u || "dhms")];
  const small = SIZE[units[units.length - 1]];
  const split = (s) => units.map((u, i) => Math.floor(s / SIZE[u]) % (i ? SIZE[units[i - 1]] / SIZE[u] : Infinity));
  // "2 days, 0 hours, 4 minutes, 5 seconds": below the largest unit left, every unit shows,
  // so the text keeps its shape as it ticks. The count is rounded up to the smallest unit.
  // (The browser's own unit and list patterns: what Intl.DurationFormat says, in more browsers.)
  const words = (s, step) => {
    step = Math.max(step, small);
    const values = split(Math.ceil(s / step) * step);
    let on;
    const shown = units.map((u, i) => (on = on || values[i]) && SIZE[u] >= step && new Intl.NumberFormat(locale, { style: "unit", unit: NAME[u], unitDisplay: "long" }).format(values[i]));
    return d.w.replace("%(time)s", new Intl.ListFormat(locale, { type: "unit" }).format(shown.filter(Boolean)));
  };
  const clock = { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" };
  if (d.c) clock.hour12 = d.c === "12";
  const time = document.createElement("bdi");
  time.textContent = new Intl.DateTimeFormat(locale, clock).format(start);
  const [before, after] = d.y.split("%(time)s");
  yours.replaceChildren(before, time, after);
  yours.hidden = get("c").hidden = false;
  const digits = [0, 1].map((n) => new Intl.NumberFormat(locale, { minimumIntegerDigits: n + 1, useGrouping: false }));
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
      talk = words(left, 60);
      text = reduce.matches ? talk : words(left, 1);
      const values = split(Math.ceil(left / small) * small);
      tiles.forEach((t, i) => { t.textContent = digits[i ? 1 : 0].format(values[i]); });
      if (tiles.length) text = d.h;
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
    const watch = get("w");
    const replay = get("p");
    if (watch) watch.hidden = state !== "live" && state !== "started";
    if (replay) replay.hidden = state !== "ended";
    // The spoken text changes only when the whole minutes left do (or the state does, at the
    // start, itself a minute boundary): a screen reader hears it at most once a minute.
    if (talk !== timer.textContent) timer.textContent = talk;
    if (next) setTimeout(tick, next);
  };
  tick();
}
})();
