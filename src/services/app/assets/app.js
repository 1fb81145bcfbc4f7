/*
 * 「ぽちっと奥州」 page script (progressive enhancement; every page works without it):
 * registers the service worker (offline reading, push), asks it to save the latest
 * news, and on the subscribe page turns the "push" choice into a browser push
 * subscription saved with POST /app/push/subscriptions.
 */
(function () {
  'use strict';
  var statusBox = document.getElementById('push-status');
  function say(text) {
    if (statusBox) statusBox.textContent = text;
  }
  var ja = document.documentElement.lang !== 'en';
  var TEXT = {
    unsupported: ja ? 'このブラウザはプッシュ通知に対応していません。メールまたはLINEを選んでください。' : 'This browser does not support push notifications. Choose email or LINE.',
    denied: ja ? '通知が許可されませんでした。ブラウザの設定で通知を許可してから、もう一度お試しください。' : 'Notifications were not allowed. Allow them in the browser settings and try again.',
    failed: ja ? 'プッシュ通知を登録できませんでした。時間をおいて、もう一度お試しください。' : 'The push subscription could not be saved. Please try again later.',
    working: ja ? '登録しています…' : 'Subscribing…',
  };

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker
      .register('/app/sw.js', { scope: '/app/' })
      .then(function () {
        return navigator.serviceWorker.ready;
      })
      .then(function (registration) {
        var ready = document.getElementById('app-offline-ready');
        if (ready) ready.hidden = false;
        document.documentElement.setAttribute('data-sw', 'ready');
        if (registration.active) registration.active.postMessage({ type: 'refresh' });
      })
      .catch(function () {
        /* offline reading is an extra; the page works without it */
      });
  }

  function keyBytes(base64url) {
    var padded = (base64url + '==='.slice((base64url.length + 3) % 4)).replace(/-/g, '+').replace(/_/g, '/');
    var raw = atob(padded);
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }

  var form = document.getElementById('subscribe-form');
  if (!form) return;
  form.addEventListener('submit', function (event) {
    var channel = form.querySelector('input[name="channel"]:checked');
    if (!channel || channel.value !== 'push') return;
    var categories = Array.prototype.map.call(form.querySelectorAll('input[name="categories"]:checked'), function (i) {
      return i.value;
    });
    var areas = Array.prototype.map.call(form.querySelectorAll('input[name="areas"]:checked'), function (i) {
      return i.value;
    });
    // Missing choices: let the server answer with its messages next to the fields.
    if (categories.length === 0 || areas.length === 0) return;
    event.preventDefault();
    if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return say(TEXT.unsupported);
    say(TEXT.working);
    var csrf = form.querySelector('input[name="_csrf"]').value;
    Notification.requestPermission()
      .then(function (permission) {
        if (permission !== 'granted') throw new Error('denied');
        return navigator.serviceWorker.ready;
      })
      .then(function (registration) {
        return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(form.getAttribute('data-vapid-key')) });
      })
      .then(function (subscription) {
        return fetch('/app/push/subscriptions', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf },
          body: JSON.stringify({ subscription: subscription.toJSON(), categories: categories, areas: areas }),
        });
      })
      .then(function (response) {
        if (!response.ok) throw new Error('failed');
        window.location.assign('/app/subscribe/push-done');
      })
      .catch(function (error) {
        say(error && error.message === 'denied' ? TEXT.denied : TEXT.failed);
      });
  });
})();
