import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { OSHU_FAQ } from './index.ts';
import {
  DEPARTMENT_CODES,
  FAQ_CATEGORIES,
  INTERNAL_LINK_PATHS,
  LIFE_EVENTS,
  PROCEDURE_SLUGS,
} from './types.ts';
import type { DepartmentCode, FaqCategory } from './types.ts';

const normalize = (s: string): string => s.normalize('NFKC').replace(/\s+/gu, '');
const nonEmpty = (s: string | undefined): boolean => typeof s === 'string' && s.trim().length > 0;

describe('OSHU_FAQ content', () => {
  it('has at least 160 entries', () => {
    assert.ok(OSHU_FAQ.length >= 160, `only ${OSHU_FAQ.length} entries`);
  });

  it('has unique, slug-shaped ids', () => {
    const seen = new Set<string>();
    for (const f of OSHU_FAQ) {
      assert.match(f.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, `bad id: ${f.id}`);
      assert.ok(!seen.has(f.id), `duplicate id: ${f.id}`);
      seen.add(f.id);
    }
  });

  it('has every field non-empty', () => {
    for (const f of OSHU_FAQ) {
      assert.ok(nonEmpty(f.question), `${f.id}: question`);
      assert.ok(nonEmpty(f.answer), `${f.id}: answer`);
      assert.ok(nonEmpty(f.department), `${f.id}: department`);
      assert.ok(nonEmpty(f.category), `${f.id}: category`);
      assert.ok(f.keywords.length >= 2 && f.keywords.length <= 6, `${f.id}: keywords must be 2–6`);
      for (const k of f.keywords) assert.ok(nonEmpty(k), `${f.id}: empty keyword`);
      assert.equal(new Set(f.keywords).size, f.keywords.length, `${f.id}: duplicate keyword`);
      if (f.lifeEvents !== undefined) {
        assert.ok(f.lifeEvents.length > 0, `${f.id}: empty lifeEvents`);
        for (const e of f.lifeEvents) assert.ok(LIFE_EVENTS.includes(e), `${f.id}: bad life event ${e}`);
      }
      if (f.procedure !== undefined) {
        assert.ok(nonEmpty(f.procedure), `${f.id}: empty procedure`);
        assert.ok(PROCEDURE_SLUGS.includes(f.procedure), `${f.id}: unknown procedure ${f.procedure}`);
      }
      if (f.links !== undefined) {
        assert.ok(f.links.length > 0, `${f.id}: empty links`);
        for (const l of f.links) {
          assert.ok(nonEmpty(l.label), `${f.id}: empty link label`);
          assert.ok(nonEmpty(l.href), `${f.id}: empty link href`);
        }
      }
      if (f.en !== undefined) {
        assert.ok(nonEmpty(f.en.question), `${f.id}: en.question`);
        assert.ok(nonEmpty(f.en.answer), `${f.id}: en.answer`);
        assert.doesNotMatch(f.en.answer, /http/i, `${f.id}: URL in en.answer`);
        assert.doesNotMatch(f.en.answer, /\d{2,4}-\d{2,4}-\d{3,4}/, `${f.id}: phone number in en.answer`);
      }
    }
  });

  it('uses only valid departments and categories', () => {
    for (const f of OSHU_FAQ) {
      assert.ok(DEPARTMENT_CODES.includes(f.department), `${f.id}: bad department ${f.department}`);
      assert.ok(FAQ_CATEGORIES.includes(f.category), `${f.id}: bad category ${f.category}`);
    }
  });

  it('has at least 8 entries in every category', () => {
    const counts = new Map<FaqCategory, number>();
    for (const f of OSHU_FAQ) counts.set(f.category, (counts.get(f.category) ?? 0) + 1);
    for (const c of FAQ_CATEGORIES) {
      assert.ok((counts.get(c) ?? 0) >= 8, `category ${c} has only ${counts.get(c) ?? 0}`);
    }
  });

  it('has an English version on exactly 30 entries', () => {
    assert.equal(OSHU_FAQ.filter((f) => f.en !== undefined).length, 30);
  });

  it('has no duplicated questions (NFKC, whitespace removed)', () => {
    const seen = new Map<string, string>();
    for (const f of OSHU_FAQ) {
      const key = normalize(f.question);
      assert.ok(!seen.has(key), `${f.id} duplicates ${seen.get(key)}`);
      seen.set(key, f.id);
    }
  });

  it('keeps answers 40–400 characters, without phone numbers, URLs or HTML', () => {
    for (const f of OSHU_FAQ) {
      const len = [...f.answer].length;
      assert.ok(len >= 40 && len <= 400, `${f.id}: answer length ${len}`);
      assert.doesNotMatch(f.answer, /\d{2,4}-\d{2,4}-\d{3,4}/, `${f.id}: phone-number-like string`);
      assert.doesNotMatch(f.answer, /http/i, `${f.id}: URL`);
      assert.doesNotMatch(f.answer, /<\/?[a-z][^>]*>/i, `${f.id}: HTML`);
    }
  });

  it('links only to allowed internal paths', () => {
    for (const f of OSHU_FAQ) {
      for (const l of f.links ?? []) {
        assert.ok(INTERNAL_LINK_PATHS.includes(l.href), `${f.id}: link to ${l.href}`);
      }
    }
  });

  it('keeps the constant lists in sync with the types', () => {
    // Compile-time exhaustiveness: these fail to typecheck if a union member is missing from the lists.
    const allDepartments: Record<DepartmentCode, true> = {
      dx: true,
      citizens: true,
      tax: true,
      childcare: true,
      welfare: true,
      environment: true,
      roads: true,
      water: true,
      lifelong: true,
      transport: true,
      commerce: true,
      agriculture: true,
    };
    assert.deepEqual([...DEPARTMENT_CODES].sort(), Object.keys(allDepartments).sort());
    assert.equal(new Set(FAQ_CATEGORIES).size, 11);
  });
});
