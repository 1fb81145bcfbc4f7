// The second screen follows the clerk's edits: every few seconds it asks for the
// state of the visit and reloads when the content or the confirmation changed.
// Without JavaScript the page refreshes itself (<noscript> meta refresh) instead.
(function () {
  var main = document.querySelector('[data-display-state]');
  if (!main) return;
  var url = main.getAttribute('data-display-state');
  var version = main.getAttribute('data-version');
  var busy = false;
  function poll() {
    if (busy || document.hidden) return;
    busy = true;
    fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) { if (state && state.version !== version) window.location.reload(); })
      .catch(function () { /* offline for a moment: try again at the next tick */ })
      .then(function () { busy = false; });
  }
  setInterval(poll, 3000);
})();
