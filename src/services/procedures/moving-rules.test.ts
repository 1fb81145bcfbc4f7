import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ResidentFacts } from '../registry/resident-facts.ts';
import { ageOn, isMaesawaAddress, isMoveProcedure, moveFacts, movingTasks, type MoveFacts, type TaskKind } from './moving-rules.ts';

const MOVE_DATE = '2026-04-01';

function facts(overrides: Partial<MoveFacts> = {}): MoveFacts {
  return {
    direction: 'out',
    moveDate: MOVE_DATE,
    oldAddress: '岩手県奥州市水沢大手町1-1',
    newAddress: '宮城県仙台市青葉区一番町1-1-1',
    people: [{ name: '奥州 太郎', kana: 'オウシュウ タロウ', birthDate: '1985-05-05', age: 40 }],
    related: [],
    wholeHousehold: false,
    newHousehold: false,
    phone: null,
    ...overrides,
  };
}

const person = (birthDate: string) => ({ name: 'x', kana: 'x', birthDate, age: ageOn(birthDate, MOVE_DATE) });
const kinds = (f: MoveFacts): TaskKind[] => movingTasks(f).map((t) => t.kind);

test('ageOn counts full years, the birthday included', () => {
  assert.equal(ageOn('2020-04-01', '2026-04-01'), 6);
  assert.equal(ageOn('2020-04-02', '2026-04-01'), 5);
  assert.equal(ageOn('2010-12-31', '2026-04-01'), 15);
  assert.equal(ageOn('2010-04-01', '2026-04-01'), 16);
  assert.equal(ageOn('1961-03-31', '2026-04-01'), 65);
  assert.equal(ageOn('2026-04-01', '2026-04-01'), 0);
});

test('only the three move procedures are moves', () => {
  assert.ok(isMoveProcedure('tenshutsu'));
  assert.ok(isMoveProcedure('tennyu-reservation'));
  assert.ok(isMoveProcedure('tenkyo'));
  assert.equal(isMoveProcedure('juminhyo-copy'), false);
  assert.equal(isMoveProcedure('constructor'), false);
  assert.equal(moveFacts('inu-toroku', {}, null, MOVE_DATE), null);
});

test('school age is 6 to 15 on the move date, not on the day of applying', () => {
  // Turns 6 on the move date: school age. A day younger: not yet (a preschool child instead).
  assert.deepEqual(kinds(facts({ people: [person('2020-04-01')] })), ['school']);
  assert.deepEqual(kinds(facts({ people: [person('2020-04-02')] })), ['childcare']);
  // 15 on the move date: still school age; turned 16 that day: no longer.
  assert.deepEqual(kinds(facts({ people: [person('2010-04-02')] })), ['school']);
  assert.deepEqual(kinds(facts({ people: [person('2010-04-01')] })), []);
  const school = movingTasks(facts({ people: [person('1980-01-01'), person('2015-06-01'), person('2012-01-01')] })).find((t) => t.kind === 'school')!;
  assert.equal(school.department, 'education');
  assert.deepEqual(school.reasons, ['school-age']);
  assert.deepEqual(school.people.map((p) => p.age), [10, 14]);
});

test('the school answer alone is enough (a child whose birth date is not given)', () => {
  const [task] = movingTasks(facts({ related: ['school'] }));
  assert.deepEqual([task!.kind, task!.department, task!.reasons], ['school', 'education', ['answered']]);
});

test('children under six, or an answer about nursery, child allowance or child medical care → childcare', () => {
  const task = movingTasks(facts({ people: [person('2023-01-01')] }))[0]!;
  assert.deepEqual([task.kind, task.department, task.reasons], ['childcare', 'childcare', ['under-six']]);
  for (const option of ['nursery', 'childAllowance', 'childMedical']) {
    assert.deepEqual(kinds(facts({ related: [option] })), ['childcare'], option);
  }
});

test('national health insurance (answered) and everyone 75 or over → insurance', () => {
  assert.deepEqual(
    movingTasks(facts({ related: ['nhi'] })).map((t) => [t.kind, t.department, t.reasons]),
    [['health-insurance', 'insurance', ['answered']]],
  );
  assert.deepEqual(kinds(facts({ related: ['elderlyInsurance'] })), ['health-insurance']);
  // 75: late-stage elderly medical care and care insurance both concern them.
  assert.deepEqual(kinds(facts({ people: [person('1951-03-01')] })), ['health-insurance', 'care-insurance']);
  assert.deepEqual(kinds(facts({ people: [person('1951-04-02')] })), ['care-insurance']);
});

test('65 or over on the move date, or a care certification → welfare (介護保険)', () => {
  assert.deepEqual(kinds(facts({ people: [person('1961-04-01')] })), ['care-insurance']);
  assert.deepEqual(kinds(facts({ people: [person('1961-04-02')] })), []);
  const [task] = movingTasks(facts({ related: ['careInsurance'] }));
  assert.deepEqual([task!.department, task!.reasons], ['welfare', ['answered']]);
});

test('light vehicles → tax; a dog → environment', () => {
  assert.deepEqual(
    movingTasks(facts({ related: ['lightVehicle', 'dog'] })).map((t) => [t.kind, t.department]),
    [
      ['light-vehicle', 'tax'],
      ['dog', 'environment'],
    ],
  );
});

