/**
 * logstash-filter-fingerprint 3.4: digests (OpenSSL's, HMAC with `key`), MurmurHash3, IPV4_NETWORK,
 * UUID and PUNCTUATION over `source` fields, one by one (the last present one wins) or concatenated
 * as `|name|value|…|`. Target `fingerprint`, or `[event][hash]` in ECS mode.
 */
import { createHash, createHmac, randomUUID } from "node:crypto";
import { FilterConfigError, ecsOf, filterMatched, type FilterContext, type FilterOutcome } from "./common";
import { get, includes, set, type JsonValue, type SimEvent } from "./event";
import { murmur3x64_128, murmur3x86_32 } from "./murmur3";
import type { PluginOptions } from "./options";

const DIGESTS: Record<string, string> = { SHA1: "sha1", SHA256: "sha256", SHA384: "sha384", SHA512: "sha512", MD5: "md5" };
const METHODS = [...Object.keys(DIGESTS), "MURMUR3", "MURMUR3_128", "IPV4_NETWORK", "UUID", "PUNCTUATION"];
const INT32 = 2 ** 31;

/** Ruby's sort of string keys: by code units, which for these keys matches byte order. */
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `to_canonical_value`: hashes as sorted `k|v` pairs, arrays joined by `|`, scalars as they print. */
function canonical(value: JsonValue | undefined): string | number | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map((v) => text(canonical(v))).join("|");
  if (typeof value === "object") return Object.keys(value).sort(byKey).map((k) => `${k}|${text(canonical(value[k]))}`).join("|");
  if (typeof value === "boolean") return String(value);
  return value;
}

/** Ruby's `to_s` of a canonical value (nil prints as nothing). */
function text(v: string | number | null): string {
  return v === null ? "" : String(v);
}

/** `@timestamp` prints as Logstash's Timestamp#to_s: ISO-8601 UTC with milliseconds. */
function fieldValue(event: SimEvent, ref: string): JsonValue | undefined {
  const v = get(event, ref);
  if (ref.replace(/^\[|\]$/g, "") === "@timestamp" && typeof v === "string") {
    const d = new Date(v);
    if (!Number.isNaN(d.getTime())) return d.toISOString();
  }
  return v;
}

function intBytes(n: number, width: 4 | 8): Buffer {
  const b = Buffer.alloc(width);
  if (width === 4) b.writeInt32LE(n);
  else b.writeBigInt64LE(BigInt(n));
  return b;
}

function ipv4Network(ip: string, prefix: number): string {
  const parts = ip.split(".").map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) throw new Error(`invalid address ${ip}`);
  const n = parts.reduce((a, p) => a * 256 + p, 0);
  const mask = prefix <= 0 ? 0 : Number((0xffffffffn << BigInt(32 - Math.min(prefix, 32))) & 0xffffffffn);
  const masked = Number(BigInt(n) & BigInt(mask));
  return [24, 16, 8, 0].map((s) => (masked >>> s) & 255).join(".");
}

export function runFingerprint(event: SimEvent, opts: PluginOptions, ctx: FilterContext): FilterOutcome {
  const method = opts.string("method", "SHA1")!;
  if (!METHODS.includes(method)) throw new FilterConfigError(`fingerprint: unknown method ${method}`);
  const key = opts.string("key");
  if (method === "IPV4_NETWORK" && key === undefined) throw new FilterConfigError("fingerprint IPV4_NETWORK needs `key` (the prefix length)");
  const base64 = opts.bool("base64encode", false);
  const target = opts.string("target") ?? (ecsOf(opts, ctx) === "disabled" ? "fingerprint" : "[event][hash]");
  const sources = opts.has("source") ? opts.list("source") : ["message"];

  const fingerprint = (value: string | number | null): JsonValue => {
    const isInt = typeof value === "number" && Number.isInteger(value);
    if (method === "MURMUR3") return murmur3x86_32(isInt ? intBytes(value, 8) : Buffer.from(text(value), "utf8"));
    if (method === "MURMUR3_128") {
      const data = isInt ? intBytes(value, value >= -INT32 && value < INT32 ? 4 : 8) : Buffer.from(text(value), "utf8");
      const digest = murmur3x64_128(data, 2);
      return base64 ? digest.toString("base64") : digest.toString("hex");
    }
    if (method === "IPV4_NETWORK") return ipv4Network(text(value), Number(key));
    const algorithm = DIGESTS[method];
    const h = key === undefined ? createHash(algorithm) : createHmac(algorithm, key);
    h.update(text(value), "utf8");
    return h.digest(base64 ? "base64" : "hex");
  };

  if (method === "UUID") set(event, target, randomUUID());
  else if (method === "PUNCTUATION") {
    for (const field of [...sources].sort(byKey)) {
      if (!includes(event, field)) continue;
      const v = get(event, field);
      // Everything but punctuation and symbols removed (Ruby's [^[\p{P}\p{S}]]).
      set(event, target, (typeof v === "string" ? v : JSON.stringify(v)).replace(/[^\p{P}\p{S}]/gu, ""));
    }
  } else if (opts.bool("concatenate_sources", false) || opts.bool("concatenate_all_fields", false)) {
    let joined = "";
    if (opts.bool("concatenate_all_fields", false)) {
      const { "@metadata": _metadata, ...all } = event;
      for (const k of Object.keys(all).sort(byKey)) joined += `|${k}|${text(canonical(fieldValue(event, `[${k}]`)))}`;
    } else {
      for (const k of [...sources].sort(byKey)) joined += `|${k}|${text(canonical(fieldValue(event, k)))}`;
    }
    set(event, target, fingerprint(`${joined}|`));
  } else {
    for (const field of sources) {
      if (!includes(event, field)) continue;
      const v = fieldValue(event, field);
      set(event, target, Array.isArray(v) ? v.map((x) => fingerprint(canonical(x))) : fingerprint(canonical(v)));
    }
  }
  filterMatched(event, opts);
  return { status: "applied", detail: method };
}
