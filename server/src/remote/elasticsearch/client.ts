/**
 * A read-only Elasticsearch connection for one target, and the one place that turns the client's
 * errors into plain sentences. Secrets come from a SecretSource and go only into the client's auth
 * options; messages name the target and node URL (without any user info), never a credential.
 */
import { readFileSync } from "node:fs";
import { Client, errors, type ClientOptions } from "@elastic/elasticsearch";
import { t } from "../../core/l10n";
import type { ConnectionCheck, SecretSource } from "../secrets";
import type { ElasticsearchTarget } from "../targets";
import { probeTls } from "./tlsProbe";

/** A failure already phrased for the user. */
export class EsError extends Error {
  constructor(
    message: string,
    readonly kind: "unreachable" | "auth" | "forbidden" | "tls" | "notFound" | "unsupported" | "config" | "request",
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface EsConnection {
  client: Client;
  target: ElasticsearchTarget;
  /** The first node URL without user info, for messages. */
  where: string;
  close(): Promise<void>;
}

/**
 * The client sends `compatible-with=8` media types by default, which 7.x clusters reject; plain JSON
 * works with 7.14 and later (the first release the client's product check accepts) through 9.x.
 */
export const PLAIN_JSON = { headers: { accept: "application/json", "content-type": "application/json" } };

export function displayUrl(node: string): string {
  try {
    const u = new URL(node);
    u.username = "";
    u.password = "";
    return u.toString().replace(/\/$/, "");
  } catch {
    return node.replace(/\/\/[^@/]*@/, "//");
  }
}

async function authOptions(target: ElasticsearchTarget, secrets: SecretSource): Promise<ClientOptions["auth"]> {
  const auth = target.auth ?? { type: "none" };
  if (auth.type === "basic") {
    const password = await secrets.get(target, "password");
    if (password === undefined) throw new EsError(t("No password for target `{0}`: store it in the Targets view, or for the CLI set the variable named by `passwordEnv`.", target.name), "config");
    return { username: auth.username, password };
  }
  if (auth.type === "apiKey") {
    const apiKey = await secrets.get(target, "apiKey");
    if (apiKey === undefined) throw new EsError(t("No API key for target `{0}`: store it in the Targets view, or for the CLI set the variable named by `apiKeyEnv`.", target.name), "config");
    return { apiKey };
  }
  return undefined;
}

function readCa(target: ElasticsearchTarget): Buffer | undefined {
  if (!target.caCertPath) return undefined;
  try {
    return readFileSync(target.caCertPath);
  } catch (error) {
    throw new EsError(t("Cannot read the CA certificate {0} of target `{1}`: {2}", target.caCertPath, target.name, (error as NodeJS.ErrnoException).code ?? String(error)), "config");
  }
}

export async function connectElasticsearch(target: ElasticsearchTarget, secrets: SecretSource, requestTimeoutMs = 15000): Promise<EsConnection> {
  if (!target.nodes?.length) throw new EsError(t("Target `{0}` names no Elasticsearch node.", target.name), "config");
  const ca = readCa(target);
  const client = new Client({
    nodes: target.nodes,
    auth: await authOptions(target, secrets),
    tls: { ca, rejectUnauthorized: target.tlsVerify !== false },
    requestTimeout: requestTimeoutMs,
    maxRetries: 0,
    sniffOnStart: false,
    // Drops the auth headers from error metadata, so nothing downstream can print them.
    redaction: { type: "remove" },
  });
  return { client, target, where: displayUrl(target.nodes[0]), close: () => client.close() };
}

interface EsErrorBody {
  error?: { type?: string; reason?: string; root_cause?: { type?: string; reason?: string }[] } | string;
}

function bodyReason(body: unknown): { type?: string; reason?: string } {
  const e = (body as EsErrorBody | undefined)?.error;
  if (typeof e === "string") return { reason: e };
  return { type: e?.type ?? e?.root_cause?.[0]?.type, reason: e?.reason ?? e?.root_cause?.[0]?.reason };
}

const TLS_HINT = /certificate|self[- ]signed|SSL|TLS|altnames|unable to verify|CERT_|EPROTO/i;

/** Turns anything the client throws into an EsError with one plain sentence. */
export async function describeEsError(error: unknown, conn: Pick<EsConnection, "target" | "where">): Promise<EsError> {
  if (error instanceof EsError) return error;
  const { target, where } = conn;
  if (error instanceof errors.ResponseError) {
    const status = error.statusCode ?? 0;
    const { type, reason } = bodyReason(error.body);
    if (status === 401) {
      const how = target.auth?.type ?? "none";
      return new EsError(
        how === "none"
          ? t("Elasticsearch at {0} requires authentication (401): give target `{1}` a user name and password or an API key.", where, target.name)
          : t("Elasticsearch at {0} rejected the credentials of target `{1}` (401 authentication failed).", where, target.name),
        "auth",
        401,
      );
    }
    if (status === 403) return new EsError(t("Elasticsearch at {0} denied the request for target `{1}` (403 forbidden): {2}", where, target.name, reason ?? type ?? "no reason given"), "forbidden", 403);
    if (type === "index_not_found_exception") return new EsError(t("No index matches {0} on {1}.", String((error.body as { error?: { index?: string } })?.error?.index ?? reason ?? ""), where), "notFound", 404);
    return new EsError(t("Elasticsearch at {0} answered {1}: {2}", where, String(status), reason ?? type ?? "no reason given"), "request", status);
  }
  if (error instanceof errors.ProductNotSupportedError) {
    return new EsError(t("The server at {0} is not Elasticsearch 7.14 or newer, which Logsmith needs to query it.", where), "unsupported");
  }
  if (error instanceof errors.ConnectionError || error instanceof errors.TimeoutError) {
    const message = error.message ?? "";
    if (/wrong version number|packet length too long/i.test(message)) {
      return new EsError(t("{0} does not answer TLS: is the node URL meant to start with http:// instead of https://?", where), "tls");
    }
    if (TLS_HINT.test(message) && where.startsWith("https:")) {
      let finding;
      try {
        finding = await probeTls(new URL(where), readCa(target));
      } catch {
        finding = undefined;
      }
      if (finding) {
        return new EsError(
          t("TLS verification failed for {0}: {1}. The server's certificate is {2}, issued by {3}, valid until {4} (SHA-256 {5}). Give target `{6}` the CA that signed it (caCertPath), or turn tlsVerify off for this target only.",
            where, finding.reason, finding.subject ?? "?", finding.issuer ?? "?", finding.validTo ?? "?", finding.fingerprint256 ?? "?", target.name),
          "tls",
        );
      }
      return new EsError(t("TLS verification failed for {0}: {1}", where, message), "tls");
    }
    if (error instanceof errors.TimeoutError) return new EsError(t("Elasticsearch at {0} did not answer in time.", where), "unreachable");
    return new EsError(t("Cannot reach Elasticsearch at {0}: {1}", where, message), "unreachable");
  }
  return new EsError(t("Elasticsearch at {0}: {1}", where, error instanceof Error ? error.message : String(error)), "request");
}

export interface ClusterInfo {
  name: string;
  version: string;
  flavor?: string;
}

export async function clusterInfo(conn: EsConnection): Promise<ClusterInfo> {
  try {
    const info = await conn.client.info(undefined, PLAIN_JSON);
    return { name: info.cluster_name, version: info.version.number, flavor: info.version.build_flavor };
  } catch (error) {
    // Distributions without the rest-root module (the integ-test zip) have no `GET /`; the local
    // node's info carries the cluster name and version too.
    const status = error instanceof errors.ResponseError ? error.statusCode : undefined;
    if (status !== 400 && status !== 404 && status !== 405) throw await describeEsError(error, conn);
  }
  try {
    const nodes = await conn.client.nodes.info({ node_id: "_local", metric: "_none" }, PLAIN_JSON);
    const node = Object.values(nodes.nodes)[0];
    return { name: nodes.cluster_name, version: node?.version ?? "?" };
  } catch (error) {
    throw await describeEsError(error, conn);
  }
}

/** "Test connection" for the Targets view and the CLI: GET / with the target's auth and TLS settings. */
export async function checkElasticsearch(target: ElasticsearchTarget, secrets: SecretSource): Promise<ConnectionCheck> {
  let conn: EsConnection | undefined;
  try {
    conn = await connectElasticsearch(target, secrets, 10000);
    const info = await clusterInfo(conn);
    return { ok: true, message: t("connected to {0} (cluster {1}, Elasticsearch {2})", conn.where, info.name, info.version) };
  } catch (error) {
    const described = conn ? await describeEsError(error, conn) : error instanceof EsError ? error : new EsError(String(error), "config");
    return { ok: false, message: described.message };
  } finally {
    await conn?.close();
  }
}
