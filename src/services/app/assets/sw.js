/*
 * 「ぽちっと奥州」 service worker (scope /app/): keeps the latest news list and articles
 * for reading offline, and shows push notifications.
 *
 * Pages: network first (always the newest when online), the saved copy when offline,
 * else the offline page. The latest articles are saved ahead of time (on install and
 * whenever an app page asks), from the news API, so they open offline even if never
 * visited. Only GET pages under /app/news and the app's home are saved.
 */
const VERSION = 'v1';
const SHELL = `oshu-app-shell-${VERSION}`;
const PAGES = `oshu-app-pages-${VERSION}`;
const KEEP_ARTICLES = 30;
const SHELL_URLS = ['/app/', '/app/news', '/app/offline', '/assets/app.css', '/assets/tokens.css', '/assets/favicon.svg', '/app/app.js', '/app/icons/icon-192.png'];

const savable = (url) => url.origin === self.location.origin && (url.pathname === '/app/' || url.pathname === '/app' || url.pathname === '/app/news' || /^\/app\/news\/[0-9a-f-]{36}$/.test(url.pathname));

async function saveLatest() {
  const cache = await caches.open(PAGES);
  const response = await fetch(`/api/app/news?limit=${KEEP_ARTICLES}`, { headers: { accept: 'application/json' } });
  if (!response.ok) return;
  const { items } = await response.json();
  const wanted = new Set(items.map((item) => new URL(`/app/news/${item.id}`, self.location.origin).href));
  await Promise.all(
    [...wanted].map(async (href) => {
      const page = await fetch(href);
      if (page.ok) await cache.put(href, page);
    }),
  );
  // Older articles leave the cache, so it stays small.
  for (const request of await cache.keys()) {
    const url = new URL(request.url);
    if (/^\/app\/news\/[0-9a-f-]{36}$/.test(url.pathname) && !wanted.has(request.url)) await cache.delete(request);
  }
  for (const path of ['/app/', '/app/news']) {
    const page = await fetch(path);
    if (page.ok) await cache.put(new URL(path, self.location.origin).href, page);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(SHELL_URLS))
      .then(() => saveLatest().catch(() => undefined))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('oshu-app-') && n !== SHELL && n !== PAGES).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'refresh') event.waitUntil(saveLatest().catch(() => undefined));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok && savable(url)) {
            const copy = response.clone();
            caches.open(PAGES).then((cache) => cache.put(request, copy));
          }
          return response;
        })
        .catch(async () => (await caches.match(request, { ignoreSearch: url.pathname !== '/app/news' })) || (await caches.match('/app/offline')) || Response.error()),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/app/icons/') || url.pathname === '/app/app.js') {
    // Styles, icons and the page script: the network when it answers, the saved copy offline.
    event.respondWith(fetch(request).catch(async () => (await caches.match(request)) || Response.error()));
  }
});

/** The notifier's push payload: our JSON ({ title, body, url, tag }), possibly wrapped in { title, body: JSON }, or plain text. */
function readPush(data) {
  if (!data) return {};
  let payload;
  try {
    payload = data.json();
  } catch {
    return { body: data.text() };
  }
  if (payload && typeof payload.body === 'string' && payload.body.trim().startsWith('{')) {
    try {
      payload = { ...payload, ...JSON.parse(payload.body) };
    } catch {
      /* a plain body that happens to start with a brace */
    }
  }
  return payload || {};
}

self.addEventListener('push', (event) => {
  const data = readPush(event.data);
  const title = data.title || data.subject || 'ぽちっと奥州';
  const url = typeof data.url === 'string' ? data.url : '/app/';
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof data.body === 'string' ? data.body : '',
      icon: '/app/icons/icon-192.png',
      badge: '/app/icons/icon-192.png',
      tag: data.tag || undefined,
      lang: 'ja',
      data: { url },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  let target = new URL('/app/', self.location.origin);
  try {
    const url = new URL(event.notification.data && event.notification.data.url, self.location.origin);
    // Only our own pages open from a notification.
    if (url.origin === self.location.origin) target = url;
  } catch {
    /* keep the app home */
  }
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => w.url === target.href);
      return open ? open.focus() : self.clients.openWindow(target.href);
    }),
  );
});
