// The live part of the dashboard (the contract is in docs/watch.md, "The live dashboard").
// It listens to /api/stream and:
// - on each `events` message dispatches `sitroom:events-changed` ({ids, count}) on the
//   document, so the page reloads its view without a page reload;
// - on each `alert` message shows a notice in #live and dispatches `sitroom:alert` with
//   the alert as detail;
// - keeps a panel of the watched sources and their health (/api/sources) in #live.
// Values from the server are only ever set as text, never as markup.
"use strict";

(() => {
  const root = document.getElementById("live");
  if (!root) return;
  const SOURCES_EVERY_MS = 30_000;
  const RECENT_ALERTS = 10;
  const NOTICES = 5;

  function node(tag, attrs, ...children) {
    const made = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined) made.setAttribute(name, String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      made.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return made;
  }

  function clock(iso) {
    if (!iso) return "";
    const when = new Date(iso);
    return Number.isNaN(when.getTime()) ? iso : when.toLocaleString();
  }

  const state = node("p", { class: "meta", id: "live-state" }, "connecting to live updates…");
  const notices = node("div", { id: "live-notices" });
  const recent = node("ul", { id: "live-alerts" });
  const sourcesBody = node("tbody");
  const sourcesTable = node("table", { id: "live-sources" },
    node("thead", {}, node("tr", {}, ...["Source", "Kind", "Health", "Last poll", "Stored", "Last error"]
      .map((name) => node("th", {}, name)))),
    sourcesBody);
  const alertsBlock = node("div", { hidden: "" }, node("h3", {}, "Recent alerts"), recent);
  const sourcesBlock = node("div", { hidden: "" }, node("h3", {}, "Sources"), sourcesTable);
  root.replaceChildren(node("h2", {}, "Live ", node("small", {}, "new events and alerts as sitroom watch stores them")),
    state, notices, alertsBlock, sourcesBlock);

  function alertLine(alert) {
    return `${alert.rule} (${alert.reason}): ${alert.summary}`;
  }

  function remember(alert) {
    recent.prepend(node("li", { "data-event": alert.event_id }, node("span", { class: "meta" }, clock(alert.at)), " ",
      alertLine(alert)));
    while (recent.children.length > RECENT_ALERTS) recent.lastElementChild.remove();
    alertsBlock.hidden = false;
  }

  function notify(alert) {
    const close = node("button", { type: "button" }, "Dismiss");
    const notice = node("div", { class: "notice", role: "alert", "data-event": alert.event_id, "data-rule": alert.rule },
      node("mark", {}, `Alert ${alert.rule}`), ` ${alert.reason}: ${alert.summary} `, close);
    close.addEventListener("click", () => notice.remove());
    notices.prepend(notice);
    while (notices.children.length > NOTICES) notices.lastElementChild.remove();
  }

  function drawSources(sources) {
    sourcesBody.replaceChildren(...sources.map((source) => node("tr", { "data-health": source.health },
      node("td", {}, source.url), node("td", {}, source.kind || ""),
      node("td", { class: source.health === "failing" ? "contradiction" : null },
        source.health + (source.failures ? ` (${source.failures} failures)` : "")),
      node("td", {}, clock(source.last_poll)), node("td", {}, source.items),
      node("td", {}, source.last_error || ""))));
    sourcesBlock.hidden = sources.length === 0;
  }

  async function getJSON(path) {
    const response = await fetch(path, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  }

  async function loadSources() {
    try {
      drawSources(await getJSON("/api/sources"));
    } catch (error) {
      state.textContent = `sources not loaded: ${error.message}`;
    }
  }

  async function loadAlerts() {
    try {
      const alerts = await getJSON(`/api/alerts?limit=${RECENT_ALERTS}`);
      for (const alert of alerts.reverse()) remember(alert);
    } catch (error) {
      state.textContent = `alerts not loaded: ${error.message}`;
    }
  }

  let dropped = false;
  const stream = new EventSource("/api/stream");
  stream.addEventListener("open", () => {
    state.textContent = "live: new events and alerts show here as they are stored";
    if (dropped) {
      // what was stored while the stream was down: reload the view once
      document.dispatchEvent(new CustomEvent("sitroom:events-changed", { detail: { ids: [], count: 0 } }));
      dropped = false;
    }
  });
  stream.addEventListener("error", () => {
    dropped = true;
    state.textContent = "live updates interrupted; reconnecting…";
  });
  stream.addEventListener("events", (message) => {
    const data = JSON.parse(message.data);
    state.textContent = `${data.count} event${data.count === 1 ? "" : "s"} stored or changed at ${clock(data.at)}`;
    document.dispatchEvent(new CustomEvent("sitroom:events-changed", { detail: { ids: data.ids, count: data.count } }));
    loadSources();
  });
  stream.addEventListener("alert", (message) => {
    const alert = JSON.parse(message.data);
    notify(alert);
    remember(alert);
    document.dispatchEvent(new CustomEvent("sitroom:alert", { detail: alert }));
  });

  loadSources();
  loadAlerts();
  setInterval(loadSources, SOURCES_EVERY_MS);
})();
