/** The map picker's script (assets/location-picker.js) and Leaflet, for pages with a 場所 question. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { registerLeafletAssets } from '../../platform/ui/leaflet-assets.ts';
import { LOCATION_PICKER_JS } from './location-map-views.tsx';

const PICKER = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets/location-picker.js'), 'utf8');

export function registerLocationAssets(app: FastifyInstance): void {
  registerLeafletAssets(app);
  app.get(LOCATION_PICKER_JS, { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(PICKER),
  );
}
