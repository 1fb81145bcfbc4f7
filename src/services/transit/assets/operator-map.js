// Operators' map: when Leaflet has loaded, draw the day's plan (/api/transit/plan) on a
// zoomable map above the server's schematic, and hide the schematic. Tiles only when
// the page names a tile server; offline the same layers sit on a blank background.
// Redrawn after each live update (live.js) and every minute for reported positions.
(function () {
  var host = document.querySelector('[data-operator-map]');
  var L = window.L;
  if (!host || !L || !window.fetch) return;
  var planUrl = host.getAttribute('data-plan-url');
  var map = null;
  var layers = null;

  function text(value) {
    // Tooltips take HTML; names from the database go in as text.
    var span = document.createElement('span');
    span.textContent = value;
    return span;
  }

  function hideSchematic() {
    var figures = document.querySelectorAll('[data-map-schematic]');
    for (var i = 0; i < figures.length; i++) figures[i].hidden = true;
  }

  function createMap() {
    host.hidden = false;
    host.style.height = '32rem';
    host.style.marginBottom = '1.5rem';
    map = L.map(host, { zoomControl: false });
    L.control.zoom({ zoomInTitle: host.getAttribute('data-zoom-in') || '+', zoomOutTitle: host.getAttribute('data-zoom-out') || '-' }).addTo(map);
    var tiles = host.getAttribute('data-tile-url');
    if (tiles) L.tileLayer(tiles, { attribution: host.getAttribute('data-tile-attribution') || '', maxZoom: 18 }).addTo(map);
    layers = L.layerGroup().addTo(map);
  }

  function drawStops(plan, bounds) {
    plan.stops.forEach(function (stop) {
      L.circleMarker([stop.lat, stop.lng], { radius: 6, color: '#1a1a1a', weight: 2, fillColor: '#ffffff', fillOpacity: 1 })
        .bindTooltip(text(stop.name))
        .addTo(layers);
      bounds.push([stop.lat, stop.lng]);
    });
  }

  function drawVehicle(vehicle, stopById, bounds) {
    var depot = stopById[vehicle.depotStopId];
    var line = (depot ? [[depot.lat, depot.lng]] : []).concat(
      vehicle.stops.map(function (s) {
        return [s.lat, s.lng];
      }),
    );
    if (line.length > 1) {
      L.polyline(line, { color: vehicle.colour, dashArray: vehicle.dash || null, weight: 4, opacity: 0.9, lineCap: 'round' })
        .bindTooltip(text(vehicle.name), { sticky: true })
        .addTo(layers);
    }
    var at = [vehicle.position.lat, vehicle.position.lng];
    L.marker(at, { title: vehicle.name, alt: vehicle.name })
      .bindTooltip(text(vehicle.name + ' — ' + vehicle.position.label))
      .addTo(layers);
    bounds.push(at);
  }

  function draw(plan) {
    var first = map === null;
    if (first) createMap();
    layers.clearLayers();
    var stopById = {};
    plan.stops.forEach(function (s) {
      stopById[s.id] = s;
    });
    var bounds = [];
    drawStops(plan, bounds);
    plan.vehicles.forEach(function (v) {
      drawVehicle(v, stopById, bounds);
    });
    if (first && bounds.length) map.fitBounds(bounds, { padding: [24, 24] });
    hideSchematic();
  }

  function load() {
    fetch(planUrl, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (plan) {
        // Until a plan has been drawn the schematic stays: a failed fetch never leaves an empty map.
        if (plan) draw(plan);
      })
      .catch(function () {});
  }

  function start() {
    load();
    document.addEventListener('transit:refreshed', function () {
      // live.js has replaced the tables and schematic; keep the schematic hidden behind the map.
      if (map) hideSchematic();
      load();
    });
    setInterval(load, 60000);
  }

  // Leaflet's own stylesheet, loaded only when the map is drawn (style-src 'self' allows it).
  var css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = host.getAttribute('data-css');
  var started = false;
  css.onload = css.onerror = function () {
    if (started) return;
    started = true;
    start();
  };
  document.head.appendChild(css);
})();
