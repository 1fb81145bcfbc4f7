/**
 * A form definition's fields as inputs for the clerk, from the platform UI kit.
 * Each input's id equals its engine name (`members.1.birthDate`) so the error
 * summary links to it; values come from the raw form (what was typed, even when
 * wrong). Group items are added and removed with plain submit buttons (no JavaScript).
 * A field that came from the register is marked so the clerk checks it with the resident.
 */
import { formatBytes, formatFileTypes, type Answers, type Field, type FileAnswer, type RawForm } from '../../engines/forms/index.ts';
import { Checkboxes, DateInput, FileInput, Radios, Select, Textarea, TextInput } from '../../platform/ui/components/form-fields.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { local } from './view-common.tsx';

export interface FieldRenderContext {
  ctx: ViewContext;
  raw: RawForm;
  errors: Record<string, string>;
  answers: Answers;
  /** Top-level field ids filled from the register. */
  prefilled: Set<string>;
  /** Fields that depend on another answer on the same page: shown, with a hint, since nothing appears on demand without JavaScript. */
  conditional: Set<string>;
}

const rawValue = (raw: RawForm, name: string): string => {
  const v = raw[name];
  return Array.isArray(v) ? String(v[0] ?? '') : v === undefined || v === null ? '' : String(v);
};
const rawValues = (raw: RawForm, name: string): string[] => {
  const v = raw[name];
  return Array.isArray(v) ? v.map(String) : v === undefined || v === null || v === '' ? [] : [String(v)];
};

function answerAt(answers: Answers, path: string): unknown {
  let current: unknown = answers;
  for (const part of path.split('.')) {
    if (current === null || current === undefined) return undefined;
    current = Array.isArray(current) ? current[Number(part)] : (current as Record<string, unknown>)[part];
  }
  return current;
}

