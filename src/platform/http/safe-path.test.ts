import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sameSitePath } from './safe-path.ts';

test('only same-site paths pass as redirect targets', () => {
  assert.equal(sameSitePath('/mypage?x=1', '/'), '/mypage?x=1');
  for (const bad of ['//evil.example', '/\\evil.example', '/\\\\evil.example/x', 'https://evil.example', 'javascript:alert(1)', '/a b', '', null, 42]) {
    assert.equal(sameSitePath(bad, '/'), '/', String(bad));
  }
});
