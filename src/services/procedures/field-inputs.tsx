/**
 * One definition field as HTML inputs, from the platform UI kit. Each input's id
 * equals its name (the engine's field id, e.g. `members.1.birthDate`), so the error
 * summary links straight to it. Values come from the raw form (what was typed, even
 * when wrong); everything works without JavaScript.
 */
import { formatBytes, formatFileTypes, type Answers, type Field, type FileAnswer, type RawForm } from '../../engines/forms/index.ts';
import { Checkboxes, DateInput, FileInput, Radios, Select, Textarea, TextInput } from '../../platform/ui/components/form-fields.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { local } from './catalogue-views.tsx';
import { LocationInput, type MapTiles } from './location-map-views.tsx';

export interface FieldRenderContext {
  ctx: ViewContext;
  raw: RawForm;
  errors: Record<string, string>;
  answers: Answers;
  applicationId: string;
  /** Fields whose condition depends on another answer on the same page: shown, with a hint, since without JavaScript they cannot appear on demand. */
  conditional: Set<string>;
  /** Postal fields followed by an address field on the page: they get a button that fills the address. */
  postalLookup: Set<string>;
  /** The tile server for location questions' maps. */
  tiles: MapTiles;
}

const rawValue = (raw: RawForm, name: string): string => {
  const v = raw[name];
  return Array.isArray(v) ? String(v[0] ?? '') : v === undefined || v === null ? '' : String(v);
};
const rawValues = (raw: RawForm, name: string): string[] => {
  const v = raw[name];
  return Array.isArray(v) ? v.map(String) : v === undefined || v === null || v === '' ? [] : [String(v)];
};

export const humanSize = (bytes: number, locale: 'ja' | 'en'): string => formatBytes(bytes)[locale];
export const typeNames = (accept: string[], locale: 'ja' | 'en'): string => formatFileTypes(accept)[locale];

/** Reads an answer at a dotted path (`members.1.name`). */
export function answerAt(answers: Answers, path: string): unknown {
  let current: unknown = answers;
  for (const part of path.split('.')) {
    if (current === null || current === undefined) return undefined;
    current = Array.isArray(current) ? current[Number(part)] : (current as Record<string, unknown>)[part];
  }
  return current;
}

