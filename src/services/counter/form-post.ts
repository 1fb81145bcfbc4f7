/**
 * A posted counter form (urlencoded, or multipart when it has file inputs) → the
 * engine's RawForm, the uploads apart, and the button pressed. Field names and
 * values are bounded here; the engine reads and checks each field afterwards.
 */
import type { RawForm } from '../../engines/forms/index.ts';

export interface Upload {
  name: string;
  filename: string;
  bytes: Buffer;
}

type Part = { value?: unknown; toBuffer?: () => Promise<Buffer>; filename?: string };

const MAX_FIELDS = 600;
const MAX_VALUE = 4000;
const ACTION = /^(save|done|add:[A-Za-z][A-Za-z0-9_]{0,63}|remove:[A-Za-z][A-Za-z0-9_]{0,63}:\d{1,3})$/;

export async function readPostedForm(body: unknown): Promise<{ raw: RawForm; uploads: Upload[]; action: string }> {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const raw: RawForm = {};
  const uploads: Upload[] = [];
  let action = 'save';
  let count = 0;
  for (const [name, value] of Object.entries(source)) {
    if (++count > MAX_FIELDS || name.length > 200) continue;
    const items = Array.isArray(value) ? value : [value];
    const texts: string[] = [];
    for (const item of items) {
      if (item && typeof item === 'object' && typeof (item as Part).toBuffer === 'function') {
        const part = item as Part;
        const bytes = await part.toBuffer!();
        // An empty file input still sends a part: nothing was chosen.
        if (bytes.length > 0) uploads.push({ name, filename: part.filename ?? 'file', bytes });
        continue;
      }
      const text = item && typeof item === 'object' && 'value' in (item as object) ? (item as Part).value : item;
      if (typeof text === 'string') texts.push(text.slice(0, MAX_VALUE));
    }
    if (name === '_csrf') continue;
    if (name === 'action') {
      const pressed = texts[texts.length - 1] ?? 'save';
      action = ACTION.test(pressed) ? pressed : 'save';
      continue;
    }
    if (texts.length === 0) continue;
    raw[name] = texts.length === 1 && !Array.isArray(value) ? texts[0]! : texts;
  }
  return { raw, uploads, action };
}
