#!/usr/bin/env node
// `npm test`: every *.test.ts under src/ and test/ through node's own test
// runner (Node 20 has no glob for --test, so we list the files). Engine and
// unit tests run first; the browser journeys last.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function find(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : find(full);
    return /\.test\.tsx?$/.test(entry.name) ? [path.relative(root, full)] : [];
  });
}

const only = process.argv.slice(2);
const files = (only.length ? only : [...find(path.join(root, 'src')), ...find(path.join(root, 'test'))]).sort((a, b) => {
  const rank = (f) => (f.startsWith('test/e2e') ? 2 : f.startsWith('src/engines') ? 0 : 1);
  return rank(a) - rank(b) || a.localeCompare(b);
});
console.log(`running ${files.length} test files on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`);
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=300000', ...files], { cwd: root, stdio: 'inherit', env: process.env });
process.exit(result.status ?? 1);