function hintOf(r: FieldRenderContext, field: Field, extra?: string): string | undefined {
  const parts = [field.hint ? local(r.ctx, field.hint) : '', extra ?? '', r.conditional.has(field.id) ? r.ctx.t('procedures.field.conditional') : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

export function FieldInput(props: { r: FieldRenderContext; field: Field; name: string }) {
  const { r, field, name } = props;
  const t = r.ctx.t;
  const label = local(r.ctx, field.label);
  const common = { name, label, error: r.errors[name] ?? null, required: Boolean(field.required), requiredLabel: t('procedures.field.required') };
  const options = 'options' in field && field.options ? field.options.map((o) => ({ value: o.value, label: local(r.ctx, o.label) })) : [];
  switch (field.type) {
    case 'text':
      return <TextInput {...common} hint={hintOf(r, field)} value={rawValue(r.raw, name)} maxLength={field.maxLength} />;
    case 'textarea':
      return <Textarea {...common} hint={hintOf(r, field)} value={rawValue(r.raw, name)} maxLength={field.maxLength} />;
    case 'kana':
      return <TextInput {...common} hint={hintOf(r, field, t('procedures.field.kana.hint'))} value={rawValue(r.raw, name)} maxLength={field.maxLength} />;
    case 'number': {
      const unit = field.unit ? local(r.ctx, field.unit) : '';
      return <TextInput {...common} label={unit ? `${label}（${unit}）` : label} hint={hintOf(r, field)} value={rawValue(r.raw, name)} inputmode="numeric" width="short" />;
    }
    case 'date':
      return <DateInput {...common} hint={hintOf(r, field, t('procedures.field.date.hint'))} value={rawValue(r.raw, name)} />;
    case 'postal':
      return (
        <>
          <TextInput {...common} hint={hintOf(r, field, t('procedures.field.postal.hint'))} value={rawValue(r.raw, name)} autocomplete="postal-code" inputmode="numeric" width="short" maxLength={10} />
          {r.postalLookup.has(name) ? (
            <p>
              <button type="submit" class="btn btn-secondary" name="action" value={`postal:${name}`}>
                {t('procedures.field.postal.lookup')}
              </button>
            </p>
          ) : null}
        </>
      );
    case 'address':
      return <TextInput {...common} hint={hintOf(r, field)} value={rawValue(r.raw, name)} autocomplete="street-address" maxLength={field.maxLength} />;
    case 'phone':
      return <TextInput {...common} type="tel" hint={hintOf(r, field, t('procedures.field.phone.hint'))} value={rawValue(r.raw, name)} autocomplete="tel" inputmode="tel" width="medium" maxLength={20} />;
    case 'email':
      return <TextInput {...common} type="email" hint={hintOf(r, field)} value={rawValue(r.raw, name)} autocomplete="email" maxLength={254} />;
    case 'select':
      return <Select {...common} hint={hintOf(r, field)} value={rawValue(r.raw, name)} options={options} emptyLabel={t('procedures.field.choose')} />;
    case 'radios':
      return <Radios {...common} hint={hintOf(r, field)} value={rawValue(r.raw, name)} options={options} />;
    case 'checkboxes':
      return <Checkboxes {...common} hint={hintOf(r, field)} values={rawValues(r.raw, name)} options={options} />;
    case 'consent':
      return <Checkboxes {...common} label={label} hint={hintOf(r, field)} values={rawValues(r.raw, name)} options={[{ value: 'yes', label: t('procedures.field.consent.yes') }]} />;
    case 'file': {
      const current = answerAt(r.answers, name) as FileAnswer | undefined;
      const limit = t('procedures.field.file.limit', { types: typeNames(field.accept, r.ctx.locale), size: humanSize(field.maxBytes, r.ctx.locale) });
      return (
        <>
          <FileInput {...common} required={Boolean(field.required) && !current} hint={hintOf(r, field, limit)} accept={field.accept.join(',')} />
          {current?.fileId ? (
            <p class="field-hint">
              {t('procedures.field.file.current', { name: current.name, size: humanSize(current.size, r.ctx.locale) })}{' '}
              <a href={`/procedures/applications/${r.applicationId}/files/${current.fileId}`}>{t('procedures.application.download', { name: current.name })}</a> {t('procedures.field.file.replace')}
            </p>
          ) : null}
        </>
      );
    }
    case 'location':
      return (
        <LocationInput
          ctx={r.ctx}
          name={name}
          label={label}
          hint={hintOf(r, field, t('procedures.field.location.hint'))}
          required={Boolean(field.required)}
          values={{ lat: rawValue(r.raw, `${name}.lat`), lng: rawValue(r.raw, `${name}.lng`) }}
          errors={{ lat: r.errors[`${name}.lat`] ?? r.errors[name] ?? null, lng: r.errors[`${name}.lng`] ?? null }}
          tiles={r.tiles}
        />
      );
    case 'group':
      return <GroupInput r={r} field={field} />;
    default:
      return null;
  }
}

/** A repeating group (e.g. family members): each item a fieldset with a remove button, then an add button. */
function GroupInput({ r, field }: { r: FieldRenderContext; field: Extract<Field, { type: 'group' }> }) {
  const t = r.ctx.t;
  const itemLabel = local(r.ctx, field.itemLabel ?? field.label);
  const count = groupCount(r.raw, r.answers, field.id);
  const error = r.errors[field.id];
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <fieldset class="fieldset" id={field.id} tabIndex={-1} aria-describedby={[field.hint || r.conditional.has(field.id) ? `${field.id}-hint` : '', error ? `${field.id}-error` : ''].filter(Boolean).join(' ') || undefined}>
        <legend class="field-label">
          {local(r.ctx, field.label)}
          {field.required || (field.minItems ?? 0) > 0 ? <span class="required-tag">{t('procedures.field.required')}</span> : null}
        </legend>
        {field.hint || r.conditional.has(field.id) ? (
          <p id={`${field.id}-hint`} class="field-hint">
            {[field.hint ? local(r.ctx, field.hint) : '', r.conditional.has(field.id) ? t('procedures.field.conditional') : ''].filter(Boolean).join(' ')}
          </p>
        ) : null}
        {error ? (
          <p id={`${field.id}-error`} class="field-error-message">
            {error}
          </p>
        ) : null}
        {count === 0 ? <p>{t('procedures.group.none')}</p> : null}
        {Array.from({ length: count }, (_, i) => (
          <fieldset class="fieldset card">
            <legend class="field-label">{t('procedures.group.item', { label: itemLabel, n: i + 1 })}</legend>
            {field.fields.map((sub) => (
              <FieldInput r={r} field={sub} name={`${field.id}.${i}.${sub.id}`} />
            ))}
            <button type="submit" class="btn btn-tertiary" name="action" value={`remove:${field.id}:${i}`}>
              {t('procedures.group.remove', { label: itemLabel, n: i + 1 })}
            </button>
          </fieldset>
        ))}
        {field.maxItems === undefined || count < field.maxItems ? (
          <button type="submit" class="btn btn-secondary" name="action" value={`add:${field.id}`}>
            {t('procedures.group.add', { label: itemLabel })}
          </button>
        ) : null}
      </fieldset>
    </div>
  );
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
