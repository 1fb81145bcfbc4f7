// The fee of an application: unit price × quantity (a number field, the sum of
// a number field over a group's items, or 1),
// nothing when there is no fee or the exemption condition holds. Hidden answers
// never count: a quantity on a page now skipped is not charged.

import { evaluate, pruneHidden } from './conditions.ts';
import type { Answers, GroupItem, ProcedureDefinition } from './types.ts';

const count = (q: unknown) => (typeof q === 'number' && Number.isInteger(q) && q > 0 ? q : 0);

/**
 * How many units are charged: 1 without a quantityField; the number answered
 * (unanswered means nothing ordered yet: 0); for 'group.sub', the sum over the
 * group's items (粗大ごみ: 3 chairs + 1 desk = 4).
 */
export function feeQuantity(def: ProcedureDefinition, answers: Answers): number {
  if (!def.fee) return 0;
  const ref = def.fee.quantityField;
  if (!ref) return 1;
  const [head = '', sub] = ref.split('.');
  if (sub === undefined) return count(answers[head]);
  const items = answers[head];
  return Array.isArray(items) ? (items as GroupItem[]).reduce((sum, item) => sum + count(item?.[sub]), 0) : 0;
}

/** Yen to pay; 0 when there is no fee or `exemptWhen` holds. */
export function feeYen(def: ProcedureDefinition, answers: Answers): number {
  if (!def.fee) return 0;
  const visible = pruneHidden(def, answers);
  if (def.fee.exemptWhen && evaluate(def.fee.exemptWhen, visible)) return 0;
  return def.fee.unitYen * feeQuantity(def, visible);
}
