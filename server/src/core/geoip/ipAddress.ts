/**
 * IP literals as Logstash's geoip filter sees them: it hands the text to Java's `InetAddress.getByName`
 * and records `getHostAddress()` as the `ip` field. So an IPv4-mapped IPv6 address becomes plain IPv4,
 * and IPv6 is written with all eight groups, without zero compression (`2001:db8:0:0:0:0:0:1`).
 */
export interface ParsedIp {
  version: 4 | 6;
  /** `getHostAddress()` spelling, also what is handed to the database reader. */
  hostAddress: string;
}

function parseIpv4(text: string): number[] | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    bytes.push(n);
  }
  return bytes;
}

function parseGroups(text: string): number[] | undefined {
  if (text === "") return [];
  const groups: number[] = [];
  for (const part of text.split(":")) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(part)) return undefined;
    groups.push(parseInt(part, 16));
  }
  return groups;
}

function parseIpv6(text: string): number[] | undefined {
  let body = text;
  const tail: number[] = [];
  // A trailing dotted quad stands for the last two groups (`::ffff:1.2.3.4`).
  const lastColon = body.lastIndexOf(":");
  if (lastColon >= 0 && body.slice(lastColon + 1).includes(".")) {
    const v4 = parseIpv4(body.slice(lastColon + 1));
    if (!v4) return undefined;
    tail.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
    body = body.slice(0, lastColon + 1);
    if (!body.endsWith("::")) body = body.slice(0, -1);
  }
  const halves = body.split("::");
  if (halves.length > 2) return undefined;
  if (halves.length === 1) {
    const groups = parseGroups(halves[0]);
    if (!groups || groups.length + tail.length !== 8) return undefined;
    return [...groups, ...tail];
  }
  const head = parseGroups(halves[0]);
  const rest = parseGroups(halves[1]);
  if (!head || !rest) return undefined;
  const missing = 8 - head.length - rest.length - tail.length;
  if (missing < 1) return undefined;
  return [...head, ...new Array<number>(missing).fill(0), ...rest, ...tail];
}

/** Undefined when the text is not an IP literal (Logstash would try DNS; see the module notes). */
export function parseIpLiteral(text: string): ParsedIp | undefined {
  const v4 = parseIpv4(text);
  if (v4) return { version: 4, hostAddress: v4.join(".") };
  const inner = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  if (!inner.includes(":")) return undefined;
  const groups = parseIpv6(inner);
  if (!groups) return undefined;
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) {
    return { version: 4, hostAddress: [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join(".") };
  }
  return { version: 6, hostAddress: groups.map((g) => g.toString(16)).join(":") };
}

/** The network containing an address, `address/prefix` like MaxMind's Java `Network.toString()`. */
export function networkOf(ip: ParsedIp, prefixLength: number): string {
  if (ip.version === 4) {
    const bytes = ip.hostAddress.split(".").map(Number);
    const masked = bytes.map((b, i) => {
      const keep = Math.max(0, Math.min(8, prefixLength - i * 8));
      return b & ((0xff << (8 - keep)) & 0xff);
    });
    return `${masked.join(".")}/${prefixLength}`;
  }
  const groups = ip.hostAddress.split(":").map((g) => parseInt(g, 16));
  const masked = groups.map((g, i) => {
    const keep = Math.max(0, Math.min(16, prefixLength - i * 16));
    return g & ((0xffff << (16 - keep)) & 0xffff);
  });
  return `${masked.map((g) => g.toString(16)).join(":")}/${prefixLength}`;
}
