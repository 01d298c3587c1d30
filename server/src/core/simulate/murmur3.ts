/**
 * MurmurHash3 as the murmurhash3 gem computes it for logstash-filter-fingerprint: x86 32-bit (seed 0)
 * and x64 128-bit (seed 2 in the filter), over UTF-8 bytes or over a little-endian integer.
 */

function mix32(k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, 0x1b873593);
}

export function murmur3x86_32(data: Uint8Array, seed = 0): number {
  let h = seed >>> 0;
  const blocks = data.length >> 2;
  for (let i = 0; i < blocks; i++) {
    const o = i * 4;
    const k = data[o] | (data[o + 1] << 8) | (data[o + 2] << 16) | (data[o + 3] << 24);
    h ^= mix32(k);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const tail = blocks * 4;
  const rest = data.length & 3;
  if (rest > 0) {
    let k = 0;
    for (let i = rest - 1; i >= 0; i--) k = (k << 8) | data[tail + i];
    h ^= mix32(k);
  }
  h ^= data.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const M64 = (1n << 64n) - 1n;
const rotl64 = (x: bigint, r: bigint) => ((x << r) | (x >> (64n - r))) & M64;
const mul64 = (a: bigint, b: bigint) => (a * b) & M64;
function fmix64(k: bigint): bigint {
  k ^= k >> 33n;
  k = mul64(k, 0xff51afd7ed558ccdn);
  k ^= k >> 33n;
  k = mul64(k, 0xc4ceb9fe1a85ec53n);
  k ^= k >> 33n;
  return k;
}

/** The 16 digest bytes: h1 then h2, each little-endian (what the gem's hexdigest prints). */
export function murmur3x64_128(data: Uint8Array, seed = 0): Buffer {
  const c1 = 0x87c37b91114253d5n;
  const c2 = 0x4cf5ad432745937fn;
  let h1 = BigInt(seed >>> 0);
  let h2 = h1;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const blocks = data.length >> 4;
  for (let i = 0; i < blocks; i++) {
    let k1 = view.getBigUint64(i * 16, true);
    let k2 = view.getBigUint64(i * 16 + 8, true);
    k1 = mul64(rotl64(mul64(k1, c1), 31n), c2);
    h1 ^= k1;
    h1 = (mul64(rotl64(h1, 27n) + h2, 1n) * 5n + 0x52dce729n) & M64;
    k2 = mul64(rotl64(mul64(k2, c2), 33n), c1);
    h2 ^= k2;
    h2 = (mul64(rotl64(h2, 31n) + h1, 1n) * 5n + 0x38495ab5n) & M64;
  }
  const tail = blocks * 16;
  let k1 = 0n;
  let k2 = 0n;
  const rest = data.length & 15;
  for (let i = rest - 1; i >= 8; i--) k2 ^= BigInt(data[tail + i]) << BigInt((i - 8) * 8);
  if (rest > 8) h2 ^= mul64(rotl64(mul64(k2, c2), 33n), c1);
  for (let i = Math.min(rest, 8) - 1; i >= 0; i--) k1 ^= BigInt(data[tail + i]) << BigInt(i * 8);
  if (rest > 0) h1 ^= mul64(rotl64(mul64(k1, c1), 31n), c2);
  const len = BigInt(data.length);
  h1 ^= len;
  h2 ^= len;
  h1 = (h1 + h2) & M64;
  h2 = (h2 + h1) & M64;
  h1 = fmix64(h1);
  h2 = fmix64(h2);
  h1 = (h1 + h2) & M64;
  h2 = (h2 + h1) & M64;
  const out = Buffer.alloc(16);
  out.writeBigUInt64LE(h1, 0);
  out.writeBigUInt64LE(h2, 8);
  return out;
}
