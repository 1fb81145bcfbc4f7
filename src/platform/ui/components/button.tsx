import type { ComponentChildren } from 'preact';

type Variant = 'primary' | 'secondary' | 'tertiary' | 'danger';

export function Button(props: { children: ComponentChildren; variant?: Variant; name?: string; value?: string; type?: 'submit' | 'button'; id?: string }) {
  return (
    <button type={props.type ?? 'submit'} class={`btn btn-${props.variant ?? 'primary'}`} name={props.name} value={props.value} id={props.id}>
      {props.children}
    </button>
  );
}

export function LinkButton(props: { href: string; children: ComponentChildren; variant?: Variant }) {
  return (
    <a href={props.href} class={`btn btn-${props.variant ?? 'primary'}`}>
      {props.children}
    </a>
  );
}
