/* eventwire dashboard: map, timeline, table, event panel, paste box.
 *
 * Safety rule for this file: every piece of data from the server (article
 * text, titles, actor names, ...) reaches the page through textContent,
 * setAttribute on inert attributes, or DOM properties -- never innerHTML.
 * The Content-Security-Policy forbids inline script anyway.
 */
(function () {
  "use strict";

  var TYPES = [
    ["Battles", "battles"],
    ["Explosions/Remote violence", "explosions"],
    ["Violence against civilians", "vac"],
    ["Protests", "protests"],
    ["Riots", "riots"],
    ["Strategic developments", "strategic"]
  ];
  var SLUG = {};
  TYPES.forEach(function (t) { SLUG[t[0]] = t[1]; });
  function slug(type) { return SLUG[type] || "other"; }

  var MAX_EVENTS = 5000;
  var FIELD_ORDER = [
    "event_id", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "iso3", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "confidence", "attribution", "doc_id", "title", "url", "published"
  ];
  var SKIP_FIELDS = { evidence: 1, provenance: 1, sources: 1, merge_reasons: 1, members: 1 };

  // ------------------------------------------------------------ DOM helpers
  function $(id) { return document.getElementById(id); }

  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === "text") node.textContent = String(v);
        else if (k === "className") node.className = v;
        else node.setAttribute(k, String(v));
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) continue;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function safeUrl(u) {
    if (typeof u !== "string") return null;
    try {
      var parsed = new URL(u, window.location.href);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (e) { return null; }
  }

  function getJSON(url, opts) {
    return fetch(url, opts).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (!r.ok) {
          var d = body && body.detail;
          var msg = typeof d === "string" ? d : (Array.isArray(d) && d[0] && d[0].msg) || r.statusText;
          throw new Error(r.status + ": " + msg);
        }
        return body;
      });
    });
  }

  function status(msg) { $("status").textContent = msg || ""; }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function eventId(e) { return e.event_id_cnty || e.event_id || ""; }

  function fmt(v) {
    if (v === null || v === undefined) return "";
    if (typeof v === "object") return JSON.stringify(v);
    return String(v);
  }

  // ---------------------------------------------------------------- state
  var state = {
    config: { event_types: TYPES.map(function (t) { return t[0]; }), tiles: null, writable: false },
    events: [],          // loaded with the server-side filters
    byDay: [],           // stats.by_day for the same filters
    brush: null,         // [fromISO, toISO] from the timeline (client-side filter)
    selected: null,
    pasteEvents: [],
    pasteText: ""
  };

  // ------------------------------------------------------------------ map
  var map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 14 });
  map.setView([20, 20], 2);
  map.attributionControl.setPrefix("Leaflet");
  var basemap = null;
  var clusters = L.markerClusterGroup({
    maxClusterRadius: 36,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    iconCreateFunction: function (cluster) {
      var n = cluster.getChildCount();
      var size = n < 10 ? 30 : n < 100 ? 38 : 46;
      // coloured by the most frequent event type inside (grey ring when mixed)
      var counts = {}, top = "other", best = 0;
      cluster.getAllChildMarkers().forEach(function (m) {
        var t = m.options.ewType || "other";
        counts[t] = (counts[t] || 0) + 1;
        if (counts[t] > best) { best = counts[t]; top = t; }
      });
      var label = document.createElement("span");
      label.textContent = String(n);
      var mixed = best < n ? " mixed" : "";
      return L.divIcon({ html: label, className: "ew-cluster t-" + top + mixed, iconSize: [size, size] });
    }
  });
  map.addLayer(clusters);
  var pasteLayer = L.layerGroup().addTo(map);
  window.eventwire = { map: map };  // for scripting (web-src/screenshot.py) and the console

  function markerSize(fatalities) {
    var f = Math.max(0, Number(fatalities) || 0);
    return Math.round(Math.min(46, 12 + 5 * Math.sqrt(f)));
  }

  function makeMarker(e, preview) {
    var lat = Number(e.latitude), lon = Number(e.longitude);
    if (e.latitude === null || e.latitude === undefined || e.longitude === null || e.longitude === undefined ||
        !isFinite(lat) || !isFinite(lon)) return null;
    var d = markerSize(e.fatalities);
    var icon = L.divIcon({
      className: "ew-marker t-" + slug(e.event_type) + (preview ? " ew-preview" : ""),
      iconSize: [d, d]
    });
    var title = [e.event_date, e.event_type, e.location || e.country, (Number(e.fatalities) || 0) + " killed"]
      .filter(Boolean).join(" · ");
    var m = L.marker([lat, lon], { icon: icon, title: title, alt: title, riseOnHover: true, keyboard: true, ewType: slug(e.event_type) });
    m.on("add", function () {
      var node = m.getElement();
      if (node) node.setAttribute("data-event-id", eventId(e));
    });
    return m;
  }

  function loadBasemap() {
    return getJSON("/static/vendor/basemap/countries-110m.geojson").then(function (geo) {
      basemap = L.geoJSON(geo, {
        interactive: false,
        style: function () {
          return { className: "ew-country", weight: 0.6, fillOpacity: 1 };
        }
      }).addTo(map);
      basemap.bringToBack();
    }).catch(function () { status("basemap could not be loaded"); });
  }

  function visibleEvents() {
    if (!state.brush) return state.events;
    var a = state.brush[0], b = state.brush[1];
    return state.events.filter(function (e) {
      var d = (e.event_date || "").slice(0, 10);
      return d >= a && d <= b;
    });
  }

  var markerById = {};

  function markSelected() {
    Array.prototype.forEach.call(document.querySelectorAll(".ew-marker.selected"), function (n) { n.classList.remove("selected"); });
    var m = state.selected && markerById[state.selected];
    var node = m && m.getElement();
    if (node) node.classList.add("selected");
  }

  function renderMap(fit) {
    clusters.clearLayers();
    markerById = {};
    var markers = [];
    visibleEvents().forEach(function (e) {
      var m = makeMarker(e, false);
      if (!m) return;
      m.on("click", function () { selectEvent(eventId(e)); });
      m.on("add", markSelected);
      markerById[eventId(e)] = m;
      markers.push(m);
    });
    if (fit && markers.length) {  // move first, then cluster for the final zoom
      var b = L.latLngBounds(markers.map(function (m) { return m.getLatLng(); }));
      map.fitBounds(b.pad(0.3), { maxZoom: 5, animate: false });
    }
    clusters.addLayers(markers);
  }

  function renderLegend() {
    var box = $("legend");
    clear(box);
    TYPES.forEach(function (t) {
      box.appendChild(el("span", { className: "legend-item" },
        el("span", { className: "swatch t-" + t[1], "aria-hidden": "true" }), t[0]));
    });
    box.appendChild(el("span", { className: "legend-item" }, el("span", { className: "size-note", text: "size = fatalities" })));
  }

  // ------------------------------------------------------------- filters
  function filterParams() {
    var form = $("filters");
    var p = new URLSearchParams();
    ["date_from", "date_to", "event_type", "country", "actor", "text"].forEach(function (name) {
      var v = (form.elements[name].value || "").trim();
      if (v) p.set(name, v);
    });
    return p;
  }

  function exportParams() {
    var p = filterParams();
    if (state.brush) {
      var from = p.get("date_from"), to = p.get("date_to");
      p.set("date_from", from && from > state.brush[0] ? from : state.brush[0]);
      p.set("date_to", to && to < state.brush[1] ? to : state.brush[1]);
    }
    p.set("format", "csv");
    p.set("limit", String(MAX_EVENTS));
    return p;
  }

  function fillSelect(select, values, keep) {
    var current = select.value;
    while (select.options.length > 1) select.remove(1);
    values.forEach(function (v) { select.appendChild(el("option", { value: v, text: v })); });
    if (keep) select.value = current;
  }

  function countOf(r) { return Number(r.n !== undefined ? r.n : r.count) || 0; }

  function loadChoices() {
    fillSelect($("f-type"), state.config.event_types, true);
    return getJSON("/stats").then(function (s) {
      var countries = (s.by_country || []).map(function (r) { return r.country; }).filter(Boolean).sort();
      fillSelect($("f-country"), countries, true);
      var extra = (s.by_type || []).map(function (r) { return r.event_type; })
        .filter(function (t) { return t && state.config.event_types.indexOf(t) < 0; });
      if (extra.length) fillSelect($("f-type"), state.config.event_types.concat(extra), true);
    });
  }

  var loadSeq = 0;
  function load(fit) {
    var seq = ++loadSeq;
    var p = filterParams();
    var q = p.toString();
    status("loading…");
    var ev = new URLSearchParams(p);
    ev.set("limit", String(MAX_EVENTS));
    ev.set("order", "-event_date");  // newest first: if there are more than MAX_EVENTS, keep the recent ones
    return Promise.all([getJSON("/events?" + ev.toString()), getJSON("/stats" + (q ? "?" + q : ""))])
      .then(function (res) {
        if (seq !== loadSeq) return;  // a newer request has been made meanwhile
        state.events = res[0].events || [];
        state.total = res[0].total || 0;
        state.byDay = res[1].by_day || [];
        state.brush = null;
        renderAll(fit);
        var shown = state.events.length < state.total ? " (showing the first " + state.events.length + ")" : "";
        status(plural(state.total, "event") + shown);
      })
      .catch(function (err) { status("could not load events: " + err.message); });
  }

  function renderAll(fit) {
    renderMap(fit);
    renderTimeline();
    renderTable();
    $("export-csv").setAttribute("href", "/events?" + exportParams().toString());
    $("brush-clear").hidden = !state.brush;
    writeHash();
    $("brush-label").textContent = state.brush
      ? "showing " + state.brush[0] + " to " + state.brush[1]
      : "drag across the timeline to filter the map";
  }

  // ------------------------------------------------------------- timeline
  var DAY = 86400000;
  function dayNum(iso) { return Math.floor(Date.parse(iso.slice(0, 10) + "T00:00:00Z") / DAY); }
  function isoOf(n) { return new Date(n * DAY).toISOString().slice(0, 10); }

  var tl = { x0: 0, x1: 0, d0: 0, d1: 0, pad: 34 };

  function renderTimeline() {
    var box = $("timeline");
    clear(box);
    var width = box.clientWidth || 800, height = box.clientHeight || 140;
    box.setAttribute("viewBox", "0 0 " + width + " " + height);
    var rows = state.byDay.filter(function (r) { return r.date; });
    if (!rows.length) {
      var t = svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle", "class": "tl-empty" });
      t.textContent = "no dated events";
      box.appendChild(t);
      return;
    }
    var days = {};
    var d0 = Infinity, d1 = -Infinity;
    rows.forEach(function (r) {
      var d = dayNum(String(r.date));
      if (!isFinite(d)) return;
      d0 = Math.min(d0, d); d1 = Math.max(d1, d);
      var k = String(d);
      days[k] = days[k] || {};
      days[k][r.event_type || ""] = (days[k][r.event_type || ""] || 0) + countOf(r);
    });
    if (d0 === d1) { d0 -= 1; d1 += 1; }
    var left = tl.pad, right = width - 10, top = 8, bottom = height - 22;
    var span = d1 - d0 + 1, slot = (right - left) / span;
    var bw = Math.max(3, Math.min(slot - 1, 48)), inset = (slot - bw) / 2;  // sparse years stay visible
    var maxN = 1;
    Object.keys(days).forEach(function (k) {
      var s = 0;
      Object.keys(days[k]).forEach(function (t) { s += days[k][t]; });
      maxN = Math.max(maxN, s);
    });
    tl.x0 = left; tl.x1 = right; tl.d0 = d0; tl.d1 = d1;
    function xOf(d) { return left + (d - d0) * (right - left) / span; }

    box.appendChild(svg("line", { x1: left, x2: right, y1: bottom + 0.5, y2: bottom + 0.5, "class": "tl-axis" }));
    var yl = svg("text", { x: left - 4, y: top + 8, "text-anchor": "end", "class": "tl-label" });
    yl.textContent = String(maxN);
    box.appendChild(yl);
    var bars = svg("g", { "class": "tl-bars" });
    Object.keys(days).forEach(function (k) {
      var d = Number(k), y = bottom;
      TYPES.map(function (t) { return t[0]; }).concat(Object.keys(days[k]).filter(function (t) { return !SLUG[t]; }))
        .forEach(function (type) {
          var n = days[k][type];
          if (!n) return;
          var h = Math.max(1, n * (bottom - top) / maxN);
          y -= h;
          var r = svg("rect", { x: xOf(d) + inset, y: y, width: bw, height: h, "class": "tl-" + slug(type) });
          var title = svg("title", {});
          title.textContent = isoOf(d) + ": " + n + " " + (type || "events");
          r.appendChild(title);
          bars.appendChild(r);
        });
    });
    box.appendChild(bars);
    var ticks = Math.min(6, span);
    var drawn = {};
    for (var i = 0; i <= ticks; i++) {
      var d = Math.round(d0 + i * (d1 - d0) / Math.max(1, ticks));
      if (drawn[d]) continue;
      drawn[d] = true;
      var cx = xOf(d) + slot / 2, anchor = "middle";
      if (cx < left + 30) { cx = left; anchor = "start"; } else if (cx > right - 30) { cx = right; anchor = "end"; }
      var tx = svg("text", { x: cx, y: height - 6, "text-anchor": anchor, "class": "tl-label" });
      tx.textContent = isoOf(d);
      box.appendChild(tx);
    }
    if (state.brush) {
      var a = dayNum(state.brush[0]), b = dayNum(state.brush[1]);
      box.appendChild(svg("rect", { x: xOf(a), y: top - 4, width: Math.max(2, xOf(b + 1) - xOf(a)), height: bottom - top + 4, "class": "tl-brush" }));
    }
  }

  function dayAt(clientX) {
    var box = $("timeline");
    var rect = box.getBoundingClientRect();
    var vb = box.viewBox.baseVal;
    var x = (clientX - rect.left) * (vb && vb.width ? vb.width / rect.width : 1);
    var f = (x - tl.x0) / Math.max(1, tl.x1 - tl.x0);
    f = Math.min(1, Math.max(0, f));
    return Math.min(tl.d1, Math.floor(tl.d0 + f * (tl.d1 - tl.d0 + 1)));
  }

  function setupBrush() {
    var box = $("timeline");
    var start = null, live = null;
    box.addEventListener("pointerdown", function (ev) {
      if (!state.byDay.length) return;
      start = { x: ev.clientX, d: dayAt(ev.clientX) };
      box.setPointerCapture(ev.pointerId);
    });
    box.addEventListener("pointermove", function (ev) {
      if (!start) return;
      var d = dayAt(ev.clientX);
      var a = Math.min(start.d, d), b = Math.max(start.d, d);
      if (!live) { live = svg("rect", { "class": "tl-brush" }); box.appendChild(live); }
      var vb = box.viewBox.baseVal, bottom = (vb.height || 140) - 22;
      var scale = (tl.x1 - tl.x0) / (tl.d1 - tl.d0 + 1);
      live.setAttribute("x", tl.x0 + (a - tl.d0) * scale);
      live.setAttribute("y", 4);
      live.setAttribute("width", Math.max(2, (b - a + 1) * scale));
      live.setAttribute("height", bottom - 4);
    });
    box.addEventListener("pointerup", function (ev) {
      if (!start) return;
      var d = dayAt(ev.clientX);
      var a = Math.min(start.d, d), b = Math.max(start.d, d);
      start = null; live = null;
      setBrush([isoOf(a), isoOf(b)]);
    });
    $("brush-clear").addEventListener("click", function () { setBrush(null); });
  }

  function setBrush(range) {
    state.brush = range;
    renderAll(false);
    var n = visibleEvents().length;
    status(range ? plural(n, "event") + " from " + range[0] + " to " + range[1] : plural(state.events.length, "event"));
  }

  // ---------------------------------------------------------------- table
  function renderTable() {
    var rows = visibleEvents();
    $("table-count").textContent = plural(rows.length, "event") + (rows.length > 2000 ? " (the table lists the first 2000; Export CSV has them all)" : "");
    var body = $("events-table").tBodies[0];
    clear(body);
    rows.slice(0, 2000).forEach(function (e) {
      var id = eventId(e);
      var tr = el("tr", { tabindex: "0", "data-event-id": id, className: id === state.selected ? "selected" : "" },
        el("td", { text: e.event_date || "" }),
        el("td", {}, el("span", { className: "swatch t-" + slug(e.event_type), "aria-hidden": "true" }), e.event_type || ""),
        el("td", { text: e.sub_event_type || "" }),
        el("td", { text: e.actor1 || "" }),
        el("td", { text: e.actor2 || "" }),
        el("td", { text: [e.location, e.admin1].filter(Boolean).join(", ") }),
        el("td", { text: e.country || "" }),
        el("td", { className: "num", text: fmt(e.fatalities) }));
      tr.addEventListener("click", function () { selectEvent(id, true); });
      tr.addEventListener("keydown", function (ev) { if (ev.key === "Enter") selectEvent(id, true); });
      body.appendChild(tr);
    });
  }

  // ---------------------------------------------------------- event panel
  function showTab(name) {
    ["event", "paste"].forEach(function (t) {
      $("tab-" + t).setAttribute("aria-selected", t === name ? "true" : "false");
      $("panel-" + t).hidden = t !== name;
    });
  }

  function selectEvent(id, pan) {
    if (!id) return;
    state.selected = id;
    writeHash();
    Array.prototype.forEach.call(document.querySelectorAll("#events-table tr.selected"), function (tr) { tr.classList.remove("selected"); });
    Array.prototype.forEach.call(document.querySelectorAll("#events-table tr"), function (tr) {
      if (tr.getAttribute("data-event-id") === id) tr.classList.add("selected");
    });
    showTab("event");
    $("event-empty").hidden = true;
    var box = $("event-detail");
    box.hidden = false;
    clear(box);
    box.appendChild(el("p", { className: "hint", text: "loading…" }));
    $("panel-event").scrollTop = 0;
    markSelected();
    var marker = markerById[id];
    if (pan && marker) {
      clusters.zoomToShowLayer(marker, function () { map.panTo(marker.getLatLng()); markSelected(); });
    }
    getJSON("/events/" + encodeURIComponent(id)).then(function (e) {
      return renderEvent(e, null);
    }).catch(function (err) {
      clear(box);
      box.appendChild(el("p", { className: "error", text: "could not load the event: " + err.message }));
    });
  }

  // Evidence spans of one document: sentences (evidence) and fields (provenance).
  // A merged event's own provenance belongs to its first report; the other
  // reports' field evidence comes from their raw events in /documents/{id}.
  function spansFor(e, docId, doc) {
    var spans = [];
    (e.evidence || []).forEach(function (ev) {
      if (ev && (!ev.doc_id || ev.doc_id === docId)) spans.push({ start: ev.start, end: ev.end, text: ev.text, kind: "sentence" });
    });
    var prov = {};
    var id = eventId(e);
    ((doc && doc.events) || []).forEach(function (raw) {
      if (raw && (raw.merged_into === id || (raw.event_id && raw.event_id === e.event_id))) {
        Object.keys(raw.provenance || {}).forEach(function (k) { prov[k] = raw.provenance[k]; });
      }
    });
    if (!Object.keys(prov).length && (!e.doc_id || e.doc_id === docId)) prov = e.provenance || {};
    Object.keys(prov).forEach(function (field) {
      var p = prov[field];
      if (p) spans.push({ start: p.start, end: p.end, text: p.text, kind: "field", field: field });
    });
    return spans;
  }

  // Offsets from the server count code points (Python); JS strings count UTF-16 units.
  function locate(chars, text, span) {
    var s = Number(span.start), e = Number(span.end);
    if (isFinite(s) && isFinite(e) && s >= 0 && e <= chars.length && e > s) {
      if (!span.text || chars.slice(s, e).join("") === span.text) return [s, e];
    }
    if (span.text) {
      var i = text.indexOf(span.text);
      if (i >= 0) {
        var cs = Array.from(text.slice(0, i)).length;
        return [cs, cs + Array.from(span.text).length];
      }
    }
    return null;
  }

  function highlightedText(text, spans) {
    var chars = Array.from(text || "");
    var placed = [];
    var cuts = { 0: 1 };
    cuts[chars.length] = 1;
    spans.forEach(function (sp) {
      var r = locate(chars, text, sp);
      if (!r) return;
      placed.push({ s: r[0], e: r[1], sp: sp });
      cuts[r[0]] = 1; cuts[r[1]] = 1;
    });
    var points = Object.keys(cuts).map(Number).sort(function (a, b) { return a - b; });
    var out = el("div", { className: "article-text" });
    for (var i = 0; i + 1 < points.length; i++) {
      var a = points[i], b = points[i + 1];
      var piece = chars.slice(a, b).join("");
      var covering = placed.filter(function (p) { return p.s <= a && p.e >= b; });
      if (!covering.length) { out.appendChild(document.createTextNode(piece)); continue; }
      var fields = covering.filter(function (p) { return p.sp.kind === "field"; }).map(function (p) { return p.sp.field; });
      var sentence = covering.some(function (p) { return p.sp.kind === "sentence"; });
      var mark = el("mark", {
        className: (sentence ? "ev-sentence" : "") + (fields.length ? " ev-field" : ""),
        "data-fields": fields.join(" ") || null,
        title: fields.length ? "evidence for: " + fields.join(", ") : "evidence sentence"
      }, piece);
      out.appendChild(mark);
      // label each field span where it ends
      covering.forEach(function (p) {
        if (p.sp.kind === "field" && p.e === b) out.appendChild(el("sup", { className: "ev-label", text: p.sp.field }));
      });
    }
    return out;
  }

  var renderSeq = 0;
  function renderEvent(e, localText) {
    var seq = ++renderSeq;
    var box = $("event-detail");
    clear(box);
    box.appendChild(el("h2", { className: "event-title" },
      el("span", { className: "swatch t-" + slug(e.event_type), "aria-hidden": "true" }),
      (e.event_type || "Event") + (e.sub_event_type ? " — " + e.sub_event_type : "")));
    box.appendChild(el("p", { className: "event-sub", text: [e.event_date, e.location, e.admin1, e.country].filter(Boolean).join(" · ") }));
    if (e.notes) box.appendChild(el("p", { className: "notes", text: e.notes }));

    var dl = el("dl", { className: "fields" });
    var keys = FIELD_ORDER.filter(function (k) { return k in e; })
      .concat(Object.keys(e).filter(function (k) { return FIELD_ORDER.indexOf(k) < 0 && !SKIP_FIELDS[k]; }));
    keys.forEach(function (k) {
      if (SKIP_FIELDS[k]) return;
      var v = e[k];
      var dd;
      if (k === "url" && safeUrl(v)) {
        dd = el("dd", {}, el("a", { href: safeUrl(v), rel: "noopener noreferrer nofollow", target: "_blank", text: v }));
      } else {
        dd = el("dd", { text: fmt(v) });
      }
      dl.appendChild(el("dt", { text: k }));
      dl.appendChild(dd);
    });
    var det = el("details", { className: "all-fields", open: "open" },
      el("summary", { text: "All fields (" + keys.length + ")" }), dl);

    var prov = e.provenance || {};
    var provBox = null;
    if (Object.keys(prov).length) {
      var ul = el("ul", { className: "provenance" });
      Object.keys(prov).forEach(function (f) {
        ul.appendChild(el("li", {}, el("b", { text: f }), ": ", el("q", { text: (prov[f] && prov[f].text) || "" })));
      });
      provBox = el("div", {}, el("h3", { text: "Evidence by field" }), ul);
    }

    var mergeBox = null;
    if (Array.isArray(e.merge_reasons) && e.merge_reasons.length) {
      var mr = el("ul", { className: "merge-reasons" });
      e.merge_reasons.forEach(function (r) { mr.appendChild(el("li", { text: fmt(r) })); });
      mergeBox = el("div", {}, el("h3", { text: "Why these reports were merged" }), mr);
    }
    var tail = function () {
      if (provBox) box.appendChild(provBox);
      box.appendChild(det);
      if (mergeBox) box.appendChild(mergeBox);
    };
    var sources = e.sources || [];
    box.appendChild(el("h3", { text: "Sources (" + sources.length + ")" }));
    var sl = el("ul", { className: "sources" });
    sources.forEach(function (s) {
      var link = safeUrl(s.url);
      var name = s.title || s.doc_id || "document";
      sl.appendChild(el("li", {},
        link ? el("a", { href: link, rel: "noopener noreferrer nofollow", target: "_blank", text: name }) : el("span", { text: name }),
        el("span", { className: "muted", text: " " + [s.source, s.published].filter(Boolean).join(", ") })));
    });
    if (!sources.length && localText === null) sl.appendChild(el("li", { className: "muted", text: "no source recorded" }));
    box.appendChild(sl);

    box.appendChild(el("h3", { text: "Article text" }));
    box.appendChild(el("p", { className: "hint" },
      el("mark", { className: "ev-sentence", text: "evidence sentence" }), " ",
      el("mark", { className: "ev-field", text: "field evidence" }), " (the small label names the field)"));
    if (localText !== null) {
      box.appendChild(el("section", { className: "article" }, highlightedText(localText, spansFor(e, e.doc_id || ""))));
      tail();
      return Promise.resolve();
    }
    var docIds = [];
    sources.forEach(function (s) { if (s.doc_id && docIds.indexOf(s.doc_id) < 0) docIds.push(s.doc_id); });
    (e.evidence || []).forEach(function (ev) { if (ev.doc_id && docIds.indexOf(ev.doc_id) < 0) docIds.push(ev.doc_id); });
    if (!docIds.length && e.doc_id) docIds.push(e.doc_id);
    return Promise.all(docIds.map(function (id) {
      return getJSON("/documents/" + encodeURIComponent(id)).catch(function () { return null; });
    })).then(function (docs) {
      if (seq !== renderSeq) return;  // another event was selected meanwhile
      docs.forEach(function (doc, i) {
        var sec = el("section", { className: "article", "data-doc-id": docIds[i] });
        if (!doc) {
          sec.appendChild(el("p", { className: "error", text: "document " + docIds[i] + " is not available" }));
        } else {
          sec.appendChild(el("h4", { text: doc.title || doc.id }));
          sec.appendChild(el("p", { className: "muted", text: [doc.source, doc.published].filter(Boolean).join(", ") }));
          sec.appendChild(highlightedText(doc.text || "", spansFor(e, doc.id, doc)));
        }
        box.appendChild(sec);
      });
      tail();
      // bring the first highlight into view inside the panel (not the whole page)
      var first = box.querySelector(".article-text mark");
      var panel = $("panel-event");
      if (first) {
        var top = first.getBoundingClientRect().top - panel.getBoundingClientRect().top;
        if (top > panel.clientHeight - 40) panel.scrollTop += top - 80;
      }
    });
  }

  // ----------------------------------------------------------- paste box
  function setupPaste() {
    $("tab-event").addEventListener("click", function () { showTab("event"); });
    $("tab-paste").addEventListener("click", function () { showTab("paste"); });
    $("paste-clear").addEventListener("click", function () {
      pasteLayer.clearLayers();
      clear($("paste-results"));
      $("paste-status").textContent = "";
      $("store-form").hidden = true;
      state.pasteEvents = [];
    });
    $("store-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var meta = state.pasteMeta || {};
      var headers = { "Content-Type": "application/json" };
      var token = $("store-token").value;
      if (token) headers.Authorization = "Bearer " + token;
      var body = { text: state.pasteText, title: meta.title || "", source: meta.source || "" };
      if (meta.published) body.published = meta.published;
      $("store-status").textContent = "storing…";
      $("store-run").disabled = true;
      getJSON("/documents", { method: "POST", headers: headers, body: JSON.stringify(body) }).then(function (res) {
        $("store-status").textContent = res.stored
          ? "stored as " + res.id + " with " + plural((res.events || []).length, "event")
          : "already in the store (same text or URL)";
        pasteLayer.clearLayers();
        return loadChoices().then(function () { return load(false); });
      }).catch(function (err) {
        $("store-status").textContent = "could not store it: " + err.message;
      }).then(function () { $("store-run").disabled = false; });
    });
    $("paste-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var f = ev.target.elements;
      var text = f.text.value;
      if (!text.trim()) return;
      var body = { text: text, title: f.title.value, source: f.source.value };
      if (f.published.value) body.published = f.published.value;
      $("paste-status").textContent = "extracting…";
      $("paste-run").disabled = true;
      getJSON("/extract", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body)
      }).then(function (events) {
        state.pasteEvents = events;
        state.pasteText = text;
        state.pasteMeta = body;
        renderPaste(body);
        $("store-form").hidden = !state.config.writable;
        $("store-token-label").hidden = !state.config.token_required;
        $("store-status").textContent = "";
      }).catch(function (err) {
        $("paste-status").textContent = "extraction failed: " + err.message;
      }).then(function () { $("paste-run").disabled = false; });
    });
  }

  function renderPaste(meta) {
    pasteLayer.clearLayers();
    var list = $("paste-results");
    clear(list);
    var events = state.pasteEvents || [];
    $("paste-status").textContent = events.length
      ? events.length + " event(s) found (not stored); dashed markers on the map"
      : "no events found in this text";
    var pts = [];
    events.forEach(function (e, i) {
      var show = function () {
        showTab("event");
        $("event-empty").hidden = true;
        $("event-detail").hidden = false;
        var local = Object.assign({}, e, { sources: [{ title: meta.title || "pasted article", source: meta.source, published: meta.published }] });
        renderEvent(local, state.pasteText);
      };
      var m = makeMarker(e, true);
      if (m) { m.on("click", show); m.addTo(pasteLayer); pts.push(m.getLatLng()); }
      var li = el("li", { tabindex: "0" },
        el("span", { className: "swatch t-" + slug(e.event_type), "aria-hidden": "true" }),
        el("b", { text: e.event_type || "event" }), " " + [e.event_date, e.location || e.country, e.actor1].filter(Boolean).join(" · "));
      li.addEventListener("click", show);
      li.addEventListener("keydown", function (k) { if (k.key === "Enter") show(); });
      list.appendChild(li);
    });
    if (pts.length) map.fitBounds(L.latLngBounds(pts).pad(0.5), { maxZoom: 6 });
  }

  // ------------------------------------------------------------------ boot
  function boot() {
    renderLegend();
    setupBrush();
    setupPaste();
    $("filters").addEventListener("submit", function (ev) { ev.preventDefault(); load(true); });
    $("filters").addEventListener("change", function (ev) {
      if (ev.target && (ev.target.tagName === "SELECT" || ev.target.type === "date")) load(true);
    });
    $("f-reset").addEventListener("click", function () { setTimeout(function () { load(true); }, 0); });
    window.addEventListener("resize", function () { renderTimeline(); });
    getJSON("/config").then(function (cfg) {
      state.config = cfg;
      if (cfg.tiles) {
        // Leaflet renders attributions as HTML: pass it escaped, as text
        var attribution = String(cfg.tiles_attribution || "").replace(/[&<>"']/g, function (c) {
          return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
        });
        L.tileLayer(cfg.tiles, { attribution: attribution, maxZoom: 18 }).addTo(map);
      }
    }).catch(function () { /* defaults */ }).then(function () {
      return Promise.all([cfg_basemap(), loadChoices()]);
    }).then(function () {
      var wanted = readHash();
      return load(true).then(function () {
        if (wanted.brush) setBrush(wanted.brush);
        if (wanted.event) selectEvent(wanted.event, true);
      });
    }).then(function () {
      document.body.setAttribute("data-ready", "1");
    });
  }

  // The view lives in the URL fragment (#event_type=Battles&event=...), so a link shares it.
  var HASH_FIELDS = ["date_from", "date_to", "event_type", "country", "actor", "text"];
  function readHash() {
    var p = new URLSearchParams(window.location.hash.replace(/^#/, ""));
    var form = $("filters");
    HASH_FIELDS.forEach(function (name) {
      var v = p.get(name);
      if (v !== null) form.elements[name].value = v.slice(0, 200);
    });
    var brush = (p.get("brush") || "").split("..");
    var iso = /^\d{4}-\d{2}-\d{2}$/;
    return {
      event: (p.get("event") || "").slice(0, 200) || null,
      brush: brush.length === 2 && iso.test(brush[0]) && iso.test(brush[1]) ? brush : null
    };
  }
  function writeHash() {
    var p = filterParams();
    if (state.brush) p.set("brush", state.brush[0] + ".." + state.brush[1]);
    if (state.selected) p.set("event", state.selected);
    var h = p.toString();
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", h ? "#" + h : window.location.pathname + window.location.search);
    }
  }
  function cfg_basemap() { return state.config.tiles ? Promise.resolve() : loadBasemap(); }

  boot();
})();
