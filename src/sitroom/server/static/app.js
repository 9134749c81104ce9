// The sitroom dashboard: the news newest first, background a toggle away; a timeline
// over the selected period; the map; the actor network; and the event view beside the
// list. Every view reads /api/view/* with the same filters, so they always describe
// the same events. The page's state lives in its URL (filters, scope, period, open
// event), so a link opens the same view.
import { api } from "./dom.js";
import { EventList, PAGE } from "./events.js";
import { WorldMap } from "./map.js";
import { Network } from "./network.js";
import { Timeline } from "./timeline.js";

const FILTERS = ["actor", "code", "country", "text", "bbox"];
const NETWORK_PAIRS = 60;
const LIVE_DELAY_MS = 400;  // a burst of store changes becomes one reload

const state = {
  filters: {},
  scope: "news",
  // auto: the default period (news: the latest 30 days with events; background: every
  // date); all: every date; custom: `since` and `until` (either may be open).
  period: { mode: "auto", since: "", until: "" },
  offset: 0,
  // The period the last load used, and its data.
  effective: null,
  timeline: null,
};

function status(message) {
  document.getElementById("status").textContent = message || "";
}

// --- the URL ---------------------------------------------------------------------

function readUrl() {
  const params = new URLSearchParams(window.location.search);
  for (const name of FILTERS) state.filters[name] = params.get(name) || "";
  state.scope = params.get("scope") === "background" ? "background" : "news";
  if (params.get("period") === "all") state.period = { mode: "all", since: "", until: "" };
  else if (params.get("since") || params.get("until")) {
    state.period = { mode: "custom", since: params.get("since") || "", until: params.get("until") || "" };
  } else state.period = { mode: "auto", since: "", until: "" };
  return params.get("event");
}

function writeUrl() {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (state.filters[name]) params.set(name, state.filters[name]);
  if (state.scope !== "news") params.set("scope", state.scope);
  if (state.period.mode === "all") params.set("period", "all");
  if (state.period.mode === "custom") {
    if (state.period.since) params.set("since", state.period.since);
    if (state.period.until) params.set("until", state.period.until);
  }
  if (list.openId) params.set("event", list.openId);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
}

// --- filters ---------------------------------------------------------------------

function period(timeline) {
  if (state.period.mode === "custom") return { since: state.period.since, until: state.period.until };
  if (state.period.mode === "auto" && state.scope === "news" && timeline && timeline.period) return timeline.period;
  return null;
}

function params(extra, dates) {
  const found = { scope: state.scope };
  for (const name of FILTERS) if (state.filters[name]) found[name] = state.filters[name];
  if (dates) {
    if (dates.since) found.since = dates.since;
    if (dates.until) found.until = dates.until;
  }
  return Object.assign(found, extra || {});
}

function showFilters() {
  const form = document.getElementById("filters");
  for (const name of FILTERS) form.elements[name].value = state.filters[name] || "";
  const dates = state.effective || {};
  form.elements.since.value = dates.since || "";
  form.elements.until.value = dates.until || "";
  const note = document.getElementById("bbox-note");
  note.hidden = !state.filters.bbox;
  note.textContent = state.filters.bbox ? `area ${state.filters.bbox}` : "";
  for (const radio of document.querySelectorAll("#scope input")) radio.checked = radio.value === state.scope;
  const what = { auto: state.scope === "news" ? "the latest 30 days with events" : "every date", all: "every date",
    custom: "chosen" }[state.period.mode];
  const span = state.effective ? `${state.effective.since || "…"} to ${state.effective.until || "…"}, ` : "";
  document.getElementById("period-note").textContent = `${span}${what}; drag below or zoom to change`;
}

function change(changes, { period: newPeriod, scope } = {}) {
  Object.assign(state.filters, changes || {});
  if (newPeriod) state.period = newPeriod;
  if (scope) {
    state.scope = scope;
    state.period = { mode: "auto", since: "", until: "" };
  }
  state.offset = 0;
  refresh({ fit: true });
}

// --- loading ---------------------------------------------------------------------

let generation = 0;

// Loads every view for the current state. `fit`: the map zooms to the selection
// (a new selection); a live reload keeps the map and the open event where they are.
async function refresh({ fit = false, live = false } = {}) {
  const mine = ++generation;
  document.body.dataset.ready = "0";  // "1" again once every view shows this state
  status("");
  try {
    const timeline = await api("/api/view/timeline", params());
    if (mine !== generation) return;
    state.timeline = timeline;
    state.effective = period(timeline);
    const dates = state.effective;
    document.getElementById("news-count").textContent = `(${timeline.scopes.news})`;
    document.getElementById("background-count").textContent = `(${timeline.scopes.background})`;
    showFilters();
    writeUrl();
    const jobs = [
      Promise.resolve().then(() => timelineView.draw(timeline, dates)),
      api("/api/view/places", params({}, dates)).then((data) => mine === generation && mapView.draw(data, { fit })),
      api("/api/view/network", params({ limit: NETWORK_PAIRS }, dates))
        .then((data) => mine === generation && networkView.draw(data)),
      loadEvents(state.offset),
    ];
    if (live) jobs.push(list.reload());
    const results = await Promise.allSettled(jobs);
    const failed = results.find((r) => r.status === "rejected");
    if (failed) status(failed.reason.message);
  } catch (error) {
    status(error.message);
  }
  if (mine === generation) document.body.dataset.ready = "1";
}

