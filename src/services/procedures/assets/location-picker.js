// 場所 questions of the online procedures, upgraded: a Leaflet map above the latitude
// and longitude boxes. A tap or click puts a draggable marker there and fills the
// boxes; 「現在地を使う」 asks the browser where it is; typing in the boxes moves the
// marker. The boxes stay the answer the form sends, so the map is never the only way:
// without tiles (MAP_TILE_URL=none) or without Leaflet there is no map, a message
// says so, and the boxes (and the current-position button) still work.
(function () {
  var hosts = document.querySelectorAll('[data-location-picker]');
  if (!hosts.length) return;
  var L = window.L;

  // As the server reads them: NFKC (full-width digits, '．', '－'), no spaces, a plain decimal.
  function coordinate(text) {
    var s = String(text || '');
    if (s.normalize) s = s.normalize('NFKC');
    s = s.replace(/\s+/g, '');
    return /^[+-]?\d{1,3}(\.\d+)?$/.test(s) ? Number(s) : null;
  }

  // Six decimals: about 0.1 m, finer than any phone or finger.
  function fixed(n) {
    return String(Math.round(n * 1e6) / 1e6);
  }

  function withCoordinates(message, lat, lng) {
    return message.replace('{lat}', lat).replace('{lng}', lng);
  }

  var cssRequested = null;
  // Leaflet's own stylesheet, loaded once, before the first map is drawn (style-src 'self' allows it).
  function whenCss(href, then) {
    if (!cssRequested) {
      cssRequested = { done: false, waiting: [] };
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      link.onload = link.onerror = function () {
        if (cssRequested.done) return;
        cssRequested.done = true;
        cssRequested.waiting.forEach(function (f) {
          f();
        });
      };
      document.head.appendChild(link);
    }
    if (cssRequested.done) then();
    else cssRequested.waiting.push(then);
  }

  function setup(host) {
    var lat = document.getElementById(host.getAttribute('data-lat'));
    var lng = document.getElementById(host.getAttribute('data-lng'));
    var status = host.querySelector('[data-location-status]');
    var here = host.querySelector('[data-location-here]');
    var box = host.querySelector('[data-location-map]');
    var how = host.querySelector('[data-location-how]');
    if (!lat || !lng || !status || !box) return;
    var msg = function (name) {
      return host.getAttribute('data-msg-' + name) || '';
    };
    var bounds = host.getAttribute('data-bounds').split(',').map(Number); // south, west, north, east
    var centre = host.getAttribute('data-centre').split(',').map(Number);
    var map = null;
    var marker = null;

    function say(text) {
      status.textContent = text;
      status.hidden = !text;
    }

    function inside(p) {
      return p[0] >= bounds[0] && p[0] <= bounds[2] && p[1] >= bounds[1] && p[1] <= bounds[3];
    }

    function typed() {
      var p = [coordinate(lat.value), coordinate(lng.value)];
      return p[0] === null || p[1] === null ? null : p;
    }

    // The boxes take the point; the message says what was filled in (or that it is outside the city).
    function fill(p, message) {
      lat.value = fixed(p[0]);
      lng.value = fixed(p[1]);
      say(inside(p) ? withCoordinates(message, lat.value, lng.value) : msg('outside'));
    }

    function place(p, zoomIn) {
      if (!map) return;
      if (!marker) {
        var label = host.getAttribute('data-marker-label') || '';
        marker = L.marker(p, { draggable: true, title: label, alt: label }).addTo(map);
        marker.on('dragend', function () {
          var at = marker.getLatLng();
          fill([at.lat, at.lng], msg('picked'));
        });
      } else {
        marker.setLatLng(p);
      }
      if (zoomIn) map.setView(p, Math.max(map.getZoom(), 16));
      else if (!map.getBounds().contains(p)) map.panTo(p);
    }

    function createMap() {
      box.hidden = false;
      box.style.height = '20rem';
      box.style.marginBottom = '1rem';
      if (how) how.hidden = false;
      map = L.map(box, { zoomControl: false });
      L.control.zoom({ zoomInTitle: host.getAttribute('data-zoom-in') || '+', zoomOutTitle: host.getAttribute('data-zoom-out') || '-' }).addTo(map);
      L.tileLayer(host.getAttribute('data-tile-url'), { attribution: host.getAttribute('data-tile-attribution') || '', maxZoom: 18 }).addTo(map);
      var start = typed();
      map.setView(start || centre, start ? 16 : 13);
      if (start) place(start, false);
      map.on('click', function (event) {
        var p = [event.latlng.lat, event.latlng.lng];
        fill(p, msg('picked'));
        place(p, false);
      });
    }

    function moveToTyped() {
      var p = typed();
      if (p && inside(p)) place(p, false);
    }
    lat.addEventListener('input', moveToTyped);
    lng.addEventListener('input', moveToTyped);

    if (here && navigator.geolocation) {
      here.hidden = false;
      here.addEventListener('click', function () {
        say(msg('busy'));
        navigator.geolocation.getCurrentPosition(
          function (position) {
            var p = [position.coords.latitude, position.coords.longitude];
            fill(p, msg('here'));
            place(p, true);
          },
          function (error) {
            // 1 = PERMISSION_DENIED: the resident (or the browser) said no.
            say(error && error.code === 1 ? msg('denied') : msg('failed'));
          },
          { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
        );
      });
    }

    if (!L || !host.getAttribute('data-tile-url')) {
      say(msg('no-tiles'));
      return;
    }
    whenCss(host.getAttribute('data-css'), createMap);
  }

  for (var i = 0; i < hosts.length; i++) setup(hosts[i]);
})();
