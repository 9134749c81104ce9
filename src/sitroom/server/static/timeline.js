// The timeline: events per day (or week, or month, as the period grows) stacked by the
// kind of interaction, over the selected period; below it every date of the selection
// with a brush that chooses the period. Wheel or drag on the chart zooms and pans it;
// clicking a bar selects its days. Drawn with d3 (scales, axes, stack, brush, zoom).
/* global d3 */
import { QUAD_COLOURS, UNCLASSIFIED_COLOUR, dayMs, el, plural } from "./dom.js";

const HEIGHT = 170;
const OVERVIEW_HEIGHT = 46;
const MARGIN = { top: 8, right: 14, bottom: 22, left: 38 };
// Bars stay at least this wide: past 120 days a bar is a week, past two years a month.
const BUCKETS = [
  { name: "day", upTo: 120, interval: () => d3.utcDay },
  { name: "week", upTo: 730, interval: () => d3.utcMonday },
  { name: "month", upTo: Infinity, interval: () => d3.utcMonth },
];

const MAX_BAR = 40;  // one day alone is a bar, not a wall

const utc = (day) => new Date(`${day}T00:00:00Z`);

// An axis whose ticks are whole days at least: a period of a few days is not cut into hours.
function dayAxis(axis, scale, room) {
  const [from, to] = scale.domain();
  const days = Math.round((to - from) / dayMs);
  return days <= room ? axis.ticks(d3.utcDay.every(Math.max(1, Math.ceil(days / room)))).tickFormat(d3.utcFormat("%b %-d"))
    : axis.ticks(room);
}
const iso = (date) => date.toISOString().slice(0, 10);

function colour(cls) {
  return QUAD_COLOURS[cls.quad] || UNCLASSIFIED_COLOUR;
}

export class Timeline {
  // `choose({since, until})` is called when the reader picks a period on the chart
  // (null for every date).
  constructor({ choose }) {
    this.choose = choose;
    this.chart = d3.select("#timeline");
    this.overview = d3.select("#overview");
    this.data = null;
    this.period = null;
    this.syncing = false;
    let resizing = null;
    window.addEventListener("resize", () => {
      clearTimeout(resizing);
      resizing = setTimeout(() => this.data && this.draw(this.data, this.period), 150);
    });
  }

