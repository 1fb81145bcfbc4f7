import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, computeSchedule, remindersDue, schoolEntryYear, SCHEDULE } from './vaccination-schedule.ts';

const byKey = (birth: string, today = '2025-05-01') => new Map(computeSchedule(birth, today).map((d) => [d.key, d]));

test('a child born 2025-04-10 (令和7年4月10日): the standard periods of every routine dose', () => {
  const s = byKey('2025-04-10');
  const period = (key: string) => {
    const d = s.get(key);
    assert.ok(d, key);
    return `${d.from}..${d.until}`;
  };
  // Infancy: from 2 months (2024年4月改正), B型肝炎 3rd 139+ days after the 1st, BCG 5–8 months.
  assert.equal(period('hepb-1'), '2025-06-10..2026-01-09');
  assert.equal(period('hepb-2'), '2025-07-10..2026-01-09');
  assert.equal(period('hepb-3'), '2025-11-10..2026-01-09');
  assert.equal(period('rota-1'), '2025-06-10..2025-07-23', 'first rotavirus dose by 14 weeks 6 days (day 104)');
  assert.equal(period('dtp-ipv-hib-1'), '2025-06-10..2025-11-09');
  assert.equal(period('dtp-ipv-hib-2'), '2025-07-10..2025-08-05', '20–56 days after the first');
  assert.equal(period('dtp-ipv-hib-3'), '2025-08-10..2025-09-04');
  assert.equal(period('dtp-ipv-hib-4'), '2026-08-10..2027-02-09', 'booster 12–18 months after the primary series');
  assert.equal(period('pcv-4'), '2026-04-10..2026-07-09', 'pneumococcal booster at 12–15 months');
  assert.equal(period('bcg'), '2025-09-10..2025-12-09');
  // Toddler and school years.
  assert.equal(period('mr-1'), '2026-04-10..2027-04-09');
  assert.equal(period('mr-2'), '2031-04-01..2032-03-31', 'the year before primary school (年長)');
  assert.equal(period('varicella-1'), '2026-04-10..2026-07-09');
  assert.equal(period('varicella-2'), '2026-10-10..2027-04-09', '6–12 months after the first');
  assert.equal(period('je-1'), '2028-04-10..2029-04-09');
  assert.equal(period('je-2'), '2028-04-17..2028-05-08', '6–28 days after the first');
  assert.equal(period('je-3'), '2029-04-17..2030-04-09');
  assert.equal(period('je-4'), '2034-04-10..2035-04-09');
  assert.equal(period('dt'), '2036-04-10..2037-04-09');
  assert.equal(period('hpv-1'), '2038-04-01..2039-03-31', '中学1年');
  assert.equal(s.get('hpv-2')!.from, '2038-06-01');
  assert.equal(s.get('hpv-3')!.from, '2038-10-01');
  assert.equal(s.size, SCHEDULE.length);
  assert.ok(['hepb', 'rota', 'pcv', 'dtp-ipv-hib', 'bcg', 'mr', 'varicella', 'je', 'dt', 'hpv'].every((v) => SCHEDULE.some((d) => d.vaccine === v)));
});

test('status follows today: upcoming, due, past', () => {
  const s = byKey('2025-04-10', '2025-07-01');
  assert.equal(s.get('hepb-1')!.status, 'due');
  assert.equal(s.get('hepb-3')!.status, 'upcoming');
  assert.equal(byKey('2025-04-10', '2026-02-01').get('hepb-1')!.status, 'past');
});

test('month arithmetic clamps to the month’s end, and the school year turns on 4月2日', () => {
  assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
  assert.equal(addMonths('2025-01-31', 1), '2025-02-28');
  assert.equal(addMonths('2025-11-30', 3), '2026-02-28');
  assert.equal(byKey('2024-01-31').get('hepb-2')!.from, '2024-04-30');
  assert.equal(schoolEntryYear('2020-04-01'), 2026, '4月1日生まれは早生まれの学年');
  assert.equal(schoolEntryYear('2020-04-02'), 2027);
  assert.equal(schoolEntryYear('2021-03-31'), 2027);
});

test('reminders come in the week before a due date, once that week has started', () => {
  assert.deepEqual(remindersDue('2025-04-10', '2025-06-02').map((d) => d.key), []);
  assert.deepEqual(remindersDue('2025-04-10', '2025-06-03').map((d) => d.key).sort(), ['dtp-ipv-hib-1', 'hepb-1', 'pcv-1', 'rota-1']);
  assert.deepEqual(remindersDue('2025-04-10', '2025-06-09').map((d) => d.key).length, 4, 'a missed day is caught up');
  assert.deepEqual(remindersDue('2025-04-10', '2025-06-10').map((d) => d.key), [], 'not on or after the due date');
});
