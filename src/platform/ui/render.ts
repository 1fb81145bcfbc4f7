import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

export function renderDocument(vnode: VNode): string {
  return `<!doctype html>${renderToString(vnode)}`;
}
