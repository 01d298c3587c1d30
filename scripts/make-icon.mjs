// Draws the 128x128 extension icon (icon.png) with no image library: a rounded dark tile
// with three stacked bars for a pipeline's input, filter and output stages.
// Run `node scripts/make-icon.mjs` after changing the drawing; icon.png is committed.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const SIZE = 128;
const pixels = Buffer.alloc(SIZE * SIZE * 4);

function insideRoundedRect(x, y, left, top, right, bottom, radius) {
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

const bars = [
  { top: 30, left: 24, right: 84, color: [0xfe, 0xc5, 0x14] },
  { top: 56, left: 36, right: 104, color: [0x00, 0xbf, 0xb3] },
  { top: 82, left: 24, right: 92, color: [0xf0, 0x4e, 0x98] },
];

for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    const i = (y * SIZE + x) * 4;
    // Sample the pixel centre so edges are symmetric.
    const px = x + 0.5;
    const py = y + 0.5;
    if (!insideRoundedRect(px, py, 0, 0, SIZE, SIZE, 22)) continue;
    let rgb = [0x1e, 0x27, 0x3a];
    for (const bar of bars) {
      if (insideRoundedRect(px, py, bar.left, bar.top, bar.right, bar.top + 16, 8)) rgb = bar.color;
    }
    pixels.set([...rgb, 0xff], i);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
// Each scanline starts with filter byte 0 (none).
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) pixels.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk("IHDR", header),
  chunk("IDAT", deflateSync(raw, { level: 9 })),
  chunk("IEND", Buffer.alloc(0)),
]);
const out = new URL("../icon.png", import.meta.url);
writeFileSync(out, png);
console.log(`wrote ${out.pathname} (${png.length} bytes)`);
