// The events list and the event view beside it: a click, Enter, or the up and down keys
// open an event in the side panel without moving the list; Escape closes it.
import { actorNode, api, bdi, el, joined, killedOf, placeNode, plural } from "./dom.js";

export const PAGE = 50;
const EVIDENCE_PREVIEW = 160;

export class EventList {
  // `loadPage(offset)` loads and draws another page (returns a promise); `changed()`
  // is told whenever the open event changes (the URL follows it).
  constructor({ loadPage, changed }) {
    this.loadPage = loadPage;
    this.changed = changed;
    this.body = document.querySelector("#events tbody");
    this.panel = document.getElementById("event-panel");
    this.side = document.getElementById("side");
    this.openId = null;
    this.alerted = new Set();
    this.data = { total: 0, offset: 0, events: [] };
    this.request = 0;
    document.getElementById("close-event").addEventListener("click", () => this.close());
  }

  rows() {
    return [...this.body.querySelectorAll("tr[data-id]")];
  }

  draw(data, scope) {
    this.data = data;
    this.body.replaceChildren();
    for (const record of data.events) this.body.append(this.row(record, scope));
    if (!data.events.length) {
      this.body.append(el("tr", {}, el("td", { colspan: 6, class: "empty" },
        scope === "news" ? "No news in this selection." : "No background or undated events in this selection.")));
    }
    const last = Math.min(data.offset + data.events.length, data.total);
    document.getElementById("count").textContent = `${plural(data.total, scope === "news" ? "news event" : "event")} selected`;
    document.getElementById("page").textContent = data.total ? `${data.offset + 1}–${last} of ${data.total}` : "none";
    document.getElementById("prev").disabled = data.offset === 0;
    document.getElementById("next").disabled = last >= data.total;
    this.mark();
  }

  row(record, scope) {
    const evidence = (record.evidence || [])[0];
    let preview = evidence ? evidence.sentence : "";
    if (preview.length > EVIDENCE_PREVIEW) preview = preview.slice(0, EVIDENCE_PREVIEW - 1) + "…";
    const notes = [];
    if (record.modality && record.modality !== "asserted") notes.push(el("span", { class: "tag" }, record.modality));
    if (record.historical) notes.push(el("span", { class: "tag background" }, "background"));
    if (scope !== "news" && !record.date) notes.push(el("span", { class: "tag background" }, "undated"));
    const killed = killedOf(record);
    const row = el("tr", { tabindex: -1, "data-id": record.id, "data-date": record.date || "" },
      el("td", { class: "date" }, record.date || "undated"),
      el("td", { class: "what" }, el("span", { class: "label" }, `${record.event_code} ${record.event_label || ""}`),
        ...notes, el("span", { class: "preview" }, bdi(preview))),
      el("td", {}, actorNode(record.source_actor)),
      el("td", {}, actorNode(record.target_actor)),
      el("td", {}, placeNode(record.location)),
      el("td", { class: "num" }, killed === null ? "" : killed));
    row.addEventListener("click", () => this.open(record.id, { focus: "row" }));
    row.addEventListener("keydown", (event) => {
      if (event.key === "Enter") this.open(record.id, { focus: "row" });
    });
    return row;
  }

  // The open row is marked and is the list's one tab stop (the others are reached with
  // the arrow keys).
  mark() {
    const rows = this.rows();
    let current = null;
    for (const row of rows) {
      const open = row.dataset.id === this.openId;
      row.classList.toggle("open", open);
      row.classList.toggle("alerted", this.alerted.has(row.dataset.id));
      if (open) {
        row.setAttribute("aria-current", "true");
        current = row;
      } else {
        row.removeAttribute("aria-current");
      }
      row.tabIndex = -1;
    }
    if (current || rows.length) (current || rows[0]).tabIndex = 0;
    return current;
  }

  alert(id) {
    this.alerted.add(id);
    this.mark();
  }

