// sitrep dashboard: plain JS, no external assets. All article text goes in via
// textContent / text nodes, never innerHTML, so it cannot run as markup.
"use strict";
const SVGNS = "http://www.w3.org/2000/svg";
const W = 960, H = 480;
const COLOURS = {
  "Battles": "#d62728", "Explosions/Remote violence": "#ff7f0e", "Violence against civilians": "#9467bd",
  "Protests": "#2ca02c", "Riots": "#8c564b", "Strategic developments": "#1f77b4",
};
const state = { filters: {}, brush: null, points: [], sort: "date", offset: 0, limit: 50, view: null };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) node.setAttribute(k, v);
  for (const c of children) node.append(c === null || c === undefined ? "" : c);  // strings become text nodes
  return node;
}
function svg(tag, attrs) {
  const node = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}
async function getJSON(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(url + ": " + r.status);
  return r.json();
}
function query(extra) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...state.filters, ...extra })) if (v) p.set(k, v);
  return p.toString();
}
const project = (lon, lat) => [(lon + 180) / 360 * W, (90 - lat) / 180 * H];
const colour = (type) => COLOURS[type] || "#555";

// --- TopoJSON decoding (enough for world-atlas polygons and the admin-1 topology) ---
function decodeArcs(topo) {
  const [sx, sy] = topo.transform.scale, [tx, ty] = topo.transform.translate;
  return topo.arcs.map((arc) => { let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; }); });
}
const linePath = (pts) => "M" + pts.map(([lon, lat]) => project(lon, lat).map((v) => v.toFixed(2)).join(",")).join("L");
function ringPath(ring, arcs) {
  const pts = [];
  for (const i of ring) { const a = i < 0 ? arcs[~i].slice().reverse() : arcs[i]; pts.push(...a); }
  return linePath(pts) + "Z";
}
const geometryRings = (geom) => geom.type === "Polygon" ? geom.arcs : geom.type === "MultiPolygon" ? geom.arcs.flat() : [];
async function drawCountries() {
  const topo = await getJSON("/boundaries/countries-50m.json");
  const arcs = decodeArcs(topo), g = document.getElementById("countries");
  for (const geom of topo.objects.countries.geometries) {
    const polys = geom.type === "Polygon" ? [geom.arcs] : geom.type === "MultiPolygon" ? geom.arcs : [];
    const d = polys.map((rings) => rings.map((r) => ringPath(r, arcs)).join("")).join("");
    const path = svg("path", { d, "data-name": (geom.properties || {}).name || "", "data-id": geom.id || "" });
    path.append(svg("title")); path.lastChild.textContent = (geom.properties || {}).name || "";
    g.append(path);
  }
}

// --- admin-1 (province, governorate) boundaries: fetched only once the dashboard is drawn and the map is
// zoomed in past ADMIN1_ZOOM, so they never delay first paint. Only borders between two regions are drawn;
// coasts and national borders come from the country layer.
const ADMIN1_ZOOM = 3;  // shown when the map is zoomed in at least this much (viewBox width <= W / 3)
let admin1Requested = false;
function admin1Wanted() { return document.body.dataset.ready === "1" && state.view[2] <= W / ADMIN1_ZOOM; }
function maybeLoadAdmin1() {
  if (admin1Requested || !admin1Wanted()) return;
  admin1Requested = true;
  drawAdmin1().catch((err) => { admin1Requested = false; console.error("admin-1 boundaries:", err); });
}
async function drawAdmin1() {
  const topo = await getJSON("/boundaries/admin1.json");
  const arcs = decodeArcs(topo), geometries = topo.objects.admin1.geometries;
  const uses = new Uint8Array(arcs.length);  // regions using each arc; 2 = a border between two regions
  const arcsOf = (geom) => [...new Set(geometryRings(geom).flat().map((i) => (i < 0 ? ~i : i)))];
  for (const geom of geometries) for (const i of arcsOf(geom)) uses[i] = Math.min(2, uses[i] + 1);
  const layer = document.createDocumentFragment();
  for (const geom of geometries) {
    const shared = arcsOf(geom).filter((i) => uses[i] > 1);
    if (!shared.length) continue;  // an island region, or a country with one region: nothing inside to draw
    const props = geom.properties || {};
    const path = svg("path", { d: shared.map((i) => linePath(arcs[i])).join(""), "data-id": geom.id || "",
      "data-name": props.name || "", "data-country": props.iso_a3 || "" });
    path.append(svg("title")); path.lastChild.textContent = props.name || "";
    layer.append(path);
  }
  document.getElementById("admin1").append(layer);
  performance.mark("sitrep-admin1-drawn");
  document.body.dataset.admin1 = "1";
}

