// Live updates for the on-demand bus staff screens. On a page with [data-transit-live]
// (data-date, data-src), listen to the day's event stream and, after each change,
// fetch data-src again and swap in the fresh [data-transit-live] content. Without
// JavaScript or EventSource the page simply stays as the server drew it.
(function () {
  var root = document.querySelector('[data-transit-live]');
  if (!root || !window.EventSource || !window.fetch || !window.DOMParser) return;
  var date = root.getAttribute('data-date') || '';
  var src = root.getAttribute('data-src') || location.pathname + location.search;
  var en = document.documentElement.lang === 'en';
  var template = root.getAttribute('data-live-updated') || (en ? 'Service information updated ({time})' : '運行情報を更新しました（{time}）');

  // Screen readers hear a short note instead of the whole table being re-read.
  var status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  root.parentNode.insertBefore(status, root.nextSibling);

  function announce() {
    var now = new Date();
    var time = now.getHours() + ':' + String(now.getMinutes()).padStart(2, '0');
    status.textContent = template.replace('{time}', time);
  }

  function focusedId() {
    var active = document.activeElement;
    return active && active !== root && root.contains(active) && active.id ? active.id : null;
  }

  var busy = false;
  var again = false;
  function refresh() {
    // One fetch at a time; changes arriving meanwhile cause exactly one more.
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    fetch(src, { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (response) {
        // A redirect means the session ended (login page): keep what is shown.
        if (!response.ok || response.redirected) return null;
        return response.text();
      })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-transit-live]');
        if (!fresh) return;
        var keep = focusedId();
        root.innerHTML = fresh.innerHTML;
        if (keep && document.getElementById(keep)) document.getElementById(keep).focus();
        announce();
        document.dispatchEvent(new CustomEvent('transit:refreshed'));
      })
      .catch(function () {})
      .then(function () {
        busy = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  }

  var timer = null;
  var source = new EventSource('/staff/transit/live?date=' + encodeURIComponent(date));
  source.addEventListener('transit', function (message) {
    var detail = null;
    try {
      detail = JSON.parse(message.data);
    } catch (e) {}
    document.dispatchEvent(new CustomEvent('transit:event', { detail: detail }));
    // Several events in one poll (a re-optimisation) make one refresh.
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  });
})();
