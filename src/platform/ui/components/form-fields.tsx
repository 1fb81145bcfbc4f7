/**
 * Form inputs with a label, a hint and an error message wired together with
 * aria-describedby, so screen readers announce the hint and the error. Each
 * field's id equals its name, so the error summary can link to it.
 */
import type { ComponentChildren } from 'preact';

interface FieldBase {
  name: string;
  label: string;
  hint?: string;
  error?: string | null;
  required?: boolean;
  requiredLabel?: string;
}

function describedBy(name: string, hint?: string, error?: string | null): string | undefined {
  const ids = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldFrame(props: FieldBase & { children: ComponentChildren; forId?: string }) {
  return (
    <div class={`field${props.error ? ' field-error' : ''}`}>
      <label for={props.forId ?? props.name} class="field-label">
        {props.label}
        {props.required ? <span class="required-tag">{props.requiredLabel ?? '必須'}</span> : null}
      </label>
      {props.hint ? (
        <p id={`${props.name}-hint`} class="field-hint">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={`${props.name}-error`} class="field-error-message">
          {props.error}
        </p>
      ) : null}
      {props.children}
    </div>
  );
}

export function TextInput(
  props: FieldBase & {
    value?: string | null;
    type?: 'text' | 'email' | 'tel' | 'password' | 'search' | 'number' | 'url';
    autocomplete?: string;
    inputmode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'email' | 'search';
    width?: 'short' | 'medium' | 'full';
    maxLength?: number;
  },
) {
  return (
    <FieldFrame {...props}>
      <input
        class={`input input-${props.width ?? 'full'}`}
        id={props.name}
        name={props.name}
        type={(props.type ?? 'text') as 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        inputMode={props.inputmode}
        maxLength={props.maxLength}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, props.error)}
      />
    </FieldFrame>
  );
}

/** A date typed as text, so 和暦 (令和8年4月1日, R8.4.1) and Western forms both work without JavaScript. */
export function DateInput(props: FieldBase & { value?: string | null }) {
  return <TextInput {...props} width="medium" autocomplete="off" />;
}

export function Select(props: FieldBase & { value?: string | null; options: { value: string; label: string }[]; emptyLabel?: string }) {
  return (
    <FieldFrame {...props}>
      <select
        class="select"
        id={props.name}
        name={props.name}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, props.error)}
      >
        {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

interface ChoiceProps extends FieldBase {
  /** Base for element ids when several groups share one name (defaults to the name). */
  id?: string;
  options: { value: string; label: string; hint?: string }[];
}

function ChoiceGroup(props: ChoiceProps & { type: 'radio' | 'checkbox'; checked: (value: string) => boolean }) {
  return (
    <div class={`field${props.error ? ' field-error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={describedBy(props.id ?? props.name, props.hint, props.error)}>
        <legend class="field-label">
          {props.label}
          {props.required ? <span class="required-tag">{props.requiredLabel ?? '必須'}</span> : null}
        </legend>
        {props.hint ? (
          <p id={`${props.id ?? props.name}-hint`} class="field-hint">
            {props.hint}
          </p>
        ) : null}
        {props.error ? (
          <p id={`${props.id ?? props.name}-error`} class="field-error-message">
            {props.error}
          </p>
        ) : null}
        <div class="choices">
          {props.options.map((o, i) => {
            const base = props.id ?? props.name;
            const id = i === 0 ? base : `${base}-${i}`;
            return (
              <div class="choice">
                <input class="choice-input" type={props.type} id={id} name={props.name} value={o.value} checked={props.checked(o.value)} />
                <label for={id} class="choice-label">
                  {o.label}
                </label>
                {o.hint ? <p class="field-hint">{o.hint}</p> : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Radios(props: ChoiceProps & { value?: string | null }) {
  return <ChoiceGroup {...props} type="radio" checked={(v) => v === props.value} />;
}

export function Checkboxes(props: ChoiceProps & { values?: string[] }) {
  const values = new Set(props.values ?? []);
  return <ChoiceGroup {...props} type="checkbox" checked={(v) => values.has(v)} />;
}

export function FileInput(props: FieldBase & { accept?: string }) {
  return (
    <FieldFrame {...props}>
      <input
        class="file-input"
        id={props.name}
        name={props.name}
        type="file"
        accept={props.accept}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, props.error)}
      />
    </FieldFrame>
  );
}

export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

export function Textarea(props: FieldBase & { value?: string | null; rows?: number; maxLength?: number }) {
  return (
    <FieldFrame {...props}>
      <textarea
        class="input"
        id={props.name}
        name={props.name}
        rows={props.rows ?? 5}
        maxLength={props.maxLength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, props.error)}
      >
        {props.value ?? ''}
      </textarea>
    </FieldFrame>
  );
}
