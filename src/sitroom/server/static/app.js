// The sitroom dashboard: timeline, map, actor network, events table and event view,
// drawn from the JSON API with plain DOM and SVG. Data is only ever set as text
// (textContent, text nodes, setAttribute on non-URL attributes), never as markup.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const PAGE = 50;
const FILTERS = ["actor", "code", "country", "since", "until", "text", "bbox"];
// Twenty CAMEO roots; colours repeat only past twenty.
const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
  "#9c755f", "#bab0ac", "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
  "#bcbd22", "#17becf", "#393b79"];
const NETWORK_ITERATIONS = 300;
const EVIDENCE_PREVIEW = 140;

const state = { filters: {}, offset: 0, total: 0, world: null, placesBox: null };

// Attributes are set as attributes and children appended as nodes or text nodes: data
// never passes through innerHTML.
function fill(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function el(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

function svg(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

function tooltip(text) {
  const title = svg("title");
  title.textContent = text;
  return title;
}

function status(message) {
  document.getElementById("status").textContent = message || "";
}

async function api(path, params) {
  const query = params ? new URLSearchParams(params).toString() : "";
  const response = await fetch(query ? `${path}?${query}` : path, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && body.error ? body.error.message : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return body;
}

function filterParams(extra) {
  const params = {};
  for (const name of FILTERS) {
    if (state.filters[name]) params[name] = state.filters[name];
  }
  return Object.assign(params, extra || {});
}

function setFilters(changes) {
  Object.assign(state.filters, changes);
  const form = document.getElementById("filters");
  for (const name of FILTERS) form.elements[name].value = state.filters[name] || "";
  const note = document.getElementById("bbox-note");
  note.hidden = !state.filters.bbox;
  note.textContent = state.filters.bbox ? `area ${state.filters.bbox}` : "";
  state.offset = 0;
  refresh();
}

function actorLabel(actor) {
  if (!actor) return "";
  return actor.code ? `${actor.name} (${actor.code})` : actor.name || actor.text || "";
}

function placeLabel(location) {
  if (!location) return "";
  return [location.name, location.country].filter(Boolean).join(", ");
}

// --- timeline ---------------------------------------------------------------------

function dayNumber(day) {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / 86400000);
}

function dayString(number) {
  return new Date(number * 86400000).toISOString().slice(0, 10);
}

// Long spans are drawn by week or month so that every bar stays wide enough to see
// and click; the API always counts per day.
const BUCKETS = [
  { name: "day", upTo: 120, start: (n) => n, end: (n) => n },
  { name: "week", upTo: 730, start: (n) => n - ((new Date(n * 86400000).getUTCDay() + 6) % 7),
    end: (n) => n + 6 },
  { name: "month", upTo: Infinity,
    start: (n) => dayNumber(dayString(n).slice(0, 8) + "01"),
    end: (n) => { const d = new Date(n * 86400000); return dayNumber(new Date(Date.UTC(d.getUTCFullYear(),
      d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10)) - 1; } },
];

function drawTimeline(data) {
  const chart = document.getElementById("timeline");
  const legend = document.getElementById("legend");
  chart.replaceChildren();
  legend.replaceChildren();
  const colour = (i) => PALETTE[i % PALETTE.length];
  data.roots.forEach((root, i) => {
    const item = el("span", {}, `${root.root} ${root.label}`);
    item.style.setProperty("--swatch", colour(i));  // CSSOM, not a style attribute: the CSP allows it
    legend.append(item);
  });
  if (data.undated) legend.append(el("span", { class: "meta" }, `${data.undated} undated`));
  if (!data.days.length) return;
  const firstDay = dayNumber(data.days[0].date);
  const lastDay = dayNumber(data.days[data.days.length - 1].date);
  const bucket = BUCKETS.find((b) => lastDay - firstDay + 1 <= b.upTo);
  const bars = new Map();
  for (const day of data.days) {
    const key = bucket.start(dayNumber(day.date));
    const counts = bars.get(key) || new Array(data.roots.length).fill(0);
    day.counts.forEach((n, i) => { counts[i] += n; });
    bars.set(key, counts);
  }
  const first = bucket.start(firstDay);
  const last = bucket.end(bucket.start(lastDay));
  const scale = 1000 / (last - first + 1);
  const highest = Math.max(...[...bars.values()].map((c) => c.reduce((a, b) => a + b, 0)));
  const height = 150;
  for (const [key, counts] of bars) {
    const span = bucket.end(key) - key + 1;
    const barWidth = Math.min(Math.max(span * scale * 0.8, 1), 40);  // one day alone is a bar, not a wall
    const x = (key - first) * scale + (span * scale - barWidth) / 2;
    let y = height;
    const total = counts.reduce((a, b) => a + b, 0);
    const from = dayString(key);
    const to = dayString(bucket.end(key));
    const group = svg("g", { class: "bar", "data-date": from });
    counts.forEach((n, i) => {
      if (!n) return;
      const h = (n / highest) * (height - 10);
      y -= h;
      group.append(svg("rect", { x, y, width: barWidth, height: h, fill: colour(i) }));
    });
    group.append(tooltip(`${bucket.name === "day" ? from : from + " to " + to}: ${total} event(s)`));
    group.addEventListener("click", () => setFilters({ since: from, until: to }));
    chart.append(group);
  }
  chart.append(svg("text", { x: 2, y: 158, "font-size": 10 }, `${dayString(first)} (by ${bucket.name})`));
  chart.append(svg("text", { x: 998, y: 158, "font-size": 10, "text-anchor": "end" }, dayString(last)));
}

// --- map --------------------------------------------------------------------------

function ringPath(ring) {
  return ring.map(([lon, lat], i) => `${i ? "L" : "M"}${lon},${-lat}`).join("") + "Z";
}

function shade(count, highest) {
  if (!count) return null;
  const t = Math.log(1 + count) / Math.log(1 + highest);
  const light = Math.round(90 - t * 55);
  return `hsl(12, 75%, ${light}%)`;
}

function drawMap(data) {
  const map = document.getElementById("map");
  map.replaceChildren();
  const counts = new Map(data.countries.map((c) => [c.country, c.events]));
  const highest = Math.max(1, ...data.countries.map((c) => c.events));
  if (state.world) {
    for (const feature of state.world.features) {
      const code = feature.properties.iso_a3;
      const n = code ? counts.get(code) || 0 : 0;
      const d = feature.geometry.coordinates.map((polygon) => polygon.map(ringPath).join("")).join("");
      const path = svg("path", { d, class: "country", "data-country": code || "" },
        tooltip(`${feature.properties.name}: ${n} event(s)`));
      const fill = shade(n, highest);
      if (fill) path.style.fill = fill;
      if (code) path.addEventListener("click", (event) => {
        if (!map.dataset.dragged) setFilters({ country: code });
        event.stopPropagation();
      });
      map.append(path);
    }
  }
  let box = null;
  for (const place of data.places) {
    box = box ? [Math.min(box[0], place.lon), Math.min(box[1], place.lat), Math.max(box[2], place.lon),
      Math.max(box[3], place.lat)] : [place.lon, place.lat, place.lon, place.lat];
  }
  state.placesBox = box;
  const width = zoomTo(box);
  // Circle sizes follow the zoom, so a place reads the same at any extent.
  const unit = width / 150;
  const biggest = Math.max(1, ...data.places.map((p) => p.events));
  for (const place of data.places) {
    const r = unit * (0.6 + 3 * Math.sqrt(place.events / biggest));
    map.append(svg("circle", { cx: place.lon, cy: -place.lat, r, class: "place" },
      tooltip(`${place.name || "?"}${place.country ? ", " + place.country : ""}: ${place.events} event(s)`)));
  }
}

function zoomTo(box) {
  // The map's extent: the whole world, or at least 24 by 12 degrees around the places,
  // so that a single town still shows its region. Returns the extent's width in degrees.
  const map = document.getElementById("map");
  if (!box) {
    map.setAttribute("viewBox", "-180 -90 360 180");
    return 360;
  }
  const cx = (box[0] + box[2]) / 2;
  const cy = (box[1] + box[3]) / 2;
  const h = Math.max(12, (box[3] - box[1]) * 1.3, ((box[2] - box[0]) * 1.3) / 2);
  const w = h * 2;
  map.setAttribute("viewBox", `${cx - w / 2} ${-cy - h / 2} ${w} ${h}`);
  return w;
}

function mapPoint(map, event) {
  const point = map.createSVGPoint();
  point.x = event.clientX;
  point.y = event.clientY;
  const p = point.matrixTransform(map.getScreenCTM().inverse());
  return [p.x, -p.y];
}

function setUpMapDrag() {
  const map = document.getElementById("map");
  let start = null;
  let rect = null;
  map.addEventListener("mousedown", (event) => {
    start = mapPoint(map, event);
    delete map.dataset.dragged;
  });
  map.addEventListener("mousemove", (event) => {
    if (!start) return;
    const [lon, lat] = mapPoint(map, event);
    if (!rect) {
      rect = svg("rect", { class: "box" });
      map.append(rect);
    }
    map.dataset.dragged = "1";
    rect.setAttribute("x", Math.min(start[0], lon));
    rect.setAttribute("y", -Math.max(start[1], lat));
    rect.setAttribute("width", Math.abs(lon - start[0]));
    rect.setAttribute("height", Math.abs(lat - start[1]));
  });
  window.addEventListener("mouseup", (event) => {
    if (!start) return;
    const [lon, lat] = mapPoint(map, event);
    const dragged = rect && Math.abs(lon - start[0]) > 0.2 && Math.abs(lat - start[1]) > 0.2;
    if (dragged) {
      const clamp = (v, m) => Math.max(-m, Math.min(m, v)).toFixed(2);
      const bbox = [clamp(Math.min(start[0], lon), 180), clamp(Math.min(start[1], lat), 90),
        clamp(Math.max(start[0], lon), 180), clamp(Math.max(start[1], lat), 90)].join(",");
      setFilters({ bbox });
    }
    if (rect) rect.remove();
    rect = null;
    start = null;
  });
  document.getElementById("world").addEventListener("click", () => zoomTo(null));
}

// --- actor network ----------------------------------------------------------------

function layout(nodes, links, width, height) {
  // A spring-electrical layout from fixed starting points on a circle, so the same
  // data always gives the same picture.
  const n = nodes.length;
  const pos = nodes.map((_, i) => ({
    x: width / 2 + (width / 3) * Math.cos((2 * Math.PI * i) / n),
    y: height / 2 + (height / 3) * Math.sin((2 * Math.PI * i) / n),
  }));
  const index = new Map(nodes.map((node, i) => [node.code, i]));
  const k = Math.sqrt((width * height) / Math.max(n, 1)) * 0.6;
  for (let step = 0; step < NETWORK_ITERATIONS; step++) {
    const force = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i].x - pos[j].x || 0.01;
        const dy = pos[i].y - pos[j].y || 0.01;
        const d2 = dx * dx + dy * dy;
        const f = (k * k) / d2;
        force[i].x += dx * f; force[i].y += dy * f;
        force[j].x -= dx * f; force[j].y -= dy * f;
      }
    }
    for (const link of links) {
      const a = index.get(link.source);
      const b = index.get(link.target);
      const dx = pos[a].x - pos[b].x;
      const dy = pos[a].y - pos[b].y;
      const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const f = d / k;
      force[a].x -= dx * f; force[a].y -= dy * f;
      force[b].x += dx * f; force[b].y += dy * f;
    }
    const temperature = (width / 10) * (1 - step / NETWORK_ITERATIONS) + 1;
    pos.forEach((p, i) => {
      p.x += (force[i].x - (p.x - width / 2) * 0.02) * 0.05;
      p.y += (force[i].y - (p.y - height / 2) * 0.02) * 0.05;
      const move = Math.hypot(p.x - (p.px ?? p.x), p.y - (p.py ?? p.y));
      if (move > temperature) {
        p.x = p.px + ((p.x - p.px) * temperature) / move;
        p.y = p.py + ((p.y - p.py) * temperature) / move;
      }
      p.x = Math.max(30, Math.min(width - 30, p.x));
      p.y = Math.max(15, Math.min(height - 15, p.y));
      p.px = p.x; p.py = p.y;
    });
  }
  return pos;
}

function drawNetwork(data) {
  const chart = document.getElementById("network");
  chart.replaceChildren();
  const width = 600;
  const height = 420;
  if (!data.nodes.length) {
    chart.append(svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle" }, "no actor pairs"));
    return;
  }
  const pos = layout(data.nodes, data.links, width, height);
  const index = new Map(data.nodes.map((node, i) => [node.code, i]));
  const heaviest = Math.max(...data.links.map((l) => l.events));
  const biggest = Math.max(...data.nodes.map((node) => node.events));
  chart.append(svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5,
    markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" }, svg("path", { d: "M0,0L10,5L0,10z",
    fill: "#7a8794" }))));
  for (const link of data.links) {
    const a = pos[index.get(link.source)];
    const b = pos[index.get(link.target)];
    const target = data.nodes[index.get(link.target)];
    const gap = 4 + 10 * Math.sqrt(target.events / biggest) + 2;
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const end = { x: b.x - ((b.x - a.x) * gap) / length, y: b.y - ((b.y - a.y) * gap) / length };
    chart.append(svg("line", { x1: a.x, y1: a.y, x2: end.x, y2: end.y, class: "link",
      "stroke-width": 1 + 5 * Math.sqrt(link.events / heaviest), "marker-end": "url(#arrow)" },
    tooltip(`${link.source} → ${link.target}: ${link.events} event(s)`)));
  }
  data.nodes.forEach((node, i) => {
    const group = svg("g", { class: "node", "data-code": node.code },
      svg("circle", { cx: pos[i].x, cy: pos[i].y, r: 4 + 10 * Math.sqrt(node.events / biggest) }),
      svg("text", { x: pos[i].x + 8, y: pos[i].y - 8 }, node.code),
      tooltip(`${node.name || node.code} (${node.code}): ${node.events} event(s)`));
    group.addEventListener("click", () => setFilters({ actor: node.code }));
    chart.append(group);
  });
}

