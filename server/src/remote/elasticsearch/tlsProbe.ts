/**
 * When an HTTPS request fails verification, the transport error says only "self-signed certificate".
 * A second, unverified handshake fetches the certificate the server presented so the message can name
 * it (subject, issuer, validity) and say why Node rejected it with the same trust settings.
 */
import { checkServerIdentity, connect, type PeerCertificate } from "node:tls";

export interface TlsFinding {
  /** Node's verification error code (DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED, …) or the host-name mismatch. */
  reason: string;
  subject?: string;
  issuer?: string;
  validTo?: string;
  fingerprint256?: string;
}

function describeName(name: PeerCertificate["subject"] | undefined): string | undefined {
  if (!name) return undefined;
  const parts = Object.entries(name).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join("+") : v}`);
  return parts.length ? parts.join(", ") : undefined;
}

/** Connects to `url` with the given CA, unverified, and reports why a verified handshake would fail. */
export function probeTls(url: URL, ca: Buffer | undefined, timeoutMs = 5000): Promise<TlsFinding | undefined> {
  return new Promise((resolve) => {
    const host = url.hostname.replace(/^\[|\]$/g, "");
    const socket = connect({
      host,
      port: Number(url.port || 443),
      ca,
      servername: /^[\d.]+$|:/.test(host) ? undefined : host,
      rejectUnauthorized: false,
    });
    const done = (finding: TlsFinding | undefined) => {
      socket.destroy();
      resolve(finding);
    };
    socket.setTimeout(timeoutMs, () => done(undefined));
    socket.once("error", () => done(undefined));
    socket.once("secureConnect", () => {
      const cert = socket.getPeerCertificate();
      let reason = socket.authorizationError ? String(socket.authorizationError) : undefined;
      if (!reason) {
        // The chain is trusted; the remaining check Node makes is the host name.
        const mismatch = checkServerIdentity(host, cert);
        if (mismatch) reason = mismatch.message;
      }
      if (!reason) return done(undefined);
      done({
        reason,
        subject: describeName(cert.subject),
        issuer: describeName(cert.issuer),
        validTo: cert.valid_to,
        fingerprint256: cert.fingerprint256,
      });
    });
  });
}
