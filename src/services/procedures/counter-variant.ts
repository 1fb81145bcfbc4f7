/**
 * A definition as it applies at the no-writing counter (A9). Online, a certificate is
 * sent by post or collected on a later day; at the counter it is handed over there
 * and then. So, at the counter only: the delivery choice (`receiveMethod`) offers only
 * collection at the counter, and the collection day (`pickupDate`) may be today.
 * The counter's screen and the submission of a counter application (channel
 * `counter`) both validate against this variant, so what the clerk may enter is what
 * the department receives. The online definition is never changed. Pure.
 */
import type { Answers, Condition, Field, ProcedureDefinition } from '../../engines/forms/index.ts';

/** The answer that says how a certificate is delivered, in every definition whose `delivery` offers more than one way. */
export const DELIVERY_FIELD = 'receiveMethod';
/** The day the certificate is collected, in every certificate definition that offers collection. */
export const PICKUP_FIELD = 'pickupDate';

function fieldAtCounter(def: ProcedureDefinition, field: Field): Field {
  if (field.id === DELIVERY_FIELD && (field.type === 'radios' || field.type === 'select') && (def.delivery ?? []).includes('counter')) {
    const options = field.options.filter((o) => o.value === 'counter');
    // The online hint explains paying for post; at the counter there is nothing to choose.
    return options.length ? { ...field, options, hint: undefined } : field;
  }
  if (field.id === PICKUP_FIELD && field.type === 'date') return { ...field, min: 'today' };
  return field;
}

/**
 * Whether a condition can never hold at the counter: it needs delivery by post, or an
 * answer to a field that is not asked there (a field with no answer equals nothing).
 */
function neverAtCounter(when: Condition | undefined, dropped: Set<string>): boolean {
  if (!when) return false;
  if ('all' in when) return when.all.some((c) => neverAtCounter(c, dropped));
  if ('any' in when) return when.any.every((c) => neverAtCounter(c, dropped));
  if ('not' in when) return false;
  if (dropped.has(when.field)) return true;
  return when.field === DELIVERY_FIELD && 'equals' in when && when.equals === 'mail';
}

export function atCounter(def: ProcedureDefinition): ProcedureDefinition {
  if (!offersCounter(def)) return def;
  // Post is not offered at the counter, so its fields (the address to send to, and
  // what depends on it) would only confuse. Repeat until nothing more drops out.
  const dropped = new Set<string>();
  for (let size = -1; size !== dropped.size; ) {
    size = dropped.size;
    for (const page of def.pages) {
      for (const f of page.fields) if (neverAtCounter(page.when, dropped) || neverAtCounter(f.when, dropped)) dropped.add(f.id);
    }
  }
  return {
    ...def,
    pages: def.pages
      .filter((page) => !neverAtCounter(page.when, dropped))
      .map((page) => ({ ...page, fields: page.fields.filter((f) => !dropped.has(f.id)).map((f) => fieldAtCounter(def, f)) })),
  };
}

function offersCounter(def: ProcedureDefinition): boolean {
  return (def.delivery ?? []).includes('counter');
}

/** What the counter knows without asking: collected here, today (only for fields the definition has). */
export function counterPresets(def: ProcedureDefinition, today: string): Answers {
  const variant = atCounter(def);
  const fields = variant.pages.flatMap((p) => p.fields);
  const out: Answers = {};
  const delivery = fields.find((f) => f.id === DELIVERY_FIELD);
  if (delivery && (delivery.type === 'radios' || delivery.type === 'select') && delivery.options.length === 1 && delivery.options[0]!.value === 'counter') out[DELIVERY_FIELD] = 'counter';
  if (fields.some((f) => f.id === PICKUP_FIELD && f.type === 'date')) out[PICKUP_FIELD] = today;
  return out;
}
