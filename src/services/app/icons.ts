/**
 * The app's icons as PNG (what install prompts and notifications need), drawn from the
 * same shapes as assets/icon.svg: a blue rounded square with a white ring and a yellow
 * "button" in the middle (ぽちっと = a push of a button). Drawn once per size with 4×4
 * supersampling and encoded with zlib; no image library needed.
 */
import zlib from 'node:zlib';

type Rgba = [number, number, number, number];
const BLUE: Rgba = [0x00, 0x17, 0xc1, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const YELLOW: Rgba = [0xff, 0xd4, 0x3d, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** Colour at a point of the 512-unit design; maskable icons fill the square (no rounded corners). */
function colourAt(x: number, y: number, maskable: boolean): Rgba {
  const r = Math.hypot(x - 256, y - 256);
  if (r <= 62) return YELLOW;
  if (r <= 104) return BLUE;
  if (r <= 150) return WHITE;
  if (maskable) return BLUE;
  const radius = 96;
  const cx = Math.min(Math.max(x, radius), 512 - radius);
  const cy = Math.min(Math.max(y, radius), 512 - radius);
  return Math.hypot(x - cx, y - cy) <= radius ? BLUE : CLEAR;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function drawIcon(size: number, maskable = false): Buffer {
  const scale = 512 / size;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const S = 4;
  for (let py = 0; py < size; py++) {
    const row = py * (size * 4 + 1);
    raw[row] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = colourAt((px + (sx + 0.5) / S) * scale, (py + (sy + 0.5) / S) * scale, maskable);
          // Premultiplied, so transparent samples do not darken the edges.
          sum[0]! += (c[0] * c[3]) / 255;
          sum[1]! += (c[1] * c[3]) / 255;
          sum[2]! += (c[2] * c[3]) / 255;
          sum[3]! += c[3];
        }
      }
      const alpha = sum[3]! / (S * S);
      const at = row + 1 + px * 4;
      for (let i = 0; i < 3; i++) raw[at + i] = alpha === 0 ? 0 : Math.round((sum[i]! / (S * S)) * (255 / alpha));
      raw[at + 3] = Math.round(alpha);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const cache = new Map<string, Buffer>();

export function icon(size: 192 | 512, maskable = false): Buffer {
  const key = `${size}:${maskable}`;
  let png = cache.get(key);
  if (!png) {
    png = drawIcon(size, maskable);
    cache.set(key, png);
  }
  return png;
}