// --- events table -----------------------------------------------------------------

function drawEvents(data) {
  const body = document.querySelector("#events tbody");
  body.replaceChildren();
  state.total = data.total;
  for (const record of data.events) {
    const evidence = (record.evidence || [])[0];
    let preview = evidence ? evidence.sentence : "";
    if (preview.length > EVIDENCE_PREVIEW) preview = preview.slice(0, EVIDENCE_PREVIEW - 1) + "…";
    const killed = record.fatalities && record.fatalities.killed !== null && record.fatalities.killed !== undefined
      ? record.fatalities.killed : "";
    const row = el("tr", { tabindex: 0, "data-id": record.id },
      el("td", {}, record.date || "undated"),
      el("td", {}, `${record.event_code} ${record.event_label}`),
      el("td", {}, actorLabel(record.source_actor)),
      el("td", {}, actorLabel(record.target_actor)),
      el("td", {}, placeLabel(record.location)),
      el("td", {}, killed),
      el("td", {}, record.modality + (record.historical ? " (background)" : "")),
      el("td", { class: "evidence" }, preview));
    row.addEventListener("click", () => showEvent(record.id));
    row.addEventListener("keydown", (event) => { if (event.key === "Enter") showEvent(record.id); });
    body.append(row);
  }
  const last = Math.min(data.offset + data.events.length, data.total);
  document.getElementById("count").textContent = `${data.total} selected`;
  document.getElementById("page").textContent = data.total ? `${data.offset + 1}–${last} of ${data.total}` : "none";
  document.getElementById("prev").disabled = data.offset === 0;
  document.getElementById("next").disabled = last >= data.total;
}

