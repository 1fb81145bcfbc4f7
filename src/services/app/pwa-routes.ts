/**
 * The installable app: its manifest, service worker (scope /app/), page script and icons.
 * The service worker is served with no-cache so a new version is picked up on the next visit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { icon } from './icons.ts';

const ASSETS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');
const read = (name: string) => fs.readFileSync(path.join(ASSETS, name), 'utf8');
const SW_JS = read('sw.js');
const APP_JS = read('app.js');
const ICON_SVG = read('icon.svg');

export const MANIFEST = {
  id: '/app/',
  name: 'ぽちっと奥州 — 奥州市のお知らせ',
  short_name: 'ぽちっと奥州',
  description: '奥州市からのお知らせ（防災・子育て・健康・イベント・行政・観光）を受け取り、オフラインでも読めるアプリです。',
  lang: 'ja',
  dir: 'ltr',
  start_url: '/app/',
  scope: '/app/',
  display: 'standalone',
  background_color: '#ffffff',
  theme_color: '#0017c1',
  categories: ['news', 'government'],
  icons: [
    { src: '/app/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    { src: '/app/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/app/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/app/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
  shortcuts: [
    { name: '防災情報', url: '/app/news?category=disaster' },
    { name: '子育て応援', url: '/app/childcare' },
  ],
};

export async function registerPwaRoutes(app: FastifyInstance): Promise<void> {
  const hidden = { schema: { hide: true } };
  app.get('/app/manifest.webmanifest', hidden, async (_request, reply) => reply.type('application/manifest+json; charset=utf-8').header('cache-control', 'public, max-age=3600').send(JSON.stringify(MANIFEST)));
  app.get('/app/sw.js', hidden, async (_request, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').header('service-worker-allowed', '/app/').send(SW_JS));
  app.get('/app/app.js', hidden, async (_request, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(APP_JS));
  app.get('/app/icons/icon.svg', hidden, async (_request, reply) => reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(ICON_SVG));
  app.get('/app/icons/icon-192.png', hidden, async (_request, reply) => reply.type('image/png').header('cache-control', 'public, max-age=86400').send(icon(192)));
  app.get('/app/icons/icon-512.png', hidden, async (_request, reply) => reply.type('image/png').header('cache-control', 'public, max-age=86400').send(icon(512)));
  app.get('/app/icons/maskable-512.png', hidden, async (_request, reply) => reply.type('image/png').header('cache-control', 'public, max-age=86400').send(icon(512, true)));
}