  // `period`: {since, until} the selection covers, or null for all of its dates.
  draw(data, period) {
    this.data = data;
    this.period = period;
    this.legend(data, period);
    this.chart.selectAll("*").remove();
    this.chart.attr("data-from", null).attr("data-to", null);
    this.overview.selectAll("*").remove();
    const width = Math.max(300, this.chart.node().getBoundingClientRect().width);
    this.chart.attr("viewBox", `0 0 ${width} ${HEIGHT}`).attr("height", HEIGHT);
    this.overview.attr("viewBox", `0 0 ${width} ${OVERVIEW_HEIGHT}`).attr("height", OVERVIEW_HEIGHT);
    const w = width - MARGIN.left - MARGIN.right;
    const h = HEIGHT - MARGIN.top - MARGIN.bottom;
    if (!data.days.length) {
      this.chart.append("text").attr("x", width / 2).attr("y", HEIGHT / 2).attr("text-anchor", "middle")
        .text("no dated events in this selection");
      this.summary(data, period, []);
      return;
    }
    const first = utc(data.days[0].date);
    const last = d3.utcDay.offset(utc(data.days[data.days.length - 1].date), 1);
    const shown = period ? [utc(period.since || data.days[0].date),
      d3.utcDay.offset(utc(period.until || data.days[data.days.length - 1].date), 1)] : [first, last];
    const full = [d3.min([first, shown[0]]), d3.max([last, shown[1]])];
    // The days the chart spans, for the reader's tools and the tests.
    this.chart.attr("data-from", iso(shown[0])).attr("data-to", iso(d3.utcDay.offset(shown[1], -1)));
    const x2 = d3.scaleUtc().domain(full).range([0, w]);
    const x = d3.scaleUtc().domain(shown).range([0, w]);
    const spanDays = Math.round((shown[1] - shown[0]) / dayMs);
    const bucket = BUCKETS.find((b) => spanDays <= b.upTo);
    const bars = this.buckets(data, bucket.interval());
    const visible = bars.filter((b) => b.end > shown[0] && b.start < shown[1]);
    const y = d3.scaleLinear().domain([0, d3.max(visible, (b) => b.total) || 1]).nice().range([h, 0]);

    const root = this.chart.append("g").attr("transform", `translate(${MARGIN.left},${MARGIN.top})`);
    this.chart.append("defs").append("clipPath").attr("id", "timeline-clip")
      .append("rect").attr("width", w).attr("height", h);
    const xAxis = root.append("g").attr("class", "axis").attr("transform", `translate(0,${h})`);
    // Counts are whole numbers: no tick between them.
    root.append("g").attr("class", "axis")
      .call(d3.axisLeft(y).tickValues(y.ticks(4).filter(Number.isInteger)).tickFormat(d3.format(",d")));
    const plot = root.append("g").attr("clip-path", "url(#timeline-clip)");
    const groups = plot.selectAll("g.bar").data(bars).join("g").attr("class", "bar")
      .attr("data-date", (b) => iso(b.start));
    groups.append("title").text((b) => this.describe(b, bucket, data.classes));
    groups.selectAll("rect").data((b) => b.segments).join("rect").attr("fill", (s) => s.colour);
    groups.on("click", (event, b) => {
      if (event.defaultPrevented) return;  // the end of a pan, not a click
      this.choose({ since: iso(b.start), until: iso(d3.utcDay.offset(b.end, -1)) });
    });
    const barWidth = (span) => Math.min(MAX_BAR, Math.max(1, span - 2 * Math.min(span * 0.1, 4)));
    const place = (scale) => {
      groups.selectAll("rect")
        .attr("x", function place_x() {
          const b = d3.select(this.parentNode).datum();
          const span = scale(b.end) - scale(b.start);
          return scale(b.start) + (span - barWidth(span)) / 2;
        })
        .attr("width", function place_w() {
          const b = d3.select(this.parentNode).datum();
          return barWidth(scale(b.end) - scale(b.start));
        })
        .attr("y", (s) => y(s.top))
        .attr("height", (s) => Math.max(0, y(s.bottom) - y(s.top)));
      xAxis.call(dayAxis(d3.axisBottom(scale), scale, Math.max(2, Math.floor(w / 90))).tickSizeOuter(0));
    };
    place(x);

    // The overview: every date of the selection, and the brush over the period.
    const overviewBars = this.buckets(data, (Math.round((full[1] - full[0]) / dayMs) > 730 ? d3.utcMonday : d3.utcDay));
    const oy = d3.scaleLinear().domain([0, d3.max(overviewBars, (b) => b.total) || 1])
      .range([OVERVIEW_HEIGHT - 16, 2]);
    const context = this.overview.append("g").attr("transform", `translate(${MARGIN.left},0)`);
    context.append("g").selectAll("rect").data(overviewBars).join("rect").attr("class", "overview-bar")
      .attr("x", (b) => x2(b.start)).attr("width", (b) => Math.min(MAX_BAR, Math.max(1, x2(b.end) - x2(b.start) - 0.5)))
      .attr("y", (b) => oy(b.total)).attr("height", (b) => OVERVIEW_HEIGHT - 16 - oy(b.total));
    context.append("g").attr("class", "axis").attr("transform", `translate(0,${OVERVIEW_HEIGHT - 16})`)
      .call(dayAxis(d3.axisBottom(x2), x2, Math.max(2, Math.floor(w / 110))).tickSize(3));

    const brush = d3.brushX().extent([[0, 0], [w, OVERVIEW_HEIGHT - 16]]);
    const zoom = d3.zoom().scaleExtent([1, Math.max(1, (full[1] - full[0]) / dayMs / 3)])
      .translateExtent([[0, 0], [w, h]]).extent([[0, 0], [w, h]]);
    const brushLayer = context.append("g").attr("class", "brush");
    brush.on("brush", (event) => {
      if (this.syncing || !event.sourceEvent) return;
      x.domain(event.selection.map(x2.invert));
      place(x);
      this.syncing = true;
      this.chart.call(zoom.transform, d3.zoomIdentity.scale(w / (event.selection[1] - event.selection[0]))
        .translate(-event.selection[0], 0));
      this.syncing = false;
    });
    brush.on("end", (event) => {
      if (this.syncing || !event.sourceEvent) return;
      if (!event.selection) {
        this.choose(null);
        return;
      }
      this.pick(event.selection.map(x2.invert));
    });
    let moved = false;
    zoom.on("zoom", (event) => {
      if (this.syncing) return;
      moved = moved || Boolean(event.sourceEvent);
      x.domain(event.transform.rescaleX(x2).domain());
      place(x);
      this.syncing = true;
      brushLayer.call(brush.move, x.range().map(event.transform.invertX, event.transform));
      this.syncing = false;
    });
    zoom.on("end", () => {
      if (this.syncing || !moved) return;  // a click without a move is a bar's
      moved = false;
      this.pick(x.domain());
    });
    brushLayer.call(brush);
    this.syncing = true;
    brushLayer.call(brush.move, shown.map(x2));
    this.chart.call(zoom).call(zoom.transform, d3.zoomIdentity.scale(w / Math.max(1, x2(shown[1]) - x2(shown[0])))
      .translate(-x2(shown[0]), 0));
    this.chart.on("dblclick.zoom", null);  // a double click would zoom by a fixed step: the buttons do that
    this.syncing = false;
    this.summary(data, period, visible);
  }