async function loadEvents() {
  try {
    drawEvents(await api("/api/events", filterParams({ limit: PAGE, offset: state.offset })));
  } catch (error) {
    status(error.message);
  }
}

// --- event view -------------------------------------------------------------------

function field(list, name, value) {
  if (value === null || value === undefined || value === "") return;
  list.append(el("dt", {}, name), el("dd", {}, value));
}

function safeUrl(url) {
  // Only web addresses become links: a javascript: or data: URL in the data stays text.
  return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
}

function codePoints(text, start, end) {
  // Offsets are Python string indices (code points); JavaScript strings count UTF-16 units.
  const chars = Array.from(text);
  return [chars.slice(0, start).join(""), chars.slice(start, end).join(""), chars.slice(end).join("")];
}

function highlighted(text, item) {
  const box = el("div", { class: "article" });
  let [before, middle, after] = codePoints(text, item.start, item.end);
  if (middle !== item.sentence) {
    const at = text.indexOf(item.sentence);
    if (at < 0) {
      box.append(el("mark", {}, item.sentence));
      box.append(el("p", { class: "meta" }, "(the stored article no longer holds this sentence)"));
      return box;
    }
    [before, middle, after] = [text.slice(0, at), item.sentence, text.slice(at + item.sentence.length)];
  }
  box.append(document.createTextNode(before), el("mark", {}, middle), document.createTextNode(after));
  return box;
}

