import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { estimateMatrix, haversineMetres, OsrmTravel } from './travel-model.ts';

const stops = [
  { id: 'station', lat: 39.0486, lng: 141.1163 },
  { id: 'hospital', lat: 39.0571, lng: 141.1262 },
  { id: 'omo', lat: 39.0171, lng: 141.1348 },
];

// A local stand-in for an OSRM server's table service (same request and answer shape).
let requests: string[] = [];
let fail = false;
const server = http.createServer((req, res) => {
  requests.push(req.url!);
  if (fail) {
    res.writeHead(503).end();
    return;
  }
  const coords = decodeURIComponent(req.url!.split('/table/v1/driving/')[1]!.split('?')[0]!).split(';');
  const n = coords.length;
  const durations = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : 100 * (i + 1) + j)));
  const distances = durations.map((row) => row.map((d) => d * 10));
  if (n === 3) durations[2]![0] = null as unknown as number; // an unreachable pair
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'Ok', durations, distances }));
});
let baseUrl = '';
before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

test('the estimate is straight-line distance × 1.35 at 30 km/h', () => {
  const m = estimateMatrix(stops);
  const straight = haversineMetres(stops[0]!, stops[1]!);
  assert.ok(straight > 1100 && straight < 1400, `${straight} m between the station and the hospital`);
  assert.equal(m.metres(0, 1), Math.round(straight * 1.35));
  assert.equal(m.seconds(0, 1), Math.round((straight * 1.35) / (30000 / 3600)));
  assert.equal(m.seconds(1, 1), 0);
  assert.equal(m.source, 'estimate');
  assert.throws(() => m.indexOf('nowhere'), /unknown stop/);
});

test('OSRM table answers become the matrix, are cached, and an outage falls back to the estimate', async () => {
  requests = [];
  const osrm = new OsrmTravel(baseUrl, pino({ level: 'silent' }));
  const m = await osrm.matrix(stops);
  assert.equal(m.source, 'osrm');
  assert.match(requests[0]!, /^\/table\/v1\/driving\/141\.116300,39\.048600;141\.126200,39\.057100;141\.134800,39\.017100\?annotations=duration,distance$/);
  assert.equal(m.seconds(0, 1), 101);
  assert.equal(m.metres(0, 1), 1010);
  assert.equal(m.seconds(2, 0), 1e7, 'an unreachable pair is never routed');
  await osrm.matrix(stops);
  assert.equal(requests.length, 1, 'cached for the same stops');
  fail = true;
  const fallback = await new OsrmTravel(baseUrl, pino({ level: 'silent' })).matrix(stops);
  assert.equal(fallback.source, 'estimate');
  fail = false;
});