test('water: closed when the whole household leaves, opened when movers start a household in Oshu', () => {
  assert.deepEqual(kinds(facts({ direction: 'out', wholeHousehold: true })), ['water-stop']);
  assert.deepEqual(kinds(facts({ direction: 'out', wholeHousehold: false })), []);
  assert.deepEqual(kinds(facts({ direction: 'out', related: ['water'] })), ['water-stop']);
  assert.deepEqual(kinds(facts({ direction: 'in', newHousehold: true })), ['water-start']);
  assert.deepEqual(kinds(facts({ direction: 'in', newHousehold: false })), []);
  assert.deepEqual(kinds(facts({ direction: 'within', wholeHousehold: true })), ['water-stop', 'water-start']);
  assert.deepEqual(kinds(facts({ direction: 'within', newHousehold: true })), ['water-start']);
  const [stop] = movingTasks(facts({ direction: 'within', wholeHousehold: true }));
  assert.deepEqual([stop!.department, stop!.reasons], ['water', ['household-moves']]);
});

test('the on-demand bus: anyone leaving a Maesawa address, and new Maesawa residents who say they are registered', () => {
  const maesawa = '岩手県奥州市前沢七日町12';
  const [out] = movingTasks(facts({ oldAddress: maesawa }));
  assert.deepEqual([out!.kind, out!.department, out!.reasons], ['demand-bus', 'transport', ['maesawa-old-address']]);
  assert.deepEqual(movingTasks(facts({ oldAddress: '奥州市前沢区三日町5', related: ['demandBus'] }))[0]!.reasons, ['maesawa-old-address', 'answered']);
  assert.deepEqual(kinds(facts({ direction: 'in', oldAddress: '盛岡市内丸1', newAddress: maesawa })), []);
  assert.deepEqual(kinds(facts({ direction: 'in', oldAddress: '盛岡市内丸1', newAddress: maesawa, related: ['demandBus'] })), ['demand-bus']);
  assert.deepEqual(kinds(facts({ oldAddress: '岩手県奥州市水沢大手町1-1' })), []);
});

test('Maesawa addresses are recognised however they are written', () => {
  assert.ok(isMaesawaAddress('岩手県奥州市前沢七日町12'));
  assert.ok(isMaesawaAddress('奥州市前沢区三日町5'));
  assert.ok(isMaesawaAddress('前沢字向田１２'));
  assert.equal(isMaesawaAddress('岩手県奥州市水沢大手町1-1'), false);
  assert.equal(isMaesawaAddress('東京都前沢町1'), false);
  assert.equal(isMaesawaAddress(null), false);
});

const registry: ResidentFacts = {
  resident: { name: '奥州 花子', nameKana: 'オウシュウ ハナコ', birthDate: '1988-08-08', gender: 'female', postalCode: '023-0053', address: '岩手県奥州市水沢大手町1-1' },
  household: {
    head: '奥州 花子',
    members: [
      { name: '奥州 花子', nameKana: 'オウシュウ ハナコ', birthDate: '1988-08-08', relationship: '世帯主' },
      { name: '奥州 一郎', nameKana: 'オウシュウ イチロウ', birthDate: '2016-05-01', relationship: '子' },
    ],
  },
};

test('moveFacts reads a 転出届: the movers group, the move date, addresses and answers', () => {
  const f = moveFacts(
    'tenshutsu',
    {
      moveDate: '2026-04-10',
      applicantAddress: '岩手県奥州市前沢七日町12',
      newAddress: '宮城県仙台市青葉区一番町1-1-1',
      scope: 'all',
      applicantPhone: '0197241111',
      movers: [
        { name: '奥州 花子', nameKana: 'オウシュウ ハナコ', birthDate: '1988-08-08', relationship: '世帯主' },
        { name: '奥州 一郎', nameKana: 'オウシュウ イチロウ', birthDate: '2016-05-01', relationship: '子' },
      ],
      related: ['lightVehicle', 'school'],
    },
    registry,
    '2026-03-20',
  )!;
  assert.equal(f.direction, 'out');
  assert.equal(f.moveDate, '2026-04-10');
  assert.equal(f.oldAddress, '岩手県奥州市前沢七日町12');
  assert.equal(f.wholeHousehold, true);
  assert.equal(f.phone, '0197241111');
  assert.deepEqual(f.people.map((p) => p.age), [37, 9]);
  assert.deepEqual(kinds(f), ['water-stop', 'school', 'light-vehicle', 'demand-bus']);
});

test('a 転居 of the whole household (no movers group) takes the people from the register', () => {
  const f = moveFacts('tenkyo', { moveDate: '2026-04-01', scope: 'all', newAddress: '奥州市江刺大通り1-1' }, registry, '2026-04-01')!;
  assert.equal(f.oldAddress, registry.resident.address);
  assert.deepEqual(f.people.map((p) => p.name), ['奥州 花子', '奥州 一郎']);
  assert.deepEqual(kinds(f), ['water-stop', 'water-start', 'school']);
});

test('a 転入 reads the arrival date and the previous address; without members it falls back to the applicant', () => {
  const f = moveFacts('tennyu-reservation', { arrivalDate: '2026-05-01', previousAddress: '盛岡市内丸1', newAddress: '奥州市水沢大手町2', joinHousehold: 'new', applicantName: '盛岡 一', applicantBirthDate: '1950-01-01' }, null, '2026-04-01')!;
  assert.equal(f.direction, 'in');
  assert.equal(f.moveDate, '2026-05-01');
  assert.equal(f.oldAddress, '盛岡市内丸1');
  assert.deepEqual(f.people.map((p) => [p.name, p.age]), [['盛岡 一', 76]]);
  assert.deepEqual(kinds(f), ['water-start', 'health-insurance', 'care-insurance']);
});

test('malformed answers (an older definition, a hand-made API call) do not throw', () => {
  const f = moveFacts('tenshutsu', { movers: [null, 'x', { name: 3 }], related: 'dog', moveDate: 'soon' }, null, '2026-04-01')!;
  assert.equal(f.moveDate, '2026-04-01');
  assert.deepEqual(f.people, []);
  assert.deepEqual(f.related, []);
  assert.deepEqual(movingTasks(f), []);
});
