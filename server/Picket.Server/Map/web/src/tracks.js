// Tracks on the map: a marker per live track (cooperative and non-cooperative styles, a label
// with identity, altitude and speed), its history trail, and the highlight while it is in a zone.
import L from 'leaflet';

const TrailPoints = 180;
// A track not heard for this long is taken off the map (its gateway or link went silent).
const StaleMilliseconds = 120000;

export class TrackLayer {
  constructor(map) {
    this.map = map;
    this.trails = L.layerGroup().addTo(map);
    this.markers = L.layerGroup().addTo(map);
    this.tracks = new Map();
  }

  get size() {
    return this.tracks.size;
  }

  get nonCooperativeCount() {
    let count = 0;
    for (const track of this.tracks.values()) {
      count += track.data.cooperative ? 0 : 1;
    }

    return count;
  }

  clear() {
    this.trails.clearLayers();
    this.markers.clearLayers();
    this.tracks.clear();
  }

  update(data) {
    const key = data.gateway + '/' + data.id;
    let track = this.tracks.get(key);
    if (data.status === 'dropped') {
      if (track) {
        this.remove(key, track);
      }

      return;
    }

    const position = [data.lat, data.lon];
    if (!track) {
      const marker = L.marker(position, { icon: icon(data, false), keyboard: false });
      const trail = L.polyline([], { className: 'trail', weight: 2, opacity: 0.8, color: data.cooperative ? '#1d5fbf' : '#c8102e' });
      track = { key, marker, trail, data, inZones: new Set(), heardAt: Date.now() };
      this.tracks.set(key, track);
      marker.addTo(this.markers);
      trail.addTo(this.trails);
    }

    const styleChanged = track.data.cooperative !== data.cooperative || label(track.data) !== label(data);
    track.data = data;
    track.heardAt = Date.now();
    track.marker.setLatLng(position);
    const points = track.trail.getLatLngs();
    points.push(L.latLng(position));
    if (points.length > TrailPoints) {
      points.splice(0, points.length - TrailPoints);
    }

    track.trail.setLatLngs(points);
    if (styleChanged) {
      track.trail.setStyle({ color: data.cooperative ? '#1d5fbf' : '#c8102e' });
      track.marker.setIcon(icon(data, track.inZones.size > 0));
    } else {
      refresh(track);
    }
  }

  /** Marks a track as inside or outside a zone after an alert; returns whether the track is on the map. */
  alert(alert) {
    const track = this.tracks.get(alert.gateway + '/' + alert.trackId);
    if (!track) {
      return false;
    }

    if (alert.event === 'enter') {
      track.inZones.add(alert.zone);
    } else {
      track.inZones.delete(alert.zone);
    }

    track.marker.setIcon(icon(track.data, track.inZones.size > 0));
    if (track.inZones.size > 0) {
      track.marker.setZIndexOffset(1000);
    }

    return true;
  }

  pruneStale() {
    const now = Date.now();
    for (const [key, track] of this.tracks) {
      if (now - track.heardAt > StaleMilliseconds) {
        this.remove(key, track);
      }
    }
  }

  bounds() {
    const bounds = L.latLngBounds([]);
    for (const track of this.tracks.values()) {
      bounds.extend(track.marker.getLatLng());
    }

    return bounds;
  }

  remove(key, track) {
    this.markers.removeLayer(track.marker);
    this.trails.removeLayer(track.trail);
    this.tracks.delete(key);
  }
}

/** Callsign, else ICAO address, else the track number as shown: its last four digits (a gateway's ids are long). */
export function identity(data) {
  if (data.callsign) {
    return data.callsign;
  }

  return data.icao ? data.icao : 'T' + String(data.id ?? data.trackId).slice(-4);
}

/** Callsign, else ICAO address, else the whole track number (for screen readers and tests). */
function fullIdentity(data) {
  return data.callsign || data.icao || 'T' + (data.id ?? data.trackId);
}

function label(data) {
  const altitude = data.altitudeFt == null ? '—' : data.altitudeFt >= 10000 ? 'FL' + String(Math.round(data.altitudeFt / 100)).padStart(3, '0') : Math.round(data.altitudeFt / 100) * 100 + ' ft';
  return identity(data) + '\n' + altitude + ' ' + Math.round(data.speedKt) + ' kt';
}

function icon(data, alerting) {
  const kind = data.cooperative ? 'cooperative' : 'non-cooperative';
  const element = document.createElement('div');
  element.className = 'track ' + kind + (alerting ? ' alerting' : '');
  element.dataset.trackId = String(data.id);
  element.dataset.gateway = data.gateway;
  element.dataset.cooperative = String(data.cooperative);
  element.dataset.alert = String(alerting);
  element.setAttribute('role', 'img');
  const symbol = document.createElement('span');
  symbol.className = 'symbol';
  symbol.style.transform = 'rotate(' + Math.round(data.headingDeg) + 'deg)';
  const text = document.createElement('span');
  text.className = 'label';
  const [first, second] = label(data).split('\n');
  text.append(first, document.createElement('br'), second);
  element.append(symbol, text);
  element.setAttribute('aria-label', (alerting ? 'alerting ' : '') + kind + ' track ' + fullIdentity(data) + ', ' + second);
  return L.divIcon({ html: element, className: 'track-icon', iconSize: [18, 18], iconAnchor: [9, 9] });
}

function refresh(track) {
  const element = track.marker.getElement()?.querySelector('.track');
  if (!element) {
    return;
  }

  element.querySelector('.symbol').style.transform = 'rotate(' + Math.round(track.data.headingDeg) + 'deg)';
  const [first, second] = label(track.data).split('\n');
  const text = element.querySelector('.label');
  text.replaceChildren(first, document.createElement('br'), second);
  element.setAttribute('aria-label', (track.inZones.size > 0 ? 'alerting ' : '') + (track.data.cooperative ? 'cooperative' : 'non-cooperative') + ' track ' + fullIdentity(track.data) + ', ' + second);
}
