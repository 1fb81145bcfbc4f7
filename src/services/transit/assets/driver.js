// Driver phone: report the vehicle's position every minute while the manifest is open,
// so operators see it on the map. Optional: without JavaScript or permission nothing breaks.
(function () {
  var root = document.querySelector('[data-position-url]');
  if (!root || !navigator.geolocation) return;
  var url = root.getAttribute('data-position-url');
  var csrf = root.getAttribute('data-csrf');
  var last = 0;
  navigator.geolocation.watchPosition(
    function (pos) {
      var now = Date.now();
      if (now - last < 60000) return;
      last = now;
      fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ lat: pos.coords.latitude, lng: pos.coords.longitude }),
      }).catch(function () {});
    },
    function () {},
    { enableHighAccuracy: false, maximumAge: 30000 },
  );
})();
