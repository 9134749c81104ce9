// The actor network: who acts on whom, laid out by d3-force. A node's size is its
// events, a line's width its events and its colour and dash what the pair's events
// mostly are (cooperation, conflict, or mixed). Each node and its label form one box,
// and the layout keeps boxes apart (d3's collision force, then more of it until no two
// boxes overlap), so no label covers another. Hovering or focusing an actor highlights
// its neighbours; clicking it (or Enter) filters the page by it; wheel and drag zoom
// and pan.
/* global d3 */
import { KIND_COLOURS, isolate, plural } from "./dom.js";

const HEIGHT = 440;
const LABEL_GAP = 2;
const PAD = 3;  // between two boxes, in layout units
const TICKS = 300;
const SETTLE_TICKS = 600;
const MAX_FIT_SCALE = 1.2;  // a small network is not blown up past readable sizes
const DASHES = { cooperation: "6 3", conflict: null, mixed: "2 3", other: "2 3" };

function overlap(a, b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

export class Network {
  constructor({ filterActor }) {
    this.filterActor = filterActor;
    this.svg = d3.select("#network");
    this.positions = new Map();  // code -> box centre, so a reload keeps the picture
    this.data = null;
    let resizing = null;
    window.addEventListener("resize", () => {
      clearTimeout(resizing);
      resizing = setTimeout(() => this.data && this.draw(this.data), 150);
    });
  }

  draw(data) {
    this.data = data;
    const svg = this.svg;
    svg.selectAll("*").remove();
    svg.on(".zoom", null);
    const width = Math.max(300, svg.node().getBoundingClientRect().width);
    svg.attr("viewBox", `0 0 ${width} ${HEIGHT}`).attr("height", HEIGHT);
    this.summary(data);
    if (!data.nodes.length) {
      svg.append("text").attr("x", width / 2).attr("y", HEIGHT / 2).attr("text-anchor", "middle")
        .text("no actor pairs in this selection");
      return;
    }
    const defs = svg.append("defs");
    for (const [kind, colour] of Object.entries(KIND_COLOURS)) {
      defs.append("marker").attr("id", `arrow-${kind}`).attr("viewBox", "0 0 10 10").attr("refX", 9)
        .attr("refY", 5).attr("markerWidth", 9).attr("markerHeight", 9).attr("markerUnits", "userSpaceOnUse")
        .attr("orient", "auto")
        .append("path").attr("d", "M0,0L10,5L0,10z").attr("fill", colour);
    }
    const viewport = svg.append("g").attr("class", "viewport");
    const linkLayer = viewport.append("g").attr("class", "links");
    const nodeLayer = viewport.append("g").attr("class", "nodes");

    const biggest = d3.max(data.nodes, (n) => n.events) || 1;
    const heaviest = d3.max(data.links, (l) => l.events) || 1;
    const nodes = data.nodes.map((n) => ({ ...n, r: 5 + 11 * Math.sqrt(n.events / biggest) }));
    const byCode = new Map(nodes.map((n) => [n.code, n]));
    const links = data.links.map((l) => ({ ...l, source: byCode.get(l.source), target: byCode.get(l.target) }));
    const pairs = new Set(data.links.map((l) => `${l.source}\u0000${l.target}`));
    const neighbours = new Map(nodes.map((n) => [n.code, new Set([n.code])]));
    for (const l of links) {
      neighbours.get(l.source.code).add(l.target.code);
      neighbours.get(l.target.code).add(l.source.code);
    }

    // Labels first, to measure them: a node's box holds its circle and, below it, its label.
    const groups = nodeLayer.selectAll("g.node").data(nodes).join("g").attr("class", "node")
      .attr("data-code", (n) => n.code).attr("tabindex", 0).attr("role", "button")
      .attr("aria-label", (n) => `${isolate(n.name || n.code)} (${isolate(n.code)}): ${plural(n.events, "event")}; `
        + "Enter filters by this actor");
    groups.append("title").text((n) => `${isolate(n.name || n.code)} (${isolate(n.code)}): ${plural(n.events, "event")}`);
    groups.append("circle").attr("r", (n) => n.r);
    const labels = groups.append("text").attr("class", "label").attr("text-anchor", "middle").text((n) => n.code);
    labels.each(function measure(n) {
      const box = this.getBBox();
      n.tw = box.width;
      n.th = box.height;
    });
    for (const n of nodes) {
      n.half = Math.max(n.r, n.tw / 2);
      n.height = 2 * n.r + LABEL_GAP + n.th;
      // The simulation moves box centres; the circle sits `lift` above it.
      n.lift = n.height / 2 - n.r;
      n.radius = Math.hypot(n.half, n.height / 2) + PAD / 2;
      const seen = this.positions.get(n.code);
      if (seen) {
        n.x = seen.x;
        n.y = seen.y;
      }
    }
    const known = nodes.every((n) => this.positions.has(n.code));
    const simulation = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links).distance((l) => l.source.radius + l.target.radius + 24))
      .force("charge", d3.forceManyBody().strength(-120).distanceMax(240))
      .force("collide", d3.forceCollide((n) => n.radius).strength(1).iterations(4))
      .force("x", d3.forceX(0).strength(0.07))
      .force("y", d3.forceY(0).strength(0.07 * (width / HEIGHT)))
      .alpha(known ? 0.3 : 1)
      .stop();
    for (let i = 0; i < TICKS; i++) simulation.tick();
    // Then only the collision force, until no two boxes overlap.
    simulation.force("link", null).force("charge", null).force("x", null).force("y", null).alpha(0.5);
    const boxes = () => nodes.map((n) => ({ x0: n.x - n.half - PAD / 2, x1: n.x + n.half + PAD / 2,
      y0: n.y - n.height / 2 - PAD / 2, y1: n.y + n.height / 2 + PAD / 2 }));
    const crowded = () => {
      const b = boxes();
      for (let i = 0; i < b.length; i++) for (let j = i + 1; j < b.length; j++) if (overlap(b[i], b[j])) return true;
      return false;
    };
    for (let i = 0; i < SETTLE_TICKS && crowded(); i++) simulation.tick();
    for (const n of nodes) this.positions.set(n.code, { x: n.x, y: n.y });

    const cx = (n) => n.x;
    const cy = (n) => n.y - n.lift;
    groups.select("circle").attr("cx", cx).attr("cy", cy);
    labels.attr("x", cx).attr("y", (n) => cy(n) + n.r + LABEL_GAP + n.th * 0.8);
    const paths = linkLayer.selectAll("path").data(links).join("path")
      .attr("class", (l) => `link kind-${l.kind}`)
      .attr("data-source", (l) => l.source.code).attr("data-target", (l) => l.target.code)
      .attr("stroke", (l) => KIND_COLOURS[l.kind]).attr("stroke-dasharray", (l) => DASHES[l.kind])
      .attr("stroke-width", (l) => 1.2 + 5 * Math.sqrt(l.events / heaviest))
      .attr("marker-end", (l) => `url(#arrow-${l.kind})`)
      .attr("d", (l) => this.path(l, pairs.has(`${l.target.code}\u0000${l.source.code}`), cx, cy));
    paths.append("title").text((l) => `${isolate(l.source.code)} → ${isolate(l.target.code)}: `
      + `${plural(l.events, "event")} (${l.cooperation} cooperation, ${l.conflict} conflict)`);

    const highlight = (n) => {
      const near = n ? neighbours.get(n.code) : null;
      svg.classed("focused", Boolean(n));
      groups.classed("near", (m) => Boolean(near && near.has(m.code)));
      paths.classed("near", (l) => Boolean(n && (l.source === n || l.target === n)));
    };
    groups.on("mouseenter focus", (event, n) => highlight(n)).on("mouseleave blur", () => highlight(null));
    groups.on("click", (event, n) => this.filterActor(n.code));
    groups.on("keydown", (event, n) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        this.filterActor(n.code);
      }
    });

    // Fit the whole layout in the panel, then let the reader zoom and pan.
    const b = boxes();
    const x0 = d3.min(b, (d) => d.x0);
    const x1 = d3.max(b, (d) => d.x1);
    const y0 = d3.min(b, (d) => d.y0);
    const y1 = d3.max(b, (d) => d.y1);
    const margin = 8;
    const k = Math.min((width - 2 * margin) / (x1 - x0), (HEIGHT - 2 * margin) / (y1 - y0), MAX_FIT_SCALE);
    const fit = d3.zoomIdentity.translate(width / 2, HEIGHT / 2).scale(k).translate(-(x0 + x1) / 2, -(y0 + y1) / 2);
    const zoom = d3.zoom().scaleExtent([Math.min(k, 0.3), 6])
      .on("zoom", (event) => viewport.attr("transform", event.transform));
    svg.call(zoom).call(zoom.transform, fit).on("dblclick.zoom", null);
  }

  // A line from the source's circle to the edge of the target's; a pair that acts both
  // ways gets two arcs instead of one line drawn twice.
  path(l, twoWay, cx, cy) {
    const sx = cx(l.source);
    const sy = cy(l.source);
    const tx = cx(l.target);
    const ty = cy(l.target);
    const dx = tx - sx;
    const dy = ty - sy;
    const length = Math.hypot(dx, dy) || 1;
    const ux = dx / length;
    const uy = dy / length;
    const bend = twoWay ? Math.min(30, length / 4) : 0;
    // The control point sits off the middle, to the left of the direction of travel.
    const mx = (sx + tx) / 2 - uy * bend;
    const my = (sy + ty) / 2 + ux * bend;
    const toward = (px, py, fromX, fromY, r) => {
      const ex = px - fromX;
      const ey = py - fromY;
      const d = Math.hypot(ex, ey) || 1;
      return [fromX + (ex / d) * r, fromY + (ey / d) * r];
    };
    const [ax, ay] = toward(mx, my, sx, sy, l.source.r);
    const [bx, by] = toward(mx, my, tx, ty, l.target.r + 2);
    return twoWay ? `M${ax},${ay}Q${mx},${my} ${bx},${by}` : `M${ax},${ay}L${bx},${by}`;
  }

  summary(data) {
    const top = data.links.slice(0, 10).map((l) => `${isolate(l.source)} to ${isolate(l.target)}, `
      + `${plural(l.events, "event")}, mostly ${l.kind}`);
    const text = data.nodes.length
      ? `${plural(data.nodes.length, "actor")} in ${plural(data.links.length, "pair")}. Heaviest pairs: ${top.join("; ")}.`
      : "No actor pairs in this selection.";
    document.getElementById("network-summary").textContent = text;
    this.svg.attr("aria-label", `Actor network: ${plural(data.nodes.length, "actor")}`);
  }
}