function reportsTable(reports) {
  const table = el("table", {}, el("thead", {}, el("tr", {}, ...["Killed", "Injured", "Qualifier",
    "According to", "Article", "Sentence"].map((h) => el("th", {}, h)))));
  const body = el("tbody");
  for (const r of reports) {
    body.append(el("tr", {}, el("td", {}, r.killed ?? ""), el("td", {}, r.injured ?? ""),
      el("td", {}, r.qualifier || ""), el("td", {}, r.attribution || ""), el("td", {}, r.doc_id || ""),
      el("td", {}, r.sentence || "")));
  }
  table.append(body);
  return table;
}

function showValue(value) {
  if (value === null || value === undefined) return "unknown";
  if (typeof value === "object") {
    if (value.name) return placeLabel(value);
    if ("killed" in value) return `${value.killed ?? "?"} killed`;
    return JSON.stringify(value);
  }
  return String(value);
}

async function showEvent(id) {
  let record;
  try {
    record = await api(`/api/events/${encodeURIComponent(id)}`);
  } catch (error) {
    status(error.message);
    return;
  }
  const panel = document.getElementById("event-panel");
  panel.hidden = false;
  panel.dataset.id = record.id;
  document.getElementById("event-title").textContent =
    `${record.event_code} ${record.event_label}${record.date ? " on " + record.date : ""}`;
  const fields = document.getElementById("event-fields");
  fields.replaceChildren();
  field(fields, "Source", actorLabel(record.source_actor));
  field(fields, "Target", actorLabel(record.target_actor));
  field(fields, "Date", record.date ? `${record.date} (${record.date_precision})` : "unknown");
  field(fields, "Place", placeLabel(record.location));
  field(fields, "PLOVER / ACLED", [record.plover_type, record.acled_event_type, record.acled_sub_event_type]
    .filter(Boolean).join(" / "));
  field(fields, "According to", record.attribution);
  field(fields, "Modality", record.modality + (record.historical ? " (told as background)" : ""));
  const toll = record.fatalities;
  if (toll) {
    const range = toll.low !== undefined && toll.low !== null ? ` (low ${toll.low}, best ${toll.best}, high ${toll.high})` : "";
    field(fields, "Killed", `${toll.qualifier && toll.qualifier !== "exact" ? toll.qualifier + " " : ""}${toll.killed ?? "?"}${range}`);
    field(fields, "Injured", toll.injured);
    const groups = Object.entries(toll.by_group || {}).map(([g, n]) => `${g} ${n}`).join(", ");
    field(fields, "By group", groups);
  }
  field(fields, "Confidence", record.confidence);
  field(fields, "Rule", record.rule);
  field(fields, "Merged from", (record.members || []).join(", "));
  field(fields, "Id", record.id);

  const tolls = document.getElementById("tolls");
  tolls.replaceChildren();
  if (toll && toll.reports && toll.reports.length) {
    tolls.append(el("h3", {}, "Tolls per source"), reportsTable(toll.reports));
  }
  const contradictions = document.getElementById("contradictions");
  contradictions.replaceChildren();
  if (record.contradictions && record.contradictions.length) {
    contradictions.append(el("h3", {}, "Sources disagree"));
    const list = el("ul");
    for (const c of record.contradictions) {
      const values = (c.values || []).map((v) =>
        `${showValue(v.value)} (${[v.attribution, v.doc_id].filter(Boolean).join(", ")})`).join("; ");
      list.append(el("li", { class: "contradiction" }, `${c.field}: ${values}`));
    }
    contradictions.append(list);
  }
  const evidence = document.getElementById("evidence");
  evidence.replaceChildren();
  const articles = new Map();
  for (const item of record.evidence || []) {
    if (!articles.has(item.doc_id)) {
      articles.set(item.doc_id, api(`/api/articles/${encodeURIComponent(item.doc_id)}`).catch(() => null));
    }
  }
  for (const item of record.evidence || []) {
    const article = await articles.get(item.doc_id);
    const title = (article && article.title) || item.title || item.doc_id;
    const url = safeUrl((article && article.url) || item.url);
    const heading = el("h4", {}, url ? el("a", { href: url, rel: "noreferrer noopener", target: "_blank" }, title)
      : title);
    const meta = el("p", { class: "meta" }, [(article && article.outlet) || item.outlet || "unknown outlet",
      (article && article.published) || item.published || "undated", item.doc_id].join(" · "));
    const block = el("div", { class: "report", "data-doc": item.doc_id }, heading, meta,
      article ? highlighted(article.text, item) : el("mark", {}, item.sentence));
    evidence.append(block);
  }
  panel.scrollIntoView({ block: "start" });
  for (const mark of evidence.querySelectorAll(".article mark")) {
    mark.parentElement.scrollTop = mark.offsetTop - mark.parentElement.offsetTop - 40;
  }
}