async function loadEvents(offset) {
  const data = await api("/api/view/events", params({ limit: PAGE, offset }, state.effective));
  state.offset = data.offset;
  list.draw(data, state.scope);
}

// --- wiring ----------------------------------------------------------------------

const list = new EventList({
  loadPage: (offset) => loadEvents(offset),
  changed: () => {
    writeUrl();
    document.title = list.openId ? `${document.getElementById("event-title").textContent} · sitroom` : "sitroom";
  },
});
const timelineView = new Timeline({
  choose: (dates) => change({}, { period: dates ? { mode: "custom", ...dates } : { mode: "all", since: "", until: "" } }),
});
const mapView = new WorldMap({
  filterCountry: (code) => change({ country: code }),
  filterArea: (box) => change({ bbox: box.map((v) => Number(v).toFixed(2)).join(",") }),
});
const networkView = new Network({ filterActor: (code) => change({ actor: code }) });

function zoomPeriod(factor) {
  const dates = state.effective || {};
  const days = state.timeline ? state.timeline.days : [];
  const since = dates.since || (days[0] && days[0].date);
  const until = dates.until || (days.length && days[days.length - 1].date);
  if (!since || !until) return;
  const a = Date.parse(`${since}T00:00:00Z`);
  const b = Date.parse(`${until}T00:00:00Z`);
  const middle = (a + b) / 2;
  const half = Math.max(86400000 / 2, ((b - a) / 2) * factor);
  const iso = (t) => new Date(t).toISOString().slice(0, 10);
  change({}, { period: { mode: "custom", since: iso(middle - half), until: iso(middle + half) } });
}

function keyTarget(event) {
  // The arrows move through the events unless the reader is typing, choosing a radio
  // button, moving the map (Leaflet pans with them) or scrolling an article's text.
  const target = event.target;
  if (!(target instanceof Element)) return true;
  return !target.closest("input, select, textarea, #map, .article, [contenteditable]");
}

function start() {
  const form = document.getElementById("filters");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const changes = {};
    for (const name of FILTERS) changes[name] = form.elements[name].value.trim();
    const since = form.elements.since.value;
    const until = form.elements.until.value;
    const shown = state.effective || {};
    let dates = null;
    if (!since && !until) dates = state.period.mode === "auto" && !shown.since ? null : { mode: "all", since: "", until: "" };
    else if (since !== (shown.since || "") || until !== (shown.until || "")) dates = { mode: "custom", since, until };
    change(changes, { period: dates });
  });
  document.getElementById("clear").addEventListener("click", () =>
    change(Object.fromEntries(FILTERS.map((name) => [name, ""])), { period: { mode: "auto", since: "", until: "" } }));
  for (const radio of document.querySelectorAll("#scope input")) {
    radio.addEventListener("change", () => radio.checked && change({}, { scope: radio.value }));
  }
  document.getElementById("prev").addEventListener("click", () => loadEvents(Math.max(0, state.offset - PAGE)));
  document.getElementById("next").addEventListener("click", () => loadEvents(state.offset + PAGE));
  document.getElementById("zoom-in").addEventListener("click", () => zoomPeriod(0.5));
  document.getElementById("zoom-out").addEventListener("click", () => zoomPeriod(2));
  document.getElementById("period-default").addEventListener("click", () =>
    change({}, { period: { mode: "auto", since: "", until: "" } }));
  document.getElementById("period-all").addEventListener("click", () =>
    change({}, { period: { mode: "all", since: "", until: "" } }));
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "Escape" && list.openId) {
      event.preventDefault();
      list.close();
    } else if ((event.key === "ArrowDown" || event.key === "ArrowUp") && keyTarget(event)) {
      event.preventDefault();
      list.move(event.key === "ArrowDown" ? 1 : -1);
    }
  });
  // The store changed (live.js tells us): reload every view in place.
  let pending = null;
  document.addEventListener("sitroom:events-changed", () => {
    clearTimeout(pending);
    pending = setTimeout(() => refresh({ live: true }), LIVE_DELAY_MS);
  });
  document.addEventListener("sitroom:alert", (event) => {
    if (event.detail && event.detail.event_id) list.alert(event.detail.event_id);
  });
}

async function main() {
  const eventId = readUrl();
  start();
  try {
    await mapView.loadBoundaries();
  } catch (error) {
    status("the country boundaries could not be loaded; the map shows places only");
  }
  await refresh({ fit: true });
  if (eventId) await list.open(eventId, { focus: "panel" });
}

main();
