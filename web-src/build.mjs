// Build-time only: copy the dashboard's third-party assets from node_modules
// into the Python package (src/eventwire/web/static/vendor/), with licences,
// and convert the world-atlas 110m TopoJSON to a small GeoJSON basemap.
// Installing the Python package never needs npm: the output is committed.
//
//   cd web-src && npm ci && npm run build
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";

const here = dirname(fileURLToPath(import.meta.url));
const nm = join(here, "node_modules");
const out = join(here, "..", "src", "eventwire", "web", "static", "vendor");
const require = createRequire(import.meta.url);

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "leaflet", "images"), { recursive: true });
mkdirSync(join(out, "markercluster"), { recursive: true });
mkdirSync(join(out, "basemap"), { recursive: true });

const copy = (from, to) => copyFileSync(join(nm, from), join(out, to));
const version = (pkg) => require(join(nm, pkg, "package.json")).version;

// Leaflet (BSD-2-Clause)
copy("leaflet/dist/leaflet.js", "leaflet/leaflet.js");
copy("leaflet/dist/leaflet.css", "leaflet/leaflet.css");
for (const img of ["layers.png", "layers-2x.png", "marker-icon.png", "marker-icon-2x.png", "marker-shadow.png"]) {
  copy(`leaflet/dist/images/${img}`, `leaflet/images/${img}`);
}
copy("leaflet/LICENSE", "leaflet/LICENSE");

// Leaflet.markercluster (MIT)
copy("leaflet.markercluster/dist/leaflet.markercluster.js", "markercluster/leaflet.markercluster.js");
copy("leaflet.markercluster/dist/MarkerCluster.css", "markercluster/MarkerCluster.css");
copy("leaflet.markercluster/dist/MarkerCluster.Default.css", "markercluster/MarkerCluster.Default.css");
copy("leaflet.markercluster/MIT-LICENCE.txt", "markercluster/LICENSE");

// Basemap: world-atlas countries-110m (ISC; Natural Earth, public domain),
// converted with topojson-client (ISC) and rounded to 0.01 degree.
const topo = JSON.parse(readFileSync(join(nm, "world-atlas", "countries-110m.json"), "utf8"));
const geo = feature(topo, topo.objects.countries);
// A ring that crosses the antimeridian (Fiji, Chukotka) would be drawn as a
// stripe across the whole map: continue it past 180° instead.
const unwrapRing = (ring) => {
  const lons = ring.map((p) => p[0]);
  if (Math.max(...lons) - Math.min(...lons) <= 180) return ring;
  return ring.map(([x, y]) => [x < 0 ? x + 360 : x, y]);
};
const unwrap = (g) => {
  if (!g) return g;
  if (g.type === "Polygon") return { ...g, coordinates: g.coordinates.map(unwrapRing) };
  if (g.type === "MultiPolygon") return { ...g, coordinates: g.coordinates.map((poly) => poly.map(unwrapRing)) };
  return g;
};
const round = (c) => (typeof c[0] === "number" ? [Math.round(c[0] * 100) / 100, Math.round(c[1] * 100) / 100] : c.map(round));
const slim = {
  type: "FeatureCollection",
  // Antarctica (010) only adds a seam along the bottom of a Mercator map.
  features: geo.features.filter((f) => f.id !== "010").map((f) => ({ ...f, geometry: unwrap(f.geometry) })).map((f) => ({
    type: "Feature",
    id: f.id ?? null,
    properties: { name: (f.properties && f.properties.name) || "" },
    geometry: f.geometry && { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
  })),
};
writeFileSync(join(out, "basemap", "countries-110m.geojson"), JSON.stringify(slim));
copy("world-atlas/LICENSE", "basemap/LICENSE-world-atlas");
copy("topojson-client/LICENSE", "basemap/LICENSE-topojson-client");
writeFileSync(
  join(out, "basemap", "SOURCE.txt"),
  "Country outlines: Natural Earth 1:110m Admin 0 countries (public domain, naturalearthdata.com),\n" +
    `via the npm package world-atlas ${version("world-atlas")} (ISC licence, Mike Bostock),\n` +
    `converted from TopoJSON to GeoJSON with topojson-client ${version("topojson-client")} (ISC licence).\n`,
);

const versions = {
  leaflet: version("leaflet"),
  "leaflet.markercluster": version("leaflet.markercluster"),
  "world-atlas": version("world-atlas"),
  "topojson-client": version("topojson-client"),
};
writeFileSync(join(out, "VERSIONS.json"), JSON.stringify(versions, null, 2) + "\n");
console.log(`vendor assets written to ${out}`, versions);