// --- wiring -----------------------------------------------------------------------

async function refresh() {
  status("");
  const params = filterParams();
  const jobs = [
    api("/api/timeline", params).then(drawTimeline),
    api("/api/places", params).then(drawMap),
    api("/api/network", params).then(drawNetwork),
    loadEvents(),
  ];
  const results = await Promise.allSettled(jobs);
  const failed = results.find((r) => r.status === "rejected");
  if (failed) status(failed.reason.message);
  document.body.dataset.ready = "1";
}

async function start() {
  const form = document.getElementById("filters");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const changes = {};
    for (const name of FILTERS) changes[name] = form.elements[name].value.trim();
    setFilters(changes);
  });
  document.getElementById("clear").addEventListener("click", () =>
    setFilters(Object.fromEntries(FILTERS.map((name) => [name, ""]))));
  document.getElementById("prev").addEventListener("click", () => {
    state.offset = Math.max(0, state.offset - PAGE);
    loadEvents();
  });
  document.getElementById("next").addEventListener("click", () => {
    state.offset += PAGE;
    loadEvents();
  });
  document.getElementById("close-event").addEventListener("click", () => {
    document.getElementById("event-panel").hidden = true;
  });
  setUpMapDrag();
  try {
    const response = await fetch("/static/countries.geojson");
    state.world = await response.json();
  } catch (error) {
    status("the country boundaries could not be loaded; the map shows places only");
  }
  await refresh();
}

// live.js announces events stored or changed (sitroom watch, ingest, posts): reload the
// view in place, keeping the filters, the table's page and the open event.
document.addEventListener("sitroom:events-changed", () => refresh());

start();
