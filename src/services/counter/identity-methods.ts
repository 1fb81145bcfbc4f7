/**
 * How a resident's identity is checked at the counter (本人確認), as data: the
 * documents the Citizens Division accepts, whether the last digits of the document
 * may be noted (never the whole number), and the agent case (代理人, with a letter
 * of attorney and the agent's own document). Reading the clerk's form into a check,
 * and writing a check as one line for applications and the PDF, live here too.
 */
import type { Lang, Localized } from '../../engines/forms/index.ts';
import type { FieldError } from '../../platform/http/errors.ts';

export interface IdentityMethod {
  id: string;
  label: Localized;
  hint: Localized;
  /** The last digits of the document may be noted. */
  digits: boolean;
  /** Which documents were shown may be noted (two documents without a photo). */
  note: boolean;
  /** Someone else came for the resident: their name and their own document are required. */
  agent: boolean;
}

const L = (ja: string, en: string): Localized => ({ ja, en });

export const IDENTITY_METHODS: readonly IdentityMethod[] = [
  { id: 'mynumber-card', label: L('マイナンバーカード', 'My Number card'), hint: L('顔写真付き。1点で確認できます。', 'With photo: enough on its own.'), digits: true, note: false, agent: false },
  { id: 'driving-licence', label: L('運転免許証', 'Driving licence'), hint: L('顔写真付き。1点で確認できます（運転経歴証明書も可）。', 'With photo: enough on its own (also the driving history certificate).'), digits: true, note: false, agent: false },
  { id: 'passport', label: L('パスポート', 'Passport'), hint: L('顔写真付き。1点で確認できます。', 'With photo: enough on its own.'), digits: true, note: false, agent: false },
  { id: 'residence-card', label: L('在留カード・特別永住者証明書', 'Residence card / special permanent resident certificate'), hint: L('顔写真付き。1点で確認できます。', 'With photo: enough on its own.'), digits: true, note: false, agent: false },
  {
    id: 'two-documents',
    label: L('健康保険証＋年金手帳など2点', 'Two documents without photo (health insurance card + pension book …)'),
    hint: L('顔写真のない書類は2点で確認します。書類の名前を記録してください。', 'Documents without a photo: two are needed. Note which ones.'),
    digits: false,
    note: true,
    agent: false,
  },
  {
    id: 'agent',
    label: L('代理人（委任状）', 'Agent with a letter of attorney'),
    hint: L('委任状を受け取り、代理人ご本人の本人確認書類を確認します。', 'Take the letter of attorney and check the agent’s own document.'),
    digits: true,
    note: false,
    agent: true,
  },
];

/** Documents an agent may show for themself: the one-document methods. */
export const AGENT_DOCUMENTS = IDENTITY_METHODS.filter((m) => !m.agent && !m.note);

export function identityMethod(id: string): IdentityMethod | null {
  return IDENTITY_METHODS.find((m) => m.id === id) ?? null;
}

export interface IdentityCheck {
  method: string;
  digits: string | null;
  agentName: string | null;
  agentDocument: string | null;
  note: string | null;
}

export interface IdentityForm {
  method: string;
  digits: string;
  agentName: string;
  agentDocument: string;
  note: string;
}

/** Reads the clerk's form (already NFKC-normalised and trimmed): a check, or errors naming the field. */
export function readIdentityCheck(form: IdentityForm): { check: IdentityCheck | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const method = identityMethod(form.method);
  if (!method) return { check: null, errors: [{ field: 'method', messageKey: 'counter.identity.error.method' }] };
  const digits = form.digits.replace(/[\s-]/g, '').toUpperCase();
  if (digits && (!method.digits || !/^[0-9A-Z]{1,4}$/.test(digits))) errors.push({ field: 'digits', messageKey: 'counter.identity.error.digits' });
  let agentName: string | null = null;
  let agentDocument: string | null = null;
  if (method.agent) {
    agentName = form.agentName.replace(/\s+/g, ' ');
    if (!agentName) errors.push({ field: 'agentName', messageKey: 'counter.identity.error.agentName' });
    else if (agentName.length > 60) errors.push({ field: 'agentName', messageKey: 'counter.identity.error.agentNameLong' });
    agentDocument = AGENT_DOCUMENTS.some((d) => d.id === form.agentDocument) ? form.agentDocument : null;
    if (!agentDocument) errors.push({ field: 'agentDocument', messageKey: 'counter.identity.error.agentDocument' });
  }
  const note = method.note ? form.note.slice(0, 100) || null : null;
  if (method.note && !note) errors.push({ field: 'note', messageKey: 'counter.identity.error.note' });
  if (errors.length) return { check: null, errors };
  return { check: { method: method.id, digits: digits || null, agentName, agentDocument, note }, errors: [] };
}

/** One line for the application, the PDF and the visit's header: 「運転免許証（末尾 1234）」. */
export function describeIdentityCheck(check: IdentityCheck, lang: Lang): string {
  const method = identityMethod(check.method);
  const name = method ? method.label[lang] : check.method;
  const tail = check.digits ? (lang === 'ja' ? `（末尾 ${check.digits}）` : ` (ending ${check.digits})`) : '';
  if (method?.agent) {
    const document = identityMethod(check.agentDocument ?? '')?.label[lang] ?? '';
    return lang === 'ja' ? `${name}：${check.agentName ?? ''} 様、${document}${tail}` : `${name}: ${check.agentName ?? ''}, ${document}${tail}`;
  }
  if (check.note) return lang === 'ja' ? `${name}（${check.note}）` : `${name} (${check.note})`;
  return `${name}${tail}`;
}
