/**
 * Leaflet, served from node_modules at /assets/vendor/leaflet/* (same origin, as the
 * CSP's script-src and style-src 'self' require), for every service that draws a map.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

export const LEAFLET_JS = '/assets/vendor/leaflet/leaflet.js';
export const LEAFLET_CSS = '/assets/vendor/leaflet/leaflet.css';
const ROUTE = '/assets/vendor/leaflet/*';

const LEAFLET_DIR = path.dirname(fileURLToPath(import.meta.resolve('leaflet/dist/leaflet.js')));
const LEAFLET_TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.png': 'image/png', '.map': 'application/json' };

/** Every file a page may ask for, read once at start: a fixed list, so no path from a URL ever reaches the disk. */
function leafletFiles(): Map<string, { type: string; body: Buffer }> {
  const names = ['leaflet.js', 'leaflet.js.map', 'leaflet.css', ...fs.readdirSync(path.join(LEAFLET_DIR, 'images')).map((f) => `images/${f}`)];
  return new Map(names.map((name) => [name, { type: LEAFLET_TYPES[path.extname(name)] ?? 'application/octet-stream', body: fs.readFileSync(path.join(LEAFLET_DIR, name)) }]));
}

/**
 * Adds the Leaflet route once: each service with a map calls this, and an app built
 * with any subset of them still serves Leaflet exactly once.
 */
export function registerLeafletAssets(app: FastifyInstance): void {
  if (app.hasRoute({ method: 'GET', url: ROUTE })) return;
  const files = leafletFiles();
  app.get(ROUTE, { schema: { hide: true } }, async (request, reply) => {
    const file = files.get((request.params as { '*': string })['*']);
    if (!file) return reply.callNotFound();
    // The files change only with the installed Leaflet version, i.e. with a deploy.
    return reply.type(file.type).header('cache-control', 'public, max-age=604800').send(file.body);
  });
}