// --- map: zoom/pan by viewBox, markers clustered on a screen grid ---
function setView(v) {
  state.view = v;
  const map = document.getElementById("map");
  map.setAttribute("viewBox", v.join(" "));
  map.classList.toggle("zoomed-in", v[2] <= W / ADMIN1_ZOOM);
  drawMarkers();
  maybeLoadAdmin1();
}
function fitView(points) {
  const xy = points.filter((p) => p.lat !== null).map((p) => project(p.lon, p.lat));
  if (!xy.length) return setView([0, 0, W, H]);
  let [x0, y0, x1, y1] = [Math.min(...xy.map((p) => p[0])), Math.min(...xy.map((p) => p[1])),
    Math.max(...xy.map((p) => p[0])), Math.max(...xy.map((p) => p[1]))];
  const pad = 8; x0 -= pad; y0 -= pad; x1 += pad; y1 += pad;
  let w = x1 - x0, h = y1 - y0;
  if (w / h > 2) { const nh = w / 2; y0 -= (nh - h) / 2; h = nh; } else { const nw = h * 2; x0 -= (nw - w) / 2; w = nw; }
  setView([x0, y0, w, h]);
}
function visiblePoints() {
  const b = state.brush;
  return state.points.filter((p) => p.lat !== null && (!b || (p.date_start >= b[0] && p.date_start <= b[1])));
}
function drawMarkers() {
  const g = document.getElementById("markers"), map = document.getElementById("map");
  g.replaceChildren();
  const scale = state.view[2] / (map.clientWidth || W);  // map units per screen pixel
  const cell = 18 * scale, cells = new Map();
  for (const p of visiblePoints()) {
    const [x, y] = project(p.lon, p.lat);
    const key = Math.floor(x / cell) + ":" + Math.floor(y / cell);
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key).push([p, x, y]);
  }
  for (const members of cells.values()) {
    if (members.length <= 3) {
      for (const [p, x, y] of members) {
        const r = (4 + Math.min(10, Math.sqrt(p.fatalities || 0) * 1.5)) * scale;
        const c = svg("circle", { cx: x, cy: y, r, class: "marker", fill: colour(p.event_type),
          "data-id": p.id, "data-type": p.event_type, "data-lat": p.lat, "data-lon": p.lon });
        const t = svg("title"); t.textContent = `${p.date_start || ""} ${p.event_type} – ${p.location || ""}`;
        c.append(t);
        c.addEventListener("click", () => { location.href = "/events/" + encodeURIComponent(p.id); });
        g.append(c);
      }
    } else {
      const x = members.reduce((s, m) => s + m[1], 0) / members.length;
      const y = members.reduce((s, m) => s + m[2], 0) / members.length;
      const c = svg("circle", { cx: x, cy: y, r: (8 + Math.log2(members.length) * 2) * scale, class: "cluster",
        "data-count": members.length });
      c.addEventListener("click", () => { const v = state.view; setView([x - v[2] / 6, y - v[3] / 6, v[2] / 3, v[3] / 3]); });
      const label = svg("text", { x, y, "font-size": 10 * scale }); label.textContent = String(members.length);
      g.append(c, label);
    }
  }
}
function enablePanZoom() {
  const map = document.getElementById("map");
  map.addEventListener("wheel", (e) => {
    e.preventDefault();
    const v = state.view, f = e.deltaY > 0 ? 1.25 : 0.8, r = map.getBoundingClientRect();
    const mx = v[0] + (e.clientX - r.left) / r.width * v[2], my = v[1] + (e.clientY - r.top) / r.height * v[3];
    setView([mx - (mx - v[0]) * f, my - (my - v[1]) * f, v[2] * f, v[3] * f]);
  }, { passive: false });
  let drag = null;
  map.addEventListener("mousedown", (e) => { drag = [e.clientX, e.clientY, state.view.slice()]; });
  window.addEventListener("mouseup", () => { drag = null; });
  map.addEventListener("mousemove", (e) => {
    if (!drag) return;
    const r = map.getBoundingClientRect(), v = drag[2];
    setView([v[0] - (e.clientX - drag[0]) / r.width * v[2], v[1] - (e.clientY - drag[1]) / r.height * v[3], v[2], v[3]]);
  });
}
function drawLegend() {
  const legend = document.getElementById("legend");
  legend.replaceChildren(...Object.entries(COLOURS).map(([t, c]) => { const i = el("i"); i.style.background = c; return el("span", {}, i, t); }));
}