  // Whole days: the period starts at the day the left edge falls on and ends on the day
  // before the right edge's day starts.
  pick([from, to]) {
    const since = d3.utcDay.round(from);
    const until = d3.utcDay.offset(d3.max([d3.utcDay.round(to), d3.utcDay.offset(since, 1)]), -1);
    this.choose({ since: iso(since), until: iso(until) });
  }

  buckets(data, interval) {
    const found = new Map();
    for (const day of data.days) {
      const start = interval.floor(utc(day.date));
      const key = +start;
      let bar = found.get(key);
      if (!bar) {
        bar = { start, end: interval.offset(start, 1), counts: new Array(data.classes.length).fill(0), total: 0 };
        found.set(key, bar);
      }
      day.counts.forEach((n, i) => { bar.counts[i] += n; bar.total += n; });
    }
    const bars = [...found.values()];
    for (const bar of bars) {
      let top = 0;
      bar.segments = bar.counts.map((n, i) => {
        const segment = { bottom: top, top: top + n, colour: colour(data.classes[i]) };
        top += n;
        return segment;
      }).filter((s) => s.top > s.bottom);
    }
    return bars;
  }

  describe(bar, bucket, classes) {
    const from = iso(bar.start);
    const to = iso(d3.utcDay.offset(bar.end, -1));
    const when = bucket.name === "day" ? from : `${from} to ${to}`;
    const parts = classes.map((c, i) => (bar.counts[i] ? `${c.label} ${bar.counts[i]}` : null)).filter(Boolean);
    return `${when}: ${plural(bar.total, "event")} (${parts.join(", ")})`;
  }

  legend(data, period) {
    const legend = document.getElementById("legend");
    legend.replaceChildren();
    const inPeriod = (day) => !period || ((!period.since || day.date >= period.since)
      && (!period.until || day.date <= period.until));
    const totals = data.classes.map((_, i) => d3.sum(data.days.filter(inPeriod), (d) => d.counts[i]));
    data.classes.forEach((cls, i) => {
      const item = el("span", { class: "swatch" }, `${cls.label} (${totals[i]})`);
      item.style.setProperty("--swatch", colour(cls));  // CSSOM, not a style attribute: the CSP allows it
      legend.append(item);
    });
    if (data.undated) legend.append(el("span", { class: "meta" }, `${plural(data.undated, "undated event")}, not drawn`));
  }

  summary(data, period, visible) {
    // the events of the period's own days: a week's bar may start before the period does
    const inPeriod = (day) => !period || ((!period.since || day.date >= period.since)
      && (!period.until || day.date <= period.until));
    const total = d3.sum(data.days.filter(inPeriod), (d) => d3.sum(d.counts));
    const busiest = d3.greatest(visible, (b) => b.total);
    const span = period ? `from ${period.since || "the first date"} to ${period.until || "the last date"}`
      : "over every date";
    const text = busiest
      ? `${plural(total, "event")} ${span}; the busiest bar, starting ${iso(busiest.start)}, has ${busiest.total}.`
      : `No dated events ${span}.`;
    document.getElementById("timeline-summary").textContent = text;
    this.chart.attr("aria-label", `Timeline: ${text}`);
  }
}
