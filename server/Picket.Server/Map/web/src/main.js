// The live map picket-server serves at /map/: Natural Earth country outlines (bundled from
// world-atlas, no tile server), the protected zones, each mast and its radar coverage, the live
// tracks with trails and labels, and the zone alerts as they happen.
import 'leaflet/dist/leaflet.css';
import './map.css';
import L from 'leaflet';
import { feature } from 'topojson-client';
import countries from 'world-atlas/countries-50m.json';
import { follow, tokenFromFragment } from './feed.js';
import { TrackLayer, identity } from './tracks.js';

const MaxAlertsListed = 200;

const map = L.map('map', { zoomControl: true, attributionControl: true, worldCopyJump: true, preferCanvas: false });
map.attributionControl.setPrefix(false);
map.attributionControl.addAttribution('Outlines: Natural Earth');
map.setView([50, 15], 4);
L.geoJSON(feature(countries, countries.objects.countries), {
  interactive: false,
  style: { className: 'country', color: '#8a9499', weight: 0.8, fillColor: '#e9ece6', fillOpacity: 1 },
}).addTo(map);

const overlays = L.layerGroup().addTo(map);
const tracks = new TrackLayer(map);
const alertList = document.getElementById('alerts');
const status = document.getElementById('status');
const counts = document.getElementById('counts');
let fitted = false;
let sitesShown = 0;
let hasZones = false;
let configuredBounds = null;

function setState(state, text) {
  status.dataset.state = state;
  status.textContent = text;
}

function showCounts() {
  counts.textContent = tracks.size + ' tracks, ' + tracks.nonCooperativeCount + ' non-cooperative';
}

function fitOnce(bounds) {
  if (!fitted && bounds.isValid()) {
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 9 });
    fitted = true;
  }
}

function onConfig(config) {
  overlays.clearLayers();
  tracks.clear();
  configuredBounds = L.latLngBounds([]);
  config.radarRangeKm = config.radarRangeKm ?? null;
  map.picketRadarRangeKm = config.radarRangeKm;
  hasZones = Boolean(config.zones);
  if (config.zones) {
    const zones = L.geoJSON(config.zones, {
      style: { className: 'zone', color: '#d97706', weight: 2, fillColor: '#f59e0b', fillOpacity: 0.15, dashArray: '6 4' },
      onEachFeature: (zone, layer) => layer.bindTooltip(zone.properties?.name ?? 'zone', { sticky: true }),
    }).addTo(overlays);
    configuredBounds.extend(zones.getBounds());
  }
}

function onSite(site) {
  const position = [site.lat, site.lon];
  const element = document.createElement('div');
  element.className = 'mast';
  element.dataset.gateway = site.gateway;
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', 'mast ' + (site.name || site.gateway));
  L.marker(position, { icon: L.divIcon({ html: element, className: 'mast-icon', iconSize: [16, 16], iconAnchor: [8, 8] }), keyboard: false })
    .bindTooltip(site.name || site.gateway)
    .addTo(overlays);
  let coverage = null;
  if (map.picketRadarRangeKm) {
    coverage = L.circle(position, { radius: map.picketRadarRangeKm * 1000, className: 'coverage', color: '#4b5563', weight: 1, dashArray: '3 5', fill: false, interactive: false }).addTo(overlays);
  }

  // The view frames the zones; without zones, the first mast the page learns of and its coverage (once).
  if (!hasZones) {
    configuredBounds.extend(coverage ? coverage.getBounds() : L.latLngBounds([position, position]));
    fitted = fitted && sitesShown > 0;
  }

  sitesShown++;
}

function onAlert(alert) {
  const onMap = tracks.alert(alert);
  const item = document.createElement('li');
  item.className = 'alert ' + alert.event + (alert.cooperative ? ' cooperative' : ' non-cooperative');
  item.dataset.trackId = String(alert.trackId);
  item.dataset.gateway = alert.gateway;
  item.dataset.event = alert.event;
  item.dataset.cooperative = String(alert.cooperative);
  const time = new Date(alert.time).toISOString().slice(11, 19) + 'Z';
  const who = alert.cooperative ? 'cooperative' : 'NON-COOPERATIVE';
  const stay = alert.durationS == null ? '' : ' after ' + Math.round(alert.durationS) + ' s';
  item.textContent = time + ' ' + alert.event.toUpperCase() + ' ' + alert.zone + ': ' + identity(alert) + ' (' + who + ')' + stay;
  if (onMap) {
    item.tabIndex = 0;
    item.addEventListener('click', () => map.panTo([alert.lat, alert.lon]));
  }

  alertList.prepend(item);
  while (alertList.children.length > MaxAlertsListed) {
    alertList.lastElementChild.remove();
  }
}

function onEvent(type, data) {
  switch (type) {
    case 'config':
      onConfig(data);
      break;
    case 'site':
      onSite(data);
      break;
    case 'track':
      tracks.update(data);
      break;
    case 'alert':
      onAlert(data);
      break;
    case 'ready':
      fitOnce(configuredBounds && configuredBounds.isValid() ? configuredBounds : tracks.bounds());
      break;
    default:
      break;
  }
}

setInterval(() => {
  tracks.pruneStale();
  showCounts();
  if (configuredBounds) {
    fitOnce(configuredBounds.isValid() ? configuredBounds : tracks.bounds());
  }
}, 1000);

follow(new URL('events', window.location.href).toString(), tokenFromFragment(window.location.hash), {
  onEvent,
  onState: setState,
  onRefused: (code, reason) => setState('refused', 'Sign-in refused (' + code + '): ' + (reason || 'a consumer token is needed: open the page as /map/#token=…')),
});