function hintOf(r: FieldRenderContext, field: Field, name: string, extra?: string): string | undefined {
  const parts = [
    field.hint ? local(r.ctx, field.hint) : '',
    extra ?? '',
    r.prefilled.has(name) ? r.ctx.t('counter.field.prefilled') : '',
    r.conditional.has(field.id) ? r.ctx.t('counter.field.conditional') : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

export function FieldInput(props: { r: FieldRenderContext; field: Field; name: string }) {
  const { r, field, name } = props;
  const t = r.ctx.t;
  const label = local(r.ctx, field.label);
  const common = { name, label, error: r.errors[name] ?? null, required: Boolean(field.required), requiredLabel: t('ui.required') };
  const options = 'options' in field && field.options ? field.options.map((o) => ({ value: o.value, label: local(r.ctx, o.label) })) : [];
  switch (field.type) {
    case 'text':
      return <TextInput {...common} hint={hintOf(r, field, name)} value={rawValue(r.raw, name)} maxLength={field.maxLength} autocomplete="off" />;
    case 'textarea':
      return <Textarea {...common} hint={hintOf(r, field, name)} value={rawValue(r.raw, name)} maxLength={field.maxLength} rows={3} />;
    case 'kana':
      return <TextInput {...common} hint={hintOf(r, field, name, t('counter.field.kana.hint'))} value={rawValue(r.raw, name)} maxLength={field.maxLength} autocomplete="off" />;
    case 'number': {
      const unit = field.unit ? local(r.ctx, field.unit) : '';
      return <TextInput {...common} label={unit ? `${label}（${unit}）` : label} hint={hintOf(r, field, name)} value={rawValue(r.raw, name)} inputmode="numeric" width="short" autocomplete="off" />;
    }
    case 'date':
      return <DateInput {...common} hint={hintOf(r, field, name, t('counter.field.date.hint'))} value={rawValue(r.raw, name)} />;
    case 'postal':
      return <TextInput {...common} hint={hintOf(r, field, name, t('counter.field.postal.hint'))} value={rawValue(r.raw, name)} inputmode="numeric" width="short" maxLength={10} autocomplete="off" />;
    case 'address':
      return <TextInput {...common} hint={hintOf(r, field, name)} value={rawValue(r.raw, name)} maxLength={field.maxLength} autocomplete="off" />;
    case 'phone':
      return <TextInput {...common} type="tel" hint={hintOf(r, field, name, t('counter.field.phone.hint'))} value={rawValue(r.raw, name)} inputmode="tel" width="medium" maxLength={20} autocomplete="off" />;
    case 'email':
      return <TextInput {...common} type="email" hint={hintOf(r, field, name)} value={rawValue(r.raw, name)} maxLength={254} autocomplete="off" />;
    case 'select':
      return <Select {...common} hint={hintOf(r, field, name)} value={rawValue(r.raw, name)} options={options} emptyLabel={t('counter.choose')} />;
    case 'radios':
      return <Radios {...common} hint={hintOf(r, field, name)} value={rawValue(r.raw, name)} options={options} />;
    case 'checkboxes':
      return <Checkboxes {...common} hint={hintOf(r, field, name)} values={rawValues(r.raw, name)} options={options} />;
    case 'consent':
      return <Checkboxes {...common} hint={hintOf(r, field, name, t('counter.field.consent.hint'))} values={rawValues(r.raw, name)} options={[{ value: 'yes', label: t('counter.field.consent.yes') }]} />;
    case 'file': {
      const current = answerAt(r.answers, name) as FileAnswer | undefined;
      const limit = t('counter.field.file.limit', { types: formatFileTypes(field.accept)[r.ctx.locale], size: formatBytes(field.maxBytes)[r.ctx.locale] });
      return (
        <>
          <FileInput {...common} required={Boolean(field.required) && !current} hint={hintOf(r, field, name, limit)} accept={field.accept.join(',')} />
          {current?.fileId ? <p class="field-hint">{t('counter.field.file.current', { name: current.name, size: formatBytes(current.size)[r.ctx.locale] })}</p> : null}
        </>
      );
    }
    case 'location':
      return (
        <fieldset class="fieldset">
          <legend class="field-label">{label}</legend>
          <p class="field-hint">{hintOf(r, field, name, t('counter.field.location.hint'))}</p>
          <TextInput name={`${name}.lat`} label={t('counter.field.location.lat')} value={rawValue(r.raw, `${name}.lat`)} error={r.errors[`${name}.lat`] ?? r.errors[name] ?? null} inputmode="numeric" width="medium" />
          <TextInput name={`${name}.lng`} label={t('counter.field.location.lng')} value={rawValue(r.raw, `${name}.lng`)} error={r.errors[`${name}.lng`] ?? null} inputmode="numeric" width="medium" />
        </fieldset>
      );
    case 'group':
      return <GroupInput r={r} field={field} />;
    default:
      return null;
  }
}

/** How many items a group shows: the highest index typed (raw form), else the answers' length. */
export function groupCount(raw: RawForm, answers: Answers, groupId: string): number {
  let max = -1;
  const prefix = `${groupId}.`;
  for (const key of Object.keys(raw)) {
    if (!key.startsWith(prefix)) continue;
    const index = Number(key.slice(prefix.length).split('.')[0]);
    if (Number.isInteger(index) && index > max) max = index;
  }
  const stored = Array.isArray(answers[groupId]) ? (answers[groupId] as unknown[]).length : 0;
  return Math.max(max + 1, stored);
}

/** A repeating group (family members …): each item a fieldset with its remove button, then an add button. */
function GroupInput({ r, field }: { r: FieldRenderContext; field: Extract<Field, { type: 'group' }> }) {
  const t = r.ctx.t;
  const itemLabel = local(r.ctx, field.itemLabel);
  const count = groupCount(r.raw, r.answers, field.id);
  const error = r.errors[field.id];
  const hint = hintOf(r, field, field.id);
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <fieldset class="fieldset" id={field.id} tabIndex={-1} aria-describedby={[hint ? `${field.id}-hint` : '', error ? `${field.id}-error` : ''].filter(Boolean).join(' ') || undefined}>
        <legend class="field-label">
          {local(r.ctx, field.label)}
          {field.required || (field.minItems ?? 0) > 0 ? <span class="required-tag">{t('ui.required')}</span> : null}
        </legend>
        {hint ? (
          <p id={`${field.id}-hint`} class="field-hint">
            {hint}
          </p>
        ) : null}
        {error ? (
          <p id={`${field.id}-error`} class="field-error-message">
            {error}
          </p>
        ) : null}
        {count === 0 ? <p>{t('counter.group.none')}</p> : null}
        {Array.from({ length: count }, (_, i) => (
          <fieldset class="fieldset card">
            <legend class="field-label">{t('counter.group.item', { label: itemLabel, n: i + 1 })}</legend>
            {field.fields.map((sub) => (
              <FieldInput r={r} field={sub} name={`${field.id}.${i}.${sub.id}`} />
            ))}
            <button type="submit" class="btn btn-tertiary" name="action" value={`remove:${field.id}:${i}`}>
              {t('counter.group.remove', { label: itemLabel, n: i + 1 })}
            </button>
          </fieldset>
        ))}
        {field.maxItems === undefined || count < field.maxItems ? (
          <button type="submit" class="btn btn-secondary" name="action" value={`add:${field.id}`}>
            {t('counter.group.add', { label: itemLabel })}
          </button>
        ) : null}
      </fieldset>
    </div>
  );
}