// --- timeline: bars per day or week, stacked by type; drag to brush a date range ---
const DAY = 86400000;
function bucketKey(date, weekly) {
  if (!weekly) return date;
  const d = new Date(date + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}
function drawTimeline() {
  const tl = document.getElementById("timeline");
  tl.replaceChildren();
  const dated = state.points.filter((p) => p.date_start);
  if (!dated.length) return;
  const times = dated.map((p) => Date.parse(p.date_start));
  const t0 = Math.min(...times), t1 = Math.max(...times) + DAY;
  const weekly = (t1 - t0) / DAY > 120, step = weekly ? 7 * DAY : DAY;
  const buckets = new Map();
  for (const p of dated) {
    const k = bucketKey(p.date_start, weekly);
    if (!buckets.has(k)) buckets.set(k, {});
    buckets.get(k)[p.event_type] = (buckets.get(k)[p.event_type] || 0) + 1;
  }
  const max = Math.max(...[...buckets.values()].map((b) => Object.values(b).reduce((a, c) => a + c, 0)));
  const x = (t) => (t - t0) / (t1 - t0 + step) * 960;
  const bw = Math.max(1, x(t0 + step) - x(t0) - 1);
  for (const [k, counts] of buckets) {
    let y = 115;
    for (const [type, n] of Object.entries(counts)) {
      const h = n / max * 105;
      const bar = svg("rect", { x: x(Date.parse(k)), y: y - h, width: bw, height: h, fill: colour(type), class: "bar",
        "data-date": k, "data-type": type, "data-count": n });
      tl.append(bar); y -= h;
    }
  }
  const brush = svg("rect", { class: "brush", x: 0, y: 0, width: 0, height: 120 });
  tl.append(brush);
  const toDate = (px) => new Date(t0 + px / 960 * (t1 - t0 + step)).toISOString().slice(0, 10);
  const toPx = (e) => { const r = tl.getBoundingClientRect(); return Math.max(0, Math.min(960, (e.clientX - r.left) / r.width * 960)); };
  let start = null;
  tl.onmousedown = (e) => { start = toPx(e); brush.setAttribute("x", start); brush.setAttribute("width", 0); };
  tl.onmousemove = (e) => { if (start === null) return; const p = toPx(e);
    brush.setAttribute("x", Math.min(start, p)); brush.setAttribute("width", Math.abs(p - start)); };
  tl.onmouseup = (e) => {
    if (start === null) return; const p = toPx(e), a = Math.min(start, p), b = Math.max(start, p); start = null;
    setBrush(b - a < 2 ? null : [toDate(a), toDate(b)]);
  };
}
function setBrush(range) {
  state.brush = range; state.offset = 0;
  document.getElementById("date-range").textContent = range ? `${range[0]} – ${range[1]}` : "";
  if (!range) { const b = document.querySelector("#timeline .brush"); if (b) b.setAttribute("width", 0); }
  drawMarkers(); loadTable();
}

// --- table: server-side paging and sorting with the same filters ---
async function loadTable() {
  const extra = { sort: state.sort, limit: state.limit, offset: state.offset };
  if (state.brush) { extra.since = state.brush[0]; extra.until = state.brush[1]; }
  const page = await getJSON("/api/events?" + query(extra));
  const rows = page.items.map((e) => {
    const link = el("a", { href: "/events/" + encodeURIComponent(e.id) }, e.date_start || "?");
    return el("tr", { "data-id": e.id, "data-type": e.event_type }, el("td", {}, link), el("td", {}, e.event_type),
      el("td", {}, [e.location, e.admin1, e.country].filter(Boolean).join(", ")), el("td", {}, e.actor1 || ""),
      el("td", {}, e.actor2 || ""), el("td", {}, e.fatalities_best ?? ""), el("td", {}, String(e.reports)));
  });
  document.querySelector("#events-table tbody").replaceChildren(...rows);
  document.getElementById("page-info").textContent =
    `${page.total ? page.offset + 1 : 0}–${page.offset + page.items.length} of ${page.total}`;
  state.total = page.total;
}
async function loadPoints(fit) {
  const data = await getJSON("/api/events/points?" + query({}));
  state.points = data.rows.map((r) => Object.fromEntries(data.fields.map((f, i) => [f, r[i]])));
  drawTimeline();
  if (fit) fitView(state.points); else drawMarkers();
  document.getElementById("status").textContent = `${state.points.length} events`;
}
async function initDashboard() {
  drawLegend();
  const types = await getJSON("/api/event-types");
  const select = document.getElementById("filter-type");
  for (const [t, n] of Object.entries(types)) select.append(el("option", { value: t }, `${t} (${n})`));
  document.getElementById("filters").addEventListener("submit", (e) => {
    e.preventDefault();
    const form = new FormData(e.target); state.filters = Object.fromEntries(form.entries()); state.offset = 0;
    loadPoints(false); loadTable();
  });
  select.addEventListener("change", () => document.getElementById("filters").requestSubmit());
  document.getElementById("clear-brush").addEventListener("click", () => setBrush(null));
  for (const th of document.querySelectorAll("th[data-sort]")) th.addEventListener("click", () => {
    const s = th.dataset.sort; state.sort = state.sort === s && s === "date" ? "-date" : s; loadTable(); });
  document.getElementById("prev").onclick = () => { state.offset = Math.max(0, state.offset - state.limit); loadTable(); };
  document.getElementById("next").onclick = () => { if (state.offset + state.limit < state.total) { state.offset += state.limit; loadTable(); } };
  enablePanZoom();
  state.view = [0, 0, W, H];
  await Promise.all([drawCountries(), loadPoints(true), loadTable()]);
  performance.mark("sitrep-map-drawn");
  document.body.dataset.ready = "1";
  maybeLoadAdmin1();
}

// --- event page ---
function highlighted(text, marks) {
  // marks: [{start, end, className, title}] within text; outer evidence, inner framing, non-overlapping pieces.
  const cuts = new Set([0, text.length]);
  for (const m of marks) { cuts.add(Math.max(0, m.start)); cuts.add(Math.min(text.length, m.end)); }
  const points = [...cuts].sort((a, b) => a - b), p = el("p", { class: "paragraph" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]], piece = text.slice(a, b);
    let node = document.createTextNode(piece);
    for (const m of marks.filter((m) => m.start <= a && b <= m.end).sort((x, y) => (y.end - y.start) - (x.end - x.start)).reverse()) {
      const mark = el("mark", { class: m.className, title: m.title || null }); mark.append(node); node = mark;
    }
    p.append(node);
  }
  return p;
}
function chainNode(chain) {
  const span = el("span", { class: "chain" });
  chain.forEach((s, i) => {
    if (i) span.append(el("span", { class: "arrow" }, " → "));
    span.append(s.source_id ? el("a", { href: "/sources/" + s.source_id, title: s.kind }, s.name) : el("span", { title: s.kind }, s.name));
  });
  return span;
}
async function initEvent(id) {
  const view = document.getElementById("event-view");
  document.getElementById("dashboard-view").hidden = true; view.hidden = false;
  let e;
  try { e = await getJSON("/api/events/" + encodeURIComponent(id)); }
  catch (err) { view.replaceChildren(el("p", {}, "No such event: " + id)); return; }
  const place = e.locations[0] || {};
  const figures = el("table", { class: "figures" }, el("tr", {}, el("th", {}, "figure"), el("th", {}, "low"), el("th", {}, "best"), el("th", {}, "high")),
    ...e.figures.map((f) => el("tr", {}, el("td", {}, f.kind), el("td", {}, f.low ?? ""), el("td", {}, f.best ?? ""), el("td", {}, f.high ?? ""))));
  const reports = e.reports.map((r) => {
    const marks = [{ start: r.evidence_offsets[0], end: r.evidence_offsets[1], className: "evidence" },
      ...r.framing.map((f) => ({ start: f.offsets[0], end: f.offsets[1], className: "framing", title: f.category }))];
    return el("article", { class: "report", "data-doc": r.doc },
      el("h3", {}, r.outlet || r.doc), el("div", { class: "meta" }, [r.title, r.published, r.doc].filter(Boolean).join(" · ")),
      el("div", {}, "Source chain: ", chainNode(r.chain)),
      el("div", {}, `Coded as ${r.event_type} / ${r.sub_event_type} · ${r.modality}`),
      highlighted(r.paragraph || r.evidence || "", r.paragraph ? marks : [{ start: 0, end: (r.evidence || "").length, className: "evidence" }]),
      r.url ? el("a", { href: r.url, rel: "noopener noreferrer nofollow" }, "original") : "");
  });
  view.replaceChildren(
    el("p", {}, el("a", { href: "/" }, "← all events")),
    el("h1", {}, `${e.event_type}: ${e.sub_event_type}`),
    e.redirected ? el("p", { class: "note" }, `Event ${e.requested_id} was merged into ${e.id}.`) : "",
    el("p", {}, `${e.date ? e.date.start + (e.date.end !== e.date.start ? " – " + e.date.end : "") + " (" + e.date.precision + ")" : "date unknown"} · `
      + [place.name, place.admin1, place.country].filter(Boolean).join(", ")),
    el("p", {}, `Actors: ${e.actors.map((a) => `${a.name} (${a.role})`).join("; ") || "none coded"} · PLOVER ${e.plover}`),
    el("h2", {}, "Figures"), figures,
    el("h2", {}, "Contradictions"),
    el("ul", {}, ...(e.contradictions.length ? e.contradictions.map((c) => el("li", { class: "contradiction" }, `${c.kind}: ${c.description}`,
      el("ul", {}, ...(c.positions || []).map((p) => el("li", {}, `${p.says} [${p.doc}]: `, el("q", {}, p.text)))))) : [el("li", {}, "none")])),
    el("h2", {}, `Reports (${e.reports.length})`), el("div", { class: "reports" }, ...reports));
  document.body.dataset.ready = "1";
}

