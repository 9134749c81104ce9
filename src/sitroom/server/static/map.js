// The map: Leaflet with the country boundaries as its only layer (no tiles: the page
// loads nothing from elsewhere), countries shaded by their events, and the places as
// markers sized by their death toll, clustered by Leaflet.markercluster (a cluster's
// size is the toll of the places it holds). Zoom and pan with the wheel, a drag, the
// buttons or the keyboard (+, -, arrows).
/* global d3, L */
import { el, isolate, plural } from "./dom.js";

const WORLD_BOUNDS = [[-58, -170], [78, 190]];
const FIT_MAX_ZOOM = 6;
const MIN_ICON = 12;  // a place without a toll
const MAX_ICON = 54;  // the whole selection's toll in one cluster
// Clicking a place filters to a box this many degrees around it: its own events.
const PLACE_BOX = 0.05;

function clamp(value, limit) {
  return Math.max(-limit, Math.min(limit, value));
}

export class WorldMap {
  constructor({ filterCountry, filterArea }) {
    this.filterCountry = filterCountry;
    this.filterArea = filterArea;
    // Readers who ask their system for less motion get a map that zooms without animation.
    const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    this.map = L.map("map", { zoomSnap: 0.5, minZoom: 1, maxZoom: 10, worldCopyJump: false, zoomAnimation: !still,
      fadeAnimation: !still, markerZoomAnimation: !still, inertia: !still });
    // The zoom level, on the page for the reader's tools and the tests.
    this.map.on("zoomend", () => { this.map.getContainer().dataset.zoom = String(this.map.getZoom()); });
    this.map.fitBounds(WORLD_BOUNDS);
    this.map.attributionControl.addAttribution("Boundaries: Natural Earth");
    this.countries = new Map();  // iso_a3 -> [layer]
    this.names = new Map();
    this.clusters = L.markerClusterGroup({
      showCoverageOnHover: false, maxClusterRadius: 44, spiderfyOnMaxZoom: true, animate: !still,
      iconCreateFunction: (cluster) => this.clusterIcon(cluster),
    });
    this.map.addLayer(this.clusters);
    this.scale = 1;
    document.getElementById("world").addEventListener("click", () => this.map.fitBounds(WORLD_BOUNDS));
    document.getElementById("map-filter").addEventListener("click", () => this.filterView());
  }

  async loadBoundaries() {
    const response = await fetch("/static/countries.geojson");
    const world = await response.json();
    L.geoJSON(world, {
      style: () => ({ className: "country", weight: 0.6, color: "#8a9299", fillColor: "#f7f7f4", fillOpacity: 1 }),
      onEachFeature: (feature, layer) => {
        const code = feature.properties.iso_a3;
        this.names.set(code, feature.properties.name);
        if (!code) return;
        if (!this.countries.has(code)) this.countries.set(code, []);
        this.countries.get(code).push(layer);
        layer.feature.events = 0;
        layer.bindTooltip(() => el("span", {}, `${feature.properties.name}: ${plural(layer.feature.events, "event")}`),
          { sticky: true });
        layer.on("click", () => this.filterCountry(code));
        layer.on("add", () => {
          const path = layer.getElement && layer.getElement();
          if (path) path.setAttribute("data-country", code);
        });
      },
    }).addTo(this.map);
  }

  // `fit`: zoom to the selection's places (a new selection); a reload keeps the view.
  draw(data, { fit }) {
    const counts = new Map(data.countries.map((c) => [c.country, c]));
    const highest = d3.max(data.countries, (c) => c.events) || 1;
    const shade = d3.scaleLog().domain([1, Math.max(2, highest)]).range([0.18, 0.85]).clamp(true);
    for (const [code, layers] of this.countries) {
      const found = counts.get(code);
      for (const layer of layers) {
        layer.feature.events = found ? found.events : 0;
        layer.setStyle({ fillColor: found ? d3.interpolateBlues(shade(found.events)) : "#f7f7f4" });
        const path = layer.getElement && layer.getElement();
        if (path) path.classList.toggle("shaded", Boolean(found));
      }
    }
    this.scale = Math.max(1, d3.sum(data.places, (p) => p.killed));
    this.clusters.clearLayers();
    const markers = data.places.map((place) => {
      const where = [place.name || "unnamed place", place.admin1, place.country].filter(Boolean).join(", ");
      const text = `${where}: ${plural(place.events, "event")}, ${place.killed} killed`;
      const marker = L.marker([place.lat, place.lon], {
        icon: this.icon(place.killed, 1, `${isolate(where)}: ${plural(place.events, "event")}, ${place.killed} killed`, false),
        keyboard: true, title: `${isolate(where)}: ${plural(place.events, "event")}, ${place.killed} killed`,
        killed: place.killed, events: place.events,
      });
      marker.bindTooltip(() => el("span", {}, text));
      marker.on("click", () => this.filterArea([place.lon - PLACE_BOX, place.lat - PLACE_BOX,
        place.lon + PLACE_BOX, place.lat + PLACE_BOX]));
      return marker;
    });
    this.clusters.addLayers(markers);
    if (fit) {
      if (data.places.length) {
        this.map.fitBounds(L.latLngBounds(data.places.map((p) => [p.lat, p.lon])).pad(0.2),
          { maxZoom: FIT_MAX_ZOOM });
      } else {
        this.map.fitBounds(WORLD_BOUNDS);
      }
    }
    this.summary(data);
  }

  size(killed) {
    return killed > 0 ? MIN_ICON + 4 + (MAX_ICON - MIN_ICON - 4) * Math.sqrt(killed / this.scale) : MIN_ICON;
  }

  icon(killed, places, label, cluster) {
    const d = Math.round(this.size(killed));
    const node = el("span", { class: "toll", "data-killed": killed, "data-places": places },
      killed > 0 ? String(killed) : "", el("span", { class: "sr-only" }, label));
    return L.divIcon({ html: node, className: `place-icon${cluster ? " cluster" : ""}${killed > 0 ? "" : " no-toll"}`,
      iconSize: [d, d] });
  }

  clusterIcon(cluster) {
    const children = cluster.getAllChildMarkers();
    const killed = d3.sum(children, (m) => m.options.killed);
    const events = d3.sum(children, (m) => m.options.events);
    return this.icon(killed, children.length, `${plural(children.length, "place")}: ${plural(events, "event")}, ${killed} killed; `
      + "Enter zooms in", true);
  }

  filterView() {
    const b = this.map.getBounds();
    const wide = b.getEast() - b.getWest() >= 360;
    const box = [wide ? -180 : clamp(b.getWest(), 180), clamp(b.getSouth(), 90),
      wide ? 180 : clamp(b.getEast(), 180), clamp(b.getNorth(), 90)];
    this.filterArea(box);
  }

  summary(data) {
    const countries = data.countries.slice(0, 8).map((c) =>
      `${isolate(this.names.get(c.country) || c.country)} ${plural(c.events, "event")}`);
    const deadly = [...data.places].filter((p) => p.killed > 0).sort((a, b) => b.killed - a.killed).slice(0, 5)
      .map((p) => `${isolate(p.name || "unnamed place")} ${p.killed} killed`);
    const text = data.countries.length
      ? `Events by country: ${countries.join(", ")}.${deadly.length ? ` Deadliest places: ${deadly.join(", ")}.` : ""}`
      : "No located events in this selection.";
    document.getElementById("map-summary").textContent = text;
  }
}
