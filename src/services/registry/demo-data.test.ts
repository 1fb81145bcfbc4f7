import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isKana } from '../../platform/text/kana.ts';
import { nameSearchKey } from '../../platform/text/search-key.ts';
import { ageOn, isIsoDate } from '../../platform/text/wareki.ts';
import { generateDemoRegistry } from './demo-data.ts';
import type { Area, DemoRegistry } from './demo-data.ts';
import { createSeededRandom, mulberry32 } from './seeded-random.ts';

const TODAY = '2026-04-01';
const registry: DemoRegistry = generateDemoRegistry();
const current = registry.residents.filter((r) => r.status === 'current');
const townByCode = new Map(registry.towns.map((t) => [t.code, t]));
const householdById = new Map(registry.households.map((h) => [h.id, h]));
const areaOfHousehold = (id: string): Area => townByCode.get(householdById.get(id)!.townCode)!.area;

describe('seeded random', () => {
  it('is deterministic per seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 100; i++) assert.equal(a(), b());
    assert.notEqual(mulberry32(1)(), mulberry32(2)());
    const r = createSeededRandom(7);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 5);
      assert.ok(n >= 3 && n <= 5 && Number.isInteger(n));
    }
  });
});

describe('generateDemoRegistry', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    assert.deepEqual(generateDemoRegistry(), registry);
    assert.deepEqual(generateDemoRegistry({ seed: 5, residents: 300 }), generateDemoRegistry({ seed: 5, residents: 300 }));
    assert.notDeepEqual(generateDemoRegistry({ seed: 5, residents: 300 }).residents, generateDemoRegistry({ seed: 6, residents: 300 }).residents);
  });

  it('hits the size targets', () => {
    assert.ok(registry.residents.length >= 2000 && registry.residents.length <= 2010, `${registry.residents.length} residents`);
    assert.ok(registry.households.length >= 700 && registry.households.length <= 900, `${registry.households.length} households`);
    assert.ok(registry.towns.length >= 40);
    const small = generateDemoRegistry({ residents: 500, seed: 3 });
    assert.ok(small.residents.length >= 500 && small.residents.length < 515);
  });

  it('has unique, well-formed identifiers', () => {
    const ids = new Set(registry.residents.map((r) => r.id));
    assert.equal(ids.size, registry.residents.length);
    assert.equal(new Set(registry.residents.map((r) => r.residentCode)).size, registry.residents.length);
    assert.equal(new Set(registry.households.map((h) => h.householdNumber)).size, registry.households.length);
    for (const r of registry.residents) {
      assert.match(r.id, /^r\d{4,}$/);
      assert.match(r.residentCode, /^\d{11}$/);
    }
    for (const h of registry.households) {
      assert.match(h.id, /^h\d{4,}$/);
      assert.match(h.householdNumber, /^\d{10}$/);
      assert.ok(townByCode.has(h.townCode), h.townCode);
    }
    for (const t of registry.towns) {
      assert.match(t.code, /^032158\d{6}$/);
      assert.match(t.postalCode, /^0(23|29)-\d{4}$/);
      assert.ok(t.name.startsWith(t.area) && !t.name.includes('区'), t.name);
      assert.ok(isKana(t.kana), t.kana);
    }
  });

  it('links every resident to an existing household with exactly one 世帯主', () => {
    const heads = new Map<string, number>();
    for (const r of registry.residents) {
      assert.ok(householdById.has(r.householdId), r.householdId);
      if (r.relationship === '世帯主') heads.set(r.householdId, (heads.get(r.householdId) ?? 0) + 1);
    }
    for (const h of registry.households) {
      assert.equal(heads.get(h.id), 1, h.id);
      const head = registry.residents.find((r) => r.id === h.headResidentId)!;
      assert.equal(head.relationship, '世帯主');
      assert.equal(head.householdId, h.id);
      assert.equal(head.status, 'current');
    }
  });

  it('has valid birth dates, kana and relationships', () => {
    const allowed = new Set(['世帯主', '妻', '夫', '子', '父', '母', '孫', '子の妻', '兄', '姉', '弟', '妹', '祖母', '同居人']);
    for (const r of registry.residents) {
      assert.ok(isIsoDate(r.birthDate) && r.birthDate <= TODAY, r.birthDate);
      assert.ok(isKana(r.familyNameKana), r.familyNameKana);
      assert.ok(isKana(r.givenNameKana), r.givenNameKana);
      assert.ok(allowed.has(r.relationship), r.relationship);
      assert.ok(ageOn(r.birthDate, TODAY) <= 105, `${r.id} too old`);
    }
  });

  it('keeps families consistent: shared surname, parents older than children', () => {
    for (const h of registry.households) {
      const members = registry.residents.filter((r) => r.householdId === h.id);
      const head = members.find((r) => r.relationship === '世帯主')!;
      for (const m of members) {
        if (m.relationship !== '同居人') assert.equal(m.familyNameKana, head.familyNameKana, `${m.id} in ${h.id}`);
        if (m.relationship === '子' && ['父', '母'].every((rel) => head.relationship !== rel)) {
          assert.ok(ageOn(head.birthDate, m.birthDate) >= 15 || members.some((x) => (x.relationship === '妻' || x.relationship === '夫') && ageOn(x.birthDate, m.birthDate) >= 15), `${m.id} vs parents in ${h.id}`);
        }
        if (m.relationship === '父' || m.relationship === '母') assert.ok(m.birthDate < head.birthDate);
        if (m.relationship === '孫') assert.ok(ageOn(head.birthDate, m.birthDate) >= 36, m.id);
      }
    }
  });

  it('has a rural age structure and area shares close to Oshu', () => {
    const elderly = current.filter((r) => ageOn(r.birthDate, TODAY) >= 65).length / current.length;
    assert.ok(elderly > 0.33 && elderly < 0.43, `65+ share ${elderly}`);
    const expected: Record<Area, number> = { 水沢: 55, 江刺: 25, 前沢: 10, 胆沢: 13, 衣川: 3 };
    const total = Object.values(expected).reduce((a, b) => a + b, 0);
    for (const [area, share] of Object.entries(expected) as Array<[Area, number]>) {
      const actual = current.filter((r) => areaOfHousehold(r.householdId) === area).length / current.length;
      assert.ok(Math.abs(actual - share / total) < 0.05, `${area}: ${actual}`);
    }
  });

  it('has about 2% moved out and 1% deceased', () => {
    const n = registry.residents.length;
    const movedOut = registry.residents.filter((r) => r.status === 'moved_out').length / n;
    const deceased = registry.residents.filter((r) => r.status === 'deceased').length / n;
    assert.ok(movedOut > 0.01 && movedOut < 0.035, `moved_out ${movedOut}`);
    assert.ok(deceased > 0.005 && deceased < 0.02, `deceased ${deceased}`);
  });

  it('gives every resident a plausible movement history', () => {
    const byResident = new Map<string, typeof registry.movements>();
    for (const m of registry.movements) byResident.set(m.residentId, [...(byResident.get(m.residentId) ?? []), m]);
    for (const r of registry.residents) {
      const ms = byResident.get(r.id) ?? [];
      assert.ok(ms.length > 0, `${r.id} has no movements`);
      assert.ok(ms[0]!.kind === '出生' || ms[0]!.kind === '転入', `${r.id} starts with ${ms[0]!.kind}`);
      for (const m of ms) {
        for (const d of [m.effectiveDate, m.reportedDate]) {
          assert.ok(isIsoDate(d) && d <= TODAY && d >= r.birthDate, `${r.id} ${m.kind} ${d}`);
        }
      }
      if (r.status === 'moved_out') assert.equal(ms.at(-1)!.kind, '転出', r.id);
      if (r.status === 'deceased') assert.equal(ms.at(-1)!.kind, '死亡', r.id);
      if (r.status === 'current') assert.ok(!ms.some((m) => m.kind === '転出' || m.kind === '死亡'), r.id);
    }
    // Current residents' last address is their household's address.
    for (const r of current) {
      const h = householdById.get(r.householdId)!;
      const address = `奥州市${townByCode.get(h.townCode)!.name}${h.addressLine}`;
      const last = (byResident.get(r.id) ?? []).filter((m) => m.toAddress !== null).at(-1);
      assert.equal(last?.toAddress, address, r.id);
    }
    assert.ok(registry.movements.some((m) => m.kind === '転居'));
    assert.ok(registry.movements.some((m) => m.kind === '世帯主変更'));
  });

  it('provides demo accounts r0001–r0012 in distinct households across all areas', () => {
    const demo = Array.from({ length: 12 }, (_, i) => registry.residents.find((r) => r.id === `r${String(i + 1).padStart(4, '0')}`)!);
    assert.ok(demo.every(Boolean));
    assert.equal(new Set(demo.map((r) => r.householdId)).size, 12);
    for (const r of demo) {
      assert.equal(r.status, 'current');
      const age = ageOn(r.birthDate, TODAY);
      assert.ok(age >= 20 && age <= 85, `${r.id} aged ${age}`);
    }
    assert.equal(new Set(demo.map((r) => areaOfHousehold(r.householdId))).size, 5);
    const oldForm = demo.filter((r) => nameSearchKey(r.familyName) !== r.familyName);
    assert.ok(oldForm.some((r) => r.familyName === '髙橋'), 'a demo account with 髙橋');
  });

  it('contains old-form surnames that fold onto common ones', () => {
    const keys = new Set(registry.residents.filter((r) => r.familyName !== nameSearchKey(r.familyName)).map((r) => nameSearchKey(r.familyName)));
    assert.ok(keys.has('高橋'));
  });

  it('respects the today option and never dates anything after it', () => {
    const past = generateDemoRegistry({ residents: 300, today: '2020-01-15' });
    for (const r of past.residents) assert.ok(r.birthDate <= '2020-01-15');
    for (const m of past.movements) assert.ok(m.effectiveDate <= '2020-01-15' && m.reportedDate <= '2020-01-15');
  });
});
