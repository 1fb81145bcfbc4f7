// The starting catalogue of Oshu's online procedures: every definition must pass
// the form engine, the catalogue must hold what the city offers (the procedures,
// departments, fees and signatures the brief and the city's practice fix), and
// every form must be one a resident can actually complete.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  feeYen,
  normaliseAnswers,
  parseDefinition,
  prefill,
  resolveDateBound,
  validateAnswers,
  visiblePages,
  type Answers,
  type Field,
  type GroupField,
  type ProcedureDefinition,
  type ScalarField,
} from '../../../engines/forms/index.ts';
import { CATALOGUE_DIR, catalogueFiles, catalogueIds, loadCatalogue, readCatalogue } from './index.ts';

// A fixed day, so relative date bounds resolve the same on every run.
const TODAY = '2026-06-15';
const MB10 = 10 * 1024 * 1024;

const DEPARTMENTS = ['citizens', 'tax', 'childcare', 'welfare', 'environment', 'roads', 'water', 'lifelong', 'transport', 'commerce', 'agriculture', 'education', 'insurance', 'dx'];

const MUST_INCLUDE = [
  'juminhyo-copy', 'inkan-certificate', 'shotoku-kazei-certificate', 'nozei-certificate', 'koseki-certificate',
  'tenshutsu', 'tennyu-reservation', 'tenkyo',
  'jido-teate', 'hoiku-admission', 'houkago-club',
  'kamiomutsu', 'kinkyu-tsuho', 'kaigo-nintei',
  'ninshin-todoke', 'kodomo-iryohi',
  'inu-toroku', 'inu-shibou',
  'sodai-gomi', 'doro-tsuho', 'suido-kaiheisen',
  'tv-kyocho-hojo', 'dx-hojo',
  'kei-haisha', 'hikazei-shinkoku', 'kokuho-kanyu-dattai', 'shugakko-henko',
];

/** Fees as the city charges them: yen per unit and what counts the units. */
const FEES: Record<string, { unitYen: number; quantityField?: string }> = {
  'juminhyo-copy': { unitYen: 300, quantityField: 'copies' },
  'inkan-certificate': { unitYen: 300, quantityField: 'copies' },
  'shotoku-kazei-certificate': { unitYen: 300, quantityField: 'copies' },
  'nozei-certificate': { unitYen: 300, quantityField: 'copies' },
  'koseki-certificate': { unitYen: 450, quantityField: 'copies' },
  'inu-toroku': { unitYen: 3000 },
  'sodai-gomi': { unitYen: 1000, quantityField: 'items.quantity' },
};

function rawDefinitions(): { file: string; json: unknown }[] {
  return catalogueFiles().map((file) => ({ file, json: JSON.parse(fs.readFileSync(path.join(CATALOGUE_DIR, file), 'utf8')) }));
}

const catalogue = loadCatalogue();
const byId = new Map(catalogue.map((d) => [d.id, d]));

function def(id: string): ProcedureDefinition {
  const d = byId.get(id);
  assert.ok(d, `procedure ${id} is in the catalogue`);
  return d;
}

function allFields(d: ProcedureDefinition): Field[] {
  return d.pages.flatMap((p) => p.fields);
}

function field(d: ProcedureDefinition, id: string): Field {
  const f = allFields(d).find((x) => x.id === id);
  assert.ok(f, `${d.id} has a field ${id}`);
  return f;
}

function optionValues(f: Field): string[] {
  assert.ok('options' in f, `${f.id} has options`);
  return f.options.map((o) => o.value);
}

/** The errors of one field when the rest of the answers are as given. */
function errorsOf(d: ProcedureDefinition, answers: Answers, fieldId: string): string[] {
  return normaliseAnswers(d, answers, { today: TODAY })
    .errors.filter((e) => e.fieldId === fieldId)
    .map((e) => e.code);
}

describe('every definition passes the form engine', () => {
  for (const { file, json } of rawDefinitions()) {
    it(file, () => {
      const parsed = parseDefinition(json);
      assert.ok(parsed.ok, parsed.ok ? '' : `${file}:\n${parsed.errors.join('\n')}`);
      assert.equal(`${parsed.definition.id}.json`, file, 'the file is named after the id');
    });
  }
});

