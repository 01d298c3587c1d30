/**
 * A tiny HTTPS stand-in for an Elasticsearch node with a self-signed certificate made by openssl, for
 * the TLS tests: the integ-test zip has no HTTP TLS set up, and what is tested is the client's trust
 * decision and the message, which only needs a server that presents a certificate and answers `GET /`
 * the way Elasticsearch does (including the `X-Elastic-Product` header the client checks).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface StandIn {
  url: string;
  certPath: string;
  stop(): Promise<void>;
}

/** `version` is what `GET /` reports, to test the messages for clusters too old for a feature. */
export async function startTlsStandIn(commonName: string, version = "8.19.0"): Promise<StandIn> {
  const dir = mkdtempSync(join(tmpdir(), "logsmith-tls-"));
  const key = join(dir, "key.pem");
  const cert = join(dir, "cert.pem");
  try {
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", `/CN=${commonName}`, "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert], { stdio: "pipe" });
  } catch (error) {
    throw new Error(`openssl could not make a test certificate: ${(error as Error).message}`);
  }
  const server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    res.setHeader("content-type", "application/json");
    res.setHeader("x-elastic-product", "Elasticsearch");
    if (req.url === "/" || req.url?.startsWith("/?")) {
      res.end(JSON.stringify({ name: "standin", cluster_name: "tls-standin", version: { number: version, build_flavor: "default" }, tagline: "You Know, for Search" }));
    } else {
      res.statusCode = 404;
      res.end(JSON.stringify({ error: "not here", status: 404 }));
    }
  });
  await new Promise<void>((res) => server.listen(0, "127.0.0.1", () => res()));
  const port = (server.address() as { port: number }).port;
  return {
    url: `https://127.0.0.1:${port}`,
    certPath: cert,
    stop: () =>
      new Promise((res) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          res();
        });
      }),
  };
}
