import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli.ts');

test('cli rank writes { queryId: [docId, …] } best first, at most k each', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'faq-cli-'));
  try {
    const corpus = path.join(dir, 'corpus.json');
    const queries = path.join(dir, 'queries.json');
    const out = path.join(dir, 'ranks.json');
    writeFileSync(
      corpus,
      JSON.stringify({
        '10': 'Question: 粗大ごみの出し方\nAnswer: 電話で申込んでください。＜改＞',
        '11': 'Question: 住民票の写しの取得\nAnswer: 市民課の窓口で取得できます。',
        '12': 'Question: 犬の登録\nAnswer: 狂犬病予防注射も必要です。',
      }),
    );
    writeFileSync(queries, JSON.stringify({ q1: 'ゴミを出したい', q2: '住民票がほしい', q3: '火星の天気' }));
    execFileSync(process.execPath, ['--import', 'tsx', cli, 'rank', '--corpus', corpus, '--queries', queries, '--k', '2', '--out', out], {
      stdio: 'pipe',
    });
    const ranks = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(ranks).sort(), ['q1', 'q2', 'q3']);
    for (const list of Object.values(ranks)) {
      assert.ok(Array.isArray(list) && list.length <= 2 && list.every((id) => typeof id === 'string'));
    }
    assert.equal((ranks.q1 as string[])[0], '10');
    assert.equal((ranks.q2 as string[])[0], '11');
    assert.deepEqual(ranks.q3, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cli without the rank command exits with usage', () => {
  assert.throws(() => execFileSync(process.execPath, ['--import', 'tsx', cli, 'nope'], { stdio: 'pipe' }));
});
