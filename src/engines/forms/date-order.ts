// Dates that must keep their order with another, earlier date field: an end
// date not before its start, a 転入届 within 14 days of the arrival. Checked
// after the field's own reading, only when the other field holds a date (a
// blank or wrong one has its own error already).

import { messages } from './error-messages.ts';
import type { Answers, DateField, DateOrder, Localized } from './types.ts';

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The first order `value` breaks, as a message; null when it keeps them all. */
export function dateOrderProblem(field: DateField, label: Localized, value: string, context: Answers, labelOf: (id: string) => Localized): Localized | null {
  const rules: ['notBefore' | 'notAfter', DateOrder | undefined][] = [
    ['notBefore', field.notBefore],
    ['notAfter', field.notAfter],
  ];
  for (const [kind, rule] of rules) {
    if (!rule) continue;
    const other = context[rule.field];
    if (typeof other !== 'string' || !ISO.test(other)) continue;
    const days = rule.days ?? 0;
    const bound = addDays(other, days);
    if (kind === 'notBefore' ? value < bound : value > bound) return messages.dateOrder(label, kind, labelOf(rule.field), other, days, bound);
  }
  return null;
}