describe('the loader', () => {
  it('loads every file, in id order, matching catalogueIds', () => {
    assert.deepEqual(catalogue.map((d) => d.id), [...catalogueIds]);
    assert.equal(catalogue.length, catalogueFiles().length);
  });

  it('hands out copies, so one caller cannot change what the next one gets', () => {
    const first = loadCatalogue();
    first[0]!.title.ja = '書き換え';
    assert.notEqual(loadCatalogue()[0]!.title.ja, '書き換え');
  });

  it('refuses a folder with a bad definition, naming the file and the problem', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-'));
    try {
      const good = fs.readFileSync(path.join(CATALOGUE_DIR, 'inu-shibou.json'), 'utf8');
      fs.writeFileSync(path.join(dir, 'inu-shibou.json'), good);
      assert.equal(readCatalogue(dir).length, 1);
      fs.writeFileSync(path.join(dir, 'broken.json'), JSON.stringify({ ...JSON.parse(good), id: 'broken', department: 'Citizens!' }));
      assert.throws(() => readCatalogue(dir), /broken\.json:\n\s+department/);
      fs.writeFileSync(path.join(dir, 'broken.json'), JSON.stringify({ ...JSON.parse(good), id: 'other-name' }));
      assert.throws(() => readCatalogue(dir), /broken\.json: its id is "other-name"/);
      fs.writeFileSync(path.join(dir, 'broken.json'), '{ "id": ');
      assert.throws(() => readCatalogue(dir), /broken\.json: not valid JSON/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the catalogue as a whole', () => {
  it('holds at least 28 procedures with unique ids', () => {
    assert.ok(catalogue.length >= 28, `${catalogue.length} procedures`);
    assert.equal(new Set(catalogue.map((d) => d.id)).size, catalogue.length);
  });

  it('includes every procedure the city must offer', () => {
    const missing = MUST_INCLUDE.filter((id) => !byId.has(id));
    assert.deepEqual(missing, []);
  });

  it('routes every procedure to a real department', () => {
    for (const d of catalogue) assert.ok(DEPARTMENTS.includes(d.department), `${d.id}: unknown department ${d.department}`);
  });

  it('covers every kind of business the brief names', () => {
    const categories = new Set(catalogue.map((d) => d.category));
    for (const c of ['certificates', 'moving', 'childcare', 'welfare', 'health', 'pets', 'waste', 'roads', 'water', 'tax', 'education', 'business', 'subsidy']) {
      assert.ok(categories.has(c as ProcedureDefinition['category']), `a ${c} procedure`);
    }
    assert.ok(catalogue.filter((d) => d.category === 'welfare').length >= 2, 'at least two welfare procedures');
    const departments = new Set(catalogue.map((d) => d.department));
    for (const dept of ['insurance', 'education', 'commerce', 'dx', 'water', 'roads', 'environment', 'welfare', 'childcare', 'tax', 'citizens']) {
      assert.ok(departments.has(dept), `a procedure of ${dept}`);
    }
  });

  it('charges the fees the city charges, and nothing elsewhere', () => {
    for (const d of catalogue) {
      const expected = FEES[d.id];
      if (!expected) {
        assert.equal(d.fee, null, `${d.id} has no fee`);
        assert.deepEqual(d.payment, [], `${d.id}: no payment without a fee`);
        continue;
      }
      assert.ok(d.fee, `${d.id} has a fee`);
      assert.equal(d.fee.unitYen, expected.unitYen, `${d.id} unit price`);
      assert.equal(d.fee.quantityField, expected.quantityField, `${d.id} quantity`);
    }
  });

  it('lets every fee be paid at the counter (not everyone pays online)', () => {
    for (const d of catalogue.filter((x) => x.fee)) assert.ok(d.payment.includes('counter'), `${d.id} offers counter payment`);
  });

  it('asks for the My Number card signature where the law asks for a signature', () => {
    for (const id of ['tenshutsu', 'jido-teate', 'hoiku-admission', 'juminhyo-copy', 'koseki-certificate', 'kaigo-nintei', 'kokuho-kanyu-dattai']) {
      assert.equal(def(id).assurance, 'card', `${id} needs the card`);
    }
    assert.equal(def('doro-tsuho').assurance, 'password', 'a road report needs only a login');
    assert.equal(def('tennyu-reservation').assurance, 'password', 'moving in is finished in person');
  });

  it('offers all four kinds of procedure (signature × fee)', () => {
    const kinds = new Set(catalogue.map((d) => `${d.assurance}/${d.fee ? 'fee' : 'free'}`));
    assert.deepEqual([...kinds].sort(), ['card/fee', 'card/free', 'password/fee', 'password/free']);
  });

  it('gives every procedure search words and a standard processing period', () => {
    for (const d of catalogue) {
      assert.ok(d.keywords.length >= 3, `${d.id} keywords`);
      assert.ok(d.keywords.some((k) => /^[\u3041-\u309f\u30fc]+$/u.test(k)), `${d.id} has a hiragana reading among its keywords`);
      assert.ok(d.processingDays >= 1 && d.processingDays <= 60, `${d.id} processingDays ${d.processingDays}`);
    }
  });
});

describe('certificates', () => {
  it('住民票の写し: copies × 300 yen, whole or part of the household, optional details, purpose, post or counter', () => {
    const d = def('juminhyo-copy');
    assert.equal(feeYen(d, { copies: 3 }), 900);
    assert.deepEqual(optionValues(field(d, 'scope')), ['all', 'part']);
    const members = field(d, 'members') as GroupField;
    assert.equal(members.type, 'group');
    assert.equal(members.prefill, 'household.members');
    assert.deepEqual(members.when, { field: 'scope', equals: 'part' });
    assert.deepEqual(optionValues(field(d, 'include')), ['honseki', 'relationship']);
    assert.equal(field(d, 'purpose').type, 'select');
    assert.deepEqual(optionValues(field(d, 'receiveMethod')), ['mail', 'counter']);
  });

  it('住民票の写し: the representative page appears only when a representative collects at the counter', () => {
    const d = def('juminhyo-copy');
    const pages = (answers: Answers) => visiblePages(d, answers).map((p) => p.id);
    assert.ok(!pages({ receiveMethod: 'mail' }).includes('agent'));
    assert.ok(!pages({ receiveMethod: 'counter', pickupBy: 'self' }).includes('agent'));
    assert.ok(pages({ receiveMethod: 'counter', pickupBy: 'agent' }).includes('agent'));
  });

  it('納税証明書: free for a kei car inspection, 300 yen a copy otherwise', () => {
    const d = def('nozei-certificate');
    assert.equal(feeYen(d, { kind: 'keiInspection', copies: 2 }), 0);
    assert.equal(feeYen(d, { kind: 'paid', copies: 2 }), 600);
  });

  it('税証明 asks which fiscal year', () => {
    assert.equal(field(def('shotoku-kazei-certificate'), 'fiscalYear').type, 'select');
    assert.equal(field(def('nozei-certificate'), 'fiscalYear').type, 'select');
  });

  it('戸籍: 450 yen a copy; only registers held in Oshu', () => {
    const d = def('koseki-certificate');
    assert.equal(feeYen(d, { copies: 2 }), 900);
    assert.deepEqual(errorsOf(d, { honseki: '奥州市水沢大手町一丁目1番地' }, 'honseki'), []);
    assert.deepEqual(errorsOf(d, { honseki: '岩手県奥州市水沢区大手町1番地' }, 'honseki'), []);
    assert.deepEqual(errorsOf(d, { honseki: '岩手県盛岡市内丸12番2号' }, 'honseki'), ['pattern']);
  });
});

describe('moving', () => {
  it('転出届 may be filed from 30 days before the move to 10 days after it', () => {
    const d = def('tenshutsu');
    const on = (offset: string) => ({ moveDate: resolveDateBound(`today${offset}`, TODAY) });
    assert.deepEqual(errorsOf(d, on('+30d'), 'moveDate'), [], 'moving in 30 days: may file now');
    assert.deepEqual(errorsOf(d, on('-10d'), 'moveDate'), [], 'moved 10 days ago: may still file');
    assert.deepEqual(errorsOf(d, on('+31d'), 'moveDate'), ['date-range'], 'too early to file');
    assert.deepEqual(errorsOf(d, on('-11d'), 'moveDate'), ['date-range'], 'too late to file online');
  });

  it('転出届 lists the household as the people moving', () => {
    const d = def('tenshutsu');
    const suggested = prefill(d, {
      resident: { name: '奥州 太郎' },
      household: {
        head: '奥州 太郎',
        members: [
          { name: '奥州 太郎', nameKana: 'オウシュウ タロウ', birthDate: '1980-04-01', relationship: '世帯主' },
          { name: '奥州 花子', nameKana: 'オウシュウ ハナコ', birthDate: '1982-09-12', relationship: '妻' },
        ],
      },
    });
    const movers = suggested.movers as Answers[];
    assert.equal(movers.length, 2);
    assert.deepEqual(movers[1], { name: '奥州 花子', nameKana: 'オウシュウ\u3000ハナコ', birthDate: '1982-09-12', relationship: '妻' });
    assert.ok(field(d, 'newAddress'));
  });

  it('転入予約 takes the arrival date, previous address, members and the day of the counter visit', () => {
    const d = def('tennyu-reservation');
    for (const id of ['arrivalDate', 'previousAddress', 'movers', 'visitDate']) assert.ok(field(d, id));
    assert.deepEqual(errorsOf(d, { newAddress: '水沢区大手町1-1' }, 'newAddress'), [], 'an Oshu address written with 区');
    assert.deepEqual(errorsOf(d, { newAddress: '東京都千代田区霞が関1-1' }, 'newAddress'), ['pattern']);
  });

  it('転居届 only for an address within the city, after the move', () => {
    const d = def('tenkyo');
    assert.deepEqual(errorsOf(d, { newAddress: '仙台市青葉区本町3-8-1' }, 'newAddress'), ['pattern']);
    assert.deepEqual(errorsOf(d, { moveDate: resolveDateBound('today+1d', TODAY) }, 'moveDate'), ['date-range']);
  });
});

describe('child-rearing, welfare and health', () => {
  it('児童手当: children and a bank account', () => {
    const d = def('jido-teate');
    assert.equal(field(d, 'children').type, 'group');
    assert.deepEqual(errorsOf(d, { bankAccountNumber: '123456' }, 'bankAccountNumber'), ['pattern']);
    assert.deepEqual(errorsOf(d, { bankAccountNumber: '０１２３４５６' }, 'bankAccountNumber'), [], 'full-width digits are fine');
  });

  it('保育所: wanted nurseries per child and each parent’s work, the second parent only when there is one', () => {
    const d = def('hoiku-admission');
    const children = field(d, 'children') as GroupField;
    assert.ok(['choice1', 'choice2', 'choice3'].every((id) => children.fields.some((f) => f.id === id)));
    const pages = (answers: Answers) => visiblePages(d, answers).map((p) => p.id);
    assert.ok(pages({ hasSecondParent: 'yes' }).includes('parent2'));
    assert.ok(!pages({ hasSecondParent: 'no' }).includes('parent2'));
    assert.ok(field(d, 'parent1Status') && field(d, 'parent2Status'));
  });
});

describe('living', () => {
  it('粗大ごみ: 1,000 yen per item summed over the list, collection at least 7 days ahead', () => {
    const d = def('sodai-gomi');
    assert.equal(feeYen(d, { items: [{ itemName: 'いす', quantity: 3 }, { itemName: '机', quantity: 1 }] }), 4000);
    assert.deepEqual(errorsOf(d, { collectionDate: resolveDateBound('today+6d', TODAY) }, 'collectionDate'), ['date-range']);
    assert.deepEqual(errorsOf(d, { collectionDate: resolveDateBound('today+7d', TODAY) }, 'collectionDate'), []);
  });

  it('道路の通報: a photo or PDF (up to 10 MB, as the hint and the procedure page say), the place and a description', () => {
    const d = def('doro-tsuho');
    const photo = field(d, 'photo');
    assert.equal(photo.type, 'file');
    assert.ok(photo.type === 'file' && photo.maxBytes <= MB10);
    assert.ok(photo.type === 'file' && [...photo.accept].sort().join() === 'application/pdf,image/jpeg,image/png');
    // The procedure page lists it as 「写真（写真またはPDF）」; the hint says the same.
    assert.match(photo.hint?.ja ?? '', /写真またはPDF/);
    assert.equal(field(d, 'location').type, 'location');
    assert.equal(field(d, 'description').required, true);
    assert.deepEqual(errorsOf(d, { photo: { fileId: 'f', name: 'a.pdf', type: 'application/pdf', size: 100 } }, 'photo'), []);
    assert.deepEqual(errorsOf(d, { photo: { fileId: 'f', name: 'a.gif', type: 'image/gif', size: 100 } }, 'photo'), ['file-wrong-type']);
  });

  it('水道: start or stop; the final bill’s address only when stopping', () => {
    const d = def('suido-kaiheisen');
    assert.deepEqual(optionValues(field(d, 'kind')), ['start', 'stop']);
    assert.ok(field(d, 'meterLocation'));
    const pages = (answers: Answers) => visiblePages(d, answers).map((p) => p.id);
    assert.ok(pages({ kind: 'stop' }).includes('stop') && !pages({ kind: 'stop' }).includes('start'));
    assert.ok(pages({ kind: 'start' }).includes('start') && !pages({ kind: 'start' }).includes('stop'));
    assert.equal(field(d, 'billAddress').when && JSON.stringify(field(d, 'billAddress').when), JSON.stringify({ field: 'finalBillTo', equals: 'newAddress' }));
  });

  it('犬の登録: 3,000 yen once', () => {
    assert.equal(feeYen(def('inu-toroku'), {}), 3000);
  });
});

describe('subsidies', () => {
  it('テレビ共聴 (F2): the cooperative, the repair estimate, a quotation and the bank account', () => {
    const d = def('tv-kyocho-hojo');
    assert.equal(d.department, 'dx');
    for (const id of ['unionName', 'facilityName', 'estimate', 'quote', 'bankAccountNumber']) assert.ok(field(d, id));
    assert.equal(field(d, 'quote').required, true);
  });

  it('中小企業DX (R4): business, plan, amounts within limits, a quotation; handled by 商業観光課', () => {
    const d = def('dx-hojo');
    assert.equal(d.department, 'commerce');
    assert.deepEqual(errorsOf(d, { requestedAmount: 1_000_001 }, 'requestedAmount'), ['number-range'], 'over the 1,000,000 yen cap');
    assert.deepEqual(errorsOf(d, { eligibleCost: 99_999 }, 'eligibleCost'), ['number-range'], 'under the 100,000 yen floor');
    assert.deepEqual(errorsOf(d, { requestedAmount: 500_000 }, 'requestedAmount'), []);
    assert.equal(field(d, 'quote').required, true);
    assert.deepEqual(errorsOf(d, { businessType: 'corporation', corporateNumber: '123' }, 'corporateNumber'), ['pattern']);
  });
});

// ---- every form can be completed ----

const TEXT_SAMPLES = ['1234567', '1234567890123', '0123456789', '奥州市水沢大手町1丁目1番地', 'テスト'];

function sample(f: ScalarField, pick: 'first' | 'last'): unknown {
  const choose = <T>(list: readonly T[]) => (pick === 'first' ? list[0] : list[list.length - 1]);
  switch (f.type) {
    case 'text':
    case 'textarea':
    case 'address': {
      if (!f.pattern) return f.type === 'address' ? '奥州市水沢大手町1丁目1番地' : 'テスト';
      const re = new RegExp(f.pattern.regex, 'u');
      const fit = TEXT_SAMPLES.find((s) => re.test(s));
      assert.ok(fit, `no sample answer fits the pattern of ${f.id}; add one to TEXT_SAMPLES`);
      return fit;
    }
    case 'kana':
      return 'オウシュウ タロウ';
    case 'number': {
      const n = Math.max(f.min ?? 1, 1);
      return f.max !== undefined ? Math.min(n, f.max) : n;
    }
    case 'date':
      // The latest allowed day: a later date is what satisfies "not before another date" rules.
      return f.max ? resolveDateBound(f.max, TODAY) : f.min ? resolveDateBound(f.min, TODAY) : TODAY;
    case 'postal':
      return '023-0053';
    case 'phone':
      return '0197-24-2111';
    case 'email':
      return 'taro@example.jp';
    case 'select':
    case 'radios':
      return choose(f.options)!.value;
    case 'checkboxes': {
      const n = Math.max(f.minChecked ?? 1, 1);
      const values = f.options.map((o) => o.value);
      return pick === 'first' ? values.slice(0, n) : values.slice(-n);
    }
    case 'consent':
      return true;
    case 'file':
      return { fileId: `file-${f.id}`, name: 'scan', type: f.accept[0], size: 2048 };
    case 'location':
      return { lat: 39.1445, lng: 141.1391 };
  }
}

/** An answer for every field (hidden ones too: the engine keeps only what shows). */
function completeAnswers(d: ProcedureDefinition, pick: 'first' | 'last'): Answers {
  const answers: Record<string, unknown> = {};
  for (const f of allFields(d)) {
    if (f.type === 'group') {
      const n = Math.max(f.minItems ?? 1, 1);
      answers[f.id] = Array.from({ length: n }, () => Object.fromEntries(f.fields.map((sub) => [sub.id, sample(sub, pick)])));
    } else {
      answers[f.id] = sample(f, pick);
    }
  }
  return answers as Answers;
}

describe('every form can be completed and submitted', () => {
  for (const d of catalogue) {
    it(d.id, () => {
      for (const pick of ['first', 'last'] as const) {
        const errors = validateAnswers(d, completeAnswers(d, pick), { today: TODAY });
        assert.deepEqual(errors.map((e) => `${e.fieldId}: ${e.message.ja}`), [], `${d.id} with the ${pick} option of every choice`);
      }
    });
  }
});
