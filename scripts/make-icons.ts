/**
 * Draws the add-in's icons: white "KC" on a blue rounded square, anti-aliased, as RGBA PNGs written with zlib and a
 * CRC-32 of our own (no image library). Writes assets/icon-{16,32,64,80,128}.png; the output is deterministic, so the
 * committed files only change when this script does. Run: `npm run icons` (npx tsx scripts/make-icons.ts).
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { deflateSync } from 'zlib';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

const BLUE: RGB = [0x1f, 0x5f, 0xbf];
const WHITE: RGB = [0xff, 0xff, 0xff];
const SAMPLES = 4; // per axis: 16 samples per pixel
const STROKE = 0.095; // letter stroke width, as a share of the icon's side
const CORNER = 0.18; // background corner radius, as a share of the icon's side

type RGB = [number, number, number];
type Point = [number, number];

/** Strokes of "K": the stem and two arms, in unit coordinates (y down). */
const K_STROKES: [Point, Point][] = [
  [
    [0.2, 0.28],
    [0.2, 0.72],
  ],
  [
    [0.215, 0.52],
    [0.45, 0.28],
  ],
  [
    [0.285, 0.445],
    [0.465, 0.72],
  ],
];
/** "C": a ring around this centre, open on the right. */
const C_CENTRE: Point = [0.7, 0.5];
const C_RADIUS = 0.19;
const C_OPENING = (40 * Math.PI) / 180; // half-angle of the gap

function distanceToSegment([px, py]: Point, [[ax, ay], [bx, by]]: [Point, Point]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function inLetters(p: Point): boolean {
  if (K_STROKES.some((s) => distanceToSegment(p, s) <= STROKE / 2)) return true;
  const dx = p[0] - C_CENTRE[0];
  const dy = p[1] - C_CENTRE[1];
  const r = Math.hypot(dx, dy);
  if (Math.abs(Math.atan2(dy, dx)) >= C_OPENING) return Math.abs(r - C_RADIUS) <= STROKE / 2;
  // Round caps at the ends of the C.
  const end = (sign: number): Point => [
    C_CENTRE[0] + C_RADIUS * Math.cos(C_OPENING),
    C_CENTRE[1] + sign * C_RADIUS * Math.sin(C_OPENING),
  ];
  return [1, -1].some((s) => Math.hypot(p[0] - end(s)[0], p[1] - end(s)[1]) <= STROKE / 2);
}

function inBackground([x, y]: Point): boolean {
  const cx = Math.min(Math.max(x, CORNER), 1 - CORNER);
  const cy = Math.min(Math.max(y, CORNER), 1 - CORNER);
  return x >= 0 && x <= 1 && y >= 0 && y <= 1 && Math.hypot(x - cx, y - cy) <= CORNER;
}

/** The icon as RGBA rows, each sample blended: background coverage sets alpha, letter coverage mixes in white. */
export function drawIcon(size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let background = 0;
      let letters = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const p: Point = [(x + (sx + 0.5) / SAMPLES) / size, (y + (sy + 0.5) / SAMPLES) / size];
          if (!inBackground(p)) continue;
          background++;
          if (inLetters(p)) letters++;
        }
      }
      const i = (y * size + x) * 4;
      const mix = background === 0 ? 0 : letters / background;
      for (let c = 0; c < 3; c++) pixels[i + c] = Math.round(BLUE[c] + (WHITE[c] - BLUE[c]) * mix);
      pixels[i + 3] = Math.round((255 * background) / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (ISO-HDLC), as PNG chunks use it. */
export function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG of RGBA pixels: 8 bits per channel, no interlace, filter 0 on every row. */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, filter method 0, no interlace
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++)
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'assets');
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(dir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, drawIcon(size)));
    console.log(`wrote ${file}`);
  }
}
