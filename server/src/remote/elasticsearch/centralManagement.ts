/**
 * Deploy through Elasticsearch's centralized pipeline management: `PUT _logstash/pipeline/<id>` with the
 * document Logstash's config management reads (pipeline, pipeline_metadata, pipeline_settings,
 * last_modified, username). The `_logstash` API exists from Elasticsearch 7.12 in the default
 * distribution (X-Pack); OSS and integration-test builds have no handler for it.
 */
import { errors } from "@elastic/elasticsearch";
import { t } from "../../core/l10n";
import { PLAIN_JSON, EsError, clusterInfo, describeEsError, type EsConnection } from "./client";

export interface CentralPipeline {
  id: string;
  /** The pipeline's config text, as written in the editor. */
  pipeline: string;
  description?: string;
  /** `pipeline.workers`, `pipeline.batch.size`, `queue.type`, …, as in pipelines.yml. */
  settings?: Record<string, string | number | boolean>;
  username?: string;
  now?: Date;
}

/** Logstash accepts ids of letters, digits, `_` and `-`, starting with a letter or `_`. */
export function validPipelineId(id: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(id) && id.length <= 1000;
}

export function centralPipelineBody(p: CentralPipeline): Record<string, unknown> {
  return {
    description: p.description ?? "",
    last_modified: (p.now ?? new Date()).toISOString(),
    pipeline_metadata: { type: "logstash_pipeline", version: 1 },
    username: p.username ?? "logsmith",
    pipeline: p.pipeline,
    pipeline_settings: p.settings ?? {},
  };
}

function unsupported(conn: EsConnection, version: string): EsError {
  return new EsError(
    t("{0} (Elasticsearch {1}) does not support centralized pipeline management: the `_logstash/pipeline` API needs Elasticsearch 7.12 or newer with X-Pack (the default distribution), not an OSS build.", conn.where, version),
    "unsupported",
  );
}

/** Writes the pipeline document; the only write Logsmith makes to a cluster, run on an explicit deploy. */
export async function deployCentralPipeline(conn: EsConnection, p: CentralPipeline): Promise<{ created: boolean }> {
  if (!validPipelineId(p.id)) throw new EsError(t("`{0}` is not a valid pipeline id: use letters, digits, `_` and `-`, starting with a letter or `_`.", p.id), "config");
  const info = await clusterInfo(conn);
  const [major, minor] = info.version.split(".").map(Number);
  if (major < 7 || (major === 7 && minor < 12)) throw unsupported(conn, info.version);
  try {
    const answer = await conn.client.transport.request<{ result?: string }>(
      { method: "PUT", path: `/_logstash/pipeline/${encodeURIComponent(p.id)}`, body: centralPipelineBody(p) },
      { ...PLAIN_JSON, meta: false },
    );
    return { created: (answer as { result?: string })?.result === "created" };
  } catch (error) {
    if (error instanceof errors.ResponseError) {
      const status = error.statusCode ?? 0;
      const text = JSON.stringify(error.body ?? "");
      if (status === 405 || (status === 400 && /no handler found/i.test(text)) || (status === 404 && !/pipeline/i.test(text))) throw unsupported(conn, info.version);
    }
    throw await describeEsError(error, conn);
  }
}