// --- source page ---
async function initSource(id) {
  const view = document.getElementById("source-view");
  document.getElementById("dashboard-view").hidden = true; view.hidden = false;
  let s;
  try { s = await getJSON("/api/sources/" + encodeURIComponent(id)); }
  catch (err) { view.replaceChildren(el("p", {}, "No such source: " + id)); return; }
  const rows = s.reports.map((r) => el("tr", {}, el("td", {}, r.date_start || ""),
    el("td", {}, r.event_id ? el("a", { href: "/events/" + encodeURIComponent(r.event_id) }, r.event_type) : r.event_type),
    el("td", {}, [r.location, r.country].filter(Boolean).join(", ")), el("td", {}, r.position === 0 ? "originator" : `position ${r.position}`),
    el("td", {}, r.modality), el("td", {}, `${r.outlet || ""} (${r.document})`)));
  view.replaceChildren(el("p", {}, el("a", { href: "/" }, "← all events")), el("h1", {}, s.name),
    el("p", {}, `${s.kind} · cited in ${s.mentions} reports of ${s.events} events`),
    el("table", {}, el("tr", {}, ...["Date", "Event", "Place", "In chain", "Modality", "Document"].map((h) => el("th", {}, h))), ...rows));
  document.body.dataset.ready = "1";
}

document.addEventListener("DOMContentLoaded", () => {
  const [, kind, id] = location.pathname.split("/");
  if (kind === "events" && id) initEvent(decodeURIComponent(id));
  else if (kind === "sources" && id) initSource(decodeURIComponent(id));
  else initDashboard();
});