  async move(step) {
    const rows = this.rows();
    if (!rows.length) return;
    const at = rows.findIndex((row) => row.dataset.id === this.openId);
    let next = at < 0 ? (step > 0 ? 0 : rows.length - 1) : at + step;
    if (next >= rows.length || next < 0) {
      const offset = this.data.offset + (next < 0 ? -PAGE : PAGE);
      if (offset < 0 || offset >= this.data.total) return;
      await this.loadPage(offset);
      const fresh = this.rows();
      if (!fresh.length) return;
      next = next < 0 ? fresh.length - 1 : 0;
      await this.open(fresh[next].dataset.id, { focus: "row", scroll: true });
      return;
    }
    await this.open(rows[next].dataset.id, { focus: "row", scroll: true });
  }

  close() {
    if (!this.openId) return;
    const id = this.openId;
    this.openId = null;
    this.panel.hidden = true;
    this.side.classList.remove("reading-event");
    const row = this.mark();
    const back = this.rows().find((r) => r.dataset.id === id) || row;
    if (back) back.focus({ preventScroll: true });
    this.changed();
  }

  // Opens the event `id` in the side panel. The list is not scrolled (a click leaves it
  // where it was); moving with the keys brings the new row into view.
  async open(id, { focus = null, scroll = false, quiet = false } = {}) {
    const ticket = ++this.request;
    let record;
    try {
      record = await api(`/api/events/${encodeURIComponent(id)}`);
    } catch (error) {
      document.getElementById("status").textContent = error.message;
      return;
    }
    const articles = await this.articles(record);
    if (ticket !== this.request) return;  // a later open won the race
    const keep = quiet ? this.scrollState() : null;
    this.openId = record.id;
    this.render(record, articles);
    this.panel.hidden = false;
    this.side.classList.add("reading-event");
    const row = this.mark();
    if (row && focus === "row") {
      row.focus({ preventScroll: true });
      if (scroll) row.scrollIntoView({ block: "nearest" });
    } else if (focus === "panel") {
      document.getElementById("event-title").focus({ preventScroll: true });
    }
    if (keep) this.restoreScroll(keep);
    else this.panel.scrollTop = 0;
    if (!quiet) this.changed();
  }

  // Reloads the open event (after the store changed) without moving anything.
  async reload() {
    if (this.openId) await this.open(this.openId, { quiet: true });
  }

  scrollState() {
    return { panel: this.panel.scrollTop,
      articles: [...this.panel.querySelectorAll(".article")].map((box) => box.scrollTop) };
  }

  restoreScroll(keep) {
    this.panel.scrollTop = keep.panel;
    [...this.panel.querySelectorAll(".article")].forEach((box, i) => {
      if (i < keep.articles.length) box.scrollTop = keep.articles[i];
    });
  }

  async articles(record) {
    const found = new Map();
    for (const item of record.evidence || []) {
      if (!found.has(item.doc_id)) {
        found.set(item.doc_id, api(`/api/articles/${encodeURIComponent(item.doc_id)}`).catch(() => null));
      }
    }
    const loaded = new Map();
    for (const [docId, promise] of found) loaded.set(docId, await promise);
    return loaded;
  }

