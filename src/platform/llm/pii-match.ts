/** A stretch of (NFKC-normalised) text a detector thinks is personal data. */
export interface PiiMatch {
  start: number;
  end: number;
  /** What identifies the value, so the same value gets the same placeholder. */
  key: string;
}

/**
 * Every match of a global regex. With `group`, the match is that named
 * group's span (needs the 'd' flag), so context can sit outside the span.
 * `key` turns the matched text into the value's identity (default: as is).
 */
export function matchesOf(re: RegExp, text: string, options: { group?: string; key?: (s: string) => string; accept?: (s: string) => boolean } = {}): PiiMatch[] {
  const found: PiiMatch[] = [];
  for (const m of text.matchAll(re)) {
    let start = m.index;
    let end = start + m[0].length;
    if (options.group) {
      const span = m.indices?.groups?.[options.group];
      if (!span) continue;
      [start, end] = span;
    }
    const value = text.slice(start, end);
    if (!value || (options.accept && !options.accept(value))) continue;
    found.push({ start, end, key: options.key ? options.key(value) : value });
  }
  return found;
}

/** Digits only: '090-1234-5678' and '090 1234 5678' are one phone. */
export function digitsOf(s: string): string {
  return s.replace(/\D/gu, '');
}
