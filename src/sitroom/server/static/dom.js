// Small helpers every part of the page shares: building elements, isolating text that
// comes from the data, fetching from the API, and the labels of records.
//
// Data is only ever set as text (text nodes, textContent, setAttribute on attributes
// that are not URLs), never as markup. Text from the data is also isolated from its
// neighbours (<bdi> in the page, FSI...PDI in plain-text attributes), so a right-to-left
// override in an outlet, a title or an id cannot reverse the text printed beside it.

export const SVG_NS = "http://www.w3.org/2000/svg";

// Okabe and Ito's palette, which stays distinct under the common colour-vision
// deficiencies: blues for cooperation, oranges for conflict, grey for neither.
export const KIND_COLOURS = { cooperation: "#0072B2", conflict: "#D55E00", mixed: "#7f7f7f", other: "#7f7f7f" };
export const QUAD_COLOURS = { 1: "#56B4E9", 2: "#0072B2", 3: "#E69F00", 4: "#D55E00" };
export const UNCLASSIFIED_COLOUR = "#999999";

function fill(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function el(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

// A value from the data, isolated in the page.
export function bdi(value) {
  return el("bdi", {}, value === null || value === undefined ? "" : String(value));
}

// A value from the data, isolated in plain text (title, aria-label, SVG <title>):
// FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE, the plain-text twin of <bdi>.
export function isolate(value) {
  return `\u2068${value === null || value === undefined ? "" : String(value)}\u2069`;
}

export function tooltip(text) {
  const title = svg("title");
  title.textContent = text;
  return title;
}

// Pieces joined by a separator, each piece isolated from the others.
export function joined(pieces, separator) {
  const span = el("span");
  pieces.filter((p) => p !== null && p !== undefined && p !== "").forEach((piece, i) => {
    if (i) span.append(separator);
    span.append(piece instanceof Node ? piece : bdi(piece));
  });
  return span;
}

export async function api(path, params) {
  const query = params ? new URLSearchParams(params).toString() : "";
  const response = await fetch(query ? `${path}?${query}` : path, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && body.error ? body.error.message : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return body;
}

export function actorText(actor) {
  if (!actor) return "";
  return actor.code ? `${actor.name || actor.text || ""} (${actor.code})` : actor.name || actor.text || "";
}

// An actor as page content: its name and code each isolated.
export function actorNode(actor) {
  if (!actor) return "";
  const name = actor.name || actor.text || "";
  return actor.code ? joined([bdi(name), el("span", {}, "(", bdi(actor.code), ")")], " ") : bdi(name);
}

export function placeText(location) {
  if (!location) return "";
  return [location.name, location.country].filter(Boolean).join(", ");
}

export function placeNode(location) {
  if (!location) return "";
  return joined([location.name, location.country], ", ");
}

export function killedOf(record) {
  const toll = record.fatalities;
  return toll && toll.killed !== null && toll.killed !== undefined ? toll.killed : null;
}

export const dayMs = 86400000;

export function dayNumber(day) {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / dayMs);
}

export function dayString(number) {
  return new Date(number * dayMs).toISOString().slice(0, 10);
}

export function plural(n, word) {
  return `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;
}