  render(record, articles) {
    document.getElementById("event-title").textContent =
      `${record.event_code} ${record.event_label || ""}${record.date ? " on " + record.date : ""}`;
    const rows = this.rows();
    const at = rows.findIndex((row) => row.dataset.id === record.id);
    document.getElementById("event-position").textContent = at >= 0
      ? `Event ${this.data.offset + at + 1} of ${this.data.total} in the list` : "Not in the list's current page";
    const fields = document.getElementById("event-fields");
    fields.replaceChildren();
    const field = (name, value) => {
      if (value === null || value === undefined || value === "") return;
      fields.append(el("dt", {}, name), el("dd", {}, value instanceof Node ? value : bdi(value)));
    };
    field("Source", actorNode(record.source_actor));
    field("Target", actorNode(record.target_actor));
    field("Date", record.date ? `${record.date} (${record.date_precision})` : "unknown");
    field("Place", placeNode(record.location));
    field("PLOVER / ACLED", joined([record.plover_type, record.acled_event_type, record.acled_sub_event_type], " / "));
    field("According to", record.attribution);
    field("Modality", `${record.modality}${record.historical ? " (told as background)" : ""}`);
    const toll = record.fatalities;
    if (toll) {
      const range = toll.low !== undefined && toll.low !== null
        ? ` (low ${toll.low}, best ${toll.best}, high ${toll.high})` : "";
      const qualifier = toll.qualifier && toll.qualifier !== "exact" ? `${toll.qualifier} ` : "";
      field("Killed", `${qualifier}${toll.killed ?? "?"}${range}`);
      field("Injured", toll.injured);
      const groups = Object.entries(toll.by_group || {});
      if (groups.length) field("By group", joined(groups.map(([g, n]) => joined([g, String(n)], " ")), ", "));
    }
    field("Confidence", record.confidence);
    field("Rule", record.rule);
    if ((record.members || []).length) field("Merged from", joined(record.members, ", "));
    field("Id", record.id);

    const tolls = document.getElementById("tolls");
    tolls.replaceChildren();
    if (toll && toll.reports && toll.reports.length) tolls.append(el("h3", {}, "Tolls per source"), reportsTable(toll.reports));
    const contradictions = document.getElementById("contradictions");
    contradictions.replaceChildren();
    if (record.contradictions && record.contradictions.length) {
      const list = el("ul");
      for (const c of record.contradictions) {
        const values = (c.values || []).map((v) => joined([showValue(v.value),
          el("span", {}, "(", joined([v.attribution, v.doc_id], ", "), ")")], " "));
        list.append(el("li", { class: "contradiction" }, bdi(c.field), ": ", joined(values, "; ")));
      }
      contradictions.append(el("h3", {}, "Sources disagree"), list);
    }
    const evidence = document.getElementById("evidence");
    evidence.replaceChildren();
    for (const item of record.evidence || []) {
      const article = articles.get(item.doc_id);
      const title = (article && article.title) || item.title || item.doc_id;
      const url = safeUrl((article && article.url) || item.url);
      const heading = el("h4", {}, url ? el("a", { href: url, rel: "noreferrer noopener", target: "_blank" }, bdi(title))
        : bdi(title));
      const meta = el("p", { class: "meta" }, joined([(article && article.outlet) || item.outlet || "unknown outlet",
        (article && article.published) || item.published || "undated", item.doc_id], " · "));
      evidence.append(el("div", { class: "report", "data-doc": item.doc_id }, heading, meta,
        article ? highlighted(article.text, item) : el("mark", {}, bdi(item.sentence))));
    }
    for (const mark of evidence.querySelectorAll(".article mark")) {
      mark.parentElement.scrollTop = mark.offsetTop - mark.parentElement.offsetTop - 40;
    }
  }
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
  const box = el("div", { class: "article", tabindex: 0, role: "region", "aria-label": "Article text" });
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
  // The article is one isolated run of its own: its text keeps its own direction and
  // cannot spill into the page around it.
  box.append(document.createTextNode(before), el("mark", {}, middle), document.createTextNode(after));
  return box;
}

function reportsTable(reports) {
  const head = el("tr", {}, ...["Killed", "Injured", "Qualifier", "According to", "Article", "Sentence"]
    .map((h) => el("th", { scope: "col" }, h)));
  const body = el("tbody");
  for (const r of reports) {
    body.append(el("tr", {}, el("td", {}, r.killed ?? ""), el("td", {}, r.injured ?? ""),
      el("td", {}, r.qualifier || ""), el("td", {}, bdi(r.attribution || "")), el("td", {}, bdi(r.doc_id || "")),
      el("td", {}, bdi(r.sentence || ""))));
  }
  return el("table", { class: "reports" }, el("thead", {}, head), body);
}

function showValue(value) {
  if (value === null || value === undefined) return "unknown";
  if (typeof value === "object") {
    if (value.name) return [value.name, value.country].filter(Boolean).join(", ");
    if ("killed" in value) return `${value.killed ?? "?"} killed`;
    return JSON.stringify(value);
  }
  return String(value);
}
