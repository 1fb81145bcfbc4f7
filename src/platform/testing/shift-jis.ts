/**
 * A Shift_JIS encoder for tests, built by running the platform's own decoder
 * (TextDecoder 'shift_jis', the WHATWG Windows-31J table) over every one- and
 * two-byte code once and inverting it: tests can write the files Japanese office
 * tools save without an encoding package. Characters with no Shift_JIS code throw.
 */
let table: Map<string, number[]> | null = null;

function buildTable(): Map<string, number[]> {
  const map = new Map<string, number[]>();
  const decoder = new TextDecoder('shift_jis', { fatal: true });
  const add = (bytes: number[]) => {
    try {
      const ch = decoder.decode(new Uint8Array(bytes));
      // Several codes can decode to one character (NEC/IBM duplicates): keep the first, as encoders do.
      if ([...ch].length === 1 && !map.has(ch)) map.set(ch, bytes);
    } catch {
      // not a valid code
    }
  };
  for (let b = 0x00; b <= 0x7f; b++) add([b]);
  for (let b = 0xa1; b <= 0xdf; b++) add([b]); // half-width katakana
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) if (trail !== 0x7f) add([lead, trail]);
  }
  return map;
}

export function encodeShiftJis(text: string): Buffer {
  table ??= buildTable();
  const out: number[] = [];
  for (const ch of text) {
    const bytes = table.get(ch);
    if (!bytes) throw new Error(`no Shift_JIS code for ${JSON.stringify(ch)} (U+${ch.codePointAt(0)!.toString(16)})`);
    out.push(...bytes);
  }
  return Buffer.from(out);
}
