// Simulator checkout, progressive enhancement: while the payer pays with the
// wallet app on their phone, this page asks every two seconds whether the
// checkout is settled and then goes on by itself. Without JavaScript the page
// works as it is (the payer presses the button or reloads).
(function () {
  'use strict';
  var waiting = document.getElementById('qr-waiting');
  if (!waiting || !window.fetch) return;
  var url = waiting.getAttribute('data-state-url');
  if (!url) return;
  waiting.hidden = false;
  var started = Date.now();
  var LIMIT_MS = 30 * 60 * 1000;
  function poll() {
    if (Date.now() - started > LIMIT_MS) return;
    fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        if (body && body.state !== 'open' && body.returnUrl) window.location.assign(body.returnUrl);
        else window.setTimeout(poll, 2000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 2000);
})();
