/**
 * Regenerates or checks the plugin catalog against a local Logstash installation.
 *
 *   npx tsx scripts/catalog/extract-options.ts --logstash-home /opt/logstash          # print catalog JSON
 *   npx tsx scripts/catalog/extract-options.ts --logstash-home /opt/logstash --check  # diff against data/*.json
 *
 * It reads the installed plugin gems (`vendor/bundle/jruby/<v>/gems/logstash-{input,filter,output,codec,
 * integration}-*`) plus the mixin gems they include, so it sees exactly what that Logstash would load.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { OptionSpec, PluginKind, PluginSpec } from "../../server/src/core/catalog/types";
import { collectConstants, ecsValues, extractClasses, toOptionSpec, type ExtractedClass, type RubyValue } from "./ruby-config";

const PLUGIN_GEM = /^logstash-(input|filter|output|codec|integration)-/;
const MIXIN_GEM = /^logstash-(mixin|integration)-/;

function walkRb(dir: string, out: string[] = []): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(dir, e);
    const st = statSync(p);
    if (st.isDirectory()) walkRb(p, out);
    else if (e.endsWith(".rb")) out.push(p);
  }
  return out;
}

function gemDirs(logstashHome: string): string[] {
  const bundle = join(logstashHome, "vendor", "bundle", "jruby");
  const dirs: string[] = [];
  for (const rubyVersion of readdirSync(bundle)) {
    const gems = join(bundle, rubyVersion, "gems");
    try {
      for (const g of readdirSync(gems)) dirs.push(join(gems, g));
    } catch {
      /* not a gem home */
    }
  }
  return dirs;
}

/** Last segments a mixin is known by, so `include Kafka::Common` finds `LogStash::PluginMixins::Kafka::Common`. */
function mixinKey(name: string): string {
  return name.split("::").slice(-2).join("::");
}

/** Plugins of the given Ruby sources, with the options of the mixins they include merged in. */
export function extractPlugins(sources: { path: string; text: string; gem: string }[]): PluginSpec[] {
  const modules: ExtractedClass[] = [];
  const plugins: { cls: ExtractedClass; gem: string }[] = [];
  // Defaults often name a constant of another file (`AwsConfig::US_EAST_1`, `FileWatch::FILE_READ_SIZE`).
  const shared = new Map<string, RubyValue>();
  for (const s of sources) for (const [k, v] of collectConstants(s.text)) if (!shared.has(k)) shared.set(k, v);
  for (const s of sources) {
    for (const cls of extractClasses(s.text, shared)) {
      if (cls.kind && cls.configName) plugins.push({ cls, gem: s.gem });
      else modules.push(cls);
    }
  }
  // A mixin may keep its `config` calls in nested modules (http_client's Implementation, the
  // ca_trusted_fingerprint adapters), so an include also takes the modules nested under it.
  const resolveInclude = (inc: ExtractedClass["includes"][number], obsoleteSsl: boolean): ExtractedClass[] => {
    const tail = mixinKey(inc.name);
    return modules.filter((m) => {
      const hit = m.className === tail || m.className.endsWith(`::${tail}`) || m.className.includes(`::${tail}::`) || m.className.startsWith(`${tail}::`);
      if (!hit) return false;
      // http_client declares the legacy SSL options twice: deprecated, or obsolete with `[with_obsolete: true]`.
      if (/DeprecatedSsl/.test(m.className)) return !obsoleteSsl;
      if (/ObsoleteSsl/.test(m.className)) return obsoleteSsl;
      return true;
    });
  };
  const optionsOf = (cls: ExtractedClass, seen: Set<ExtractedClass>, obsoleteSsl: boolean): OptionSpec[] => {
    const out: OptionSpec[] = [];
    for (const inc of cls.includes) {
      const obsolete = obsoleteSsl || JSON.stringify(inc.args).includes("with_obsolete");
      for (const m of resolveInclude(inc, obsolete)) {
        if (seen.has(m)) continue;
        seen.add(m);
        out.push(...optionsOf(m, seen, obsolete));
      }
    }
    // Declarations after the include win, as a later `config` call does in Ruby.
    out.push(...cls.configs.map(toOptionSpec));
    const byName = new Map<string, OptionSpec>();
    for (const o of out) byName.set(o.name, o);
    return [...byName.values()];
  };
  return plugins.map(({ cls, gem }) => {
    const spec: PluginSpec = {
      kind: cls.kind as PluginKind,
      name: cls.configName!,
      source: gem,
      bundled: true,
      options: optionsOf(cls, new Set([cls]), false).filter((o) => o.name !== "ecs_compatibility"),
    };
    if (cls.defaultCodec && cls.defaultCodec !== "plain") spec.defaultCodec = cls.defaultCodec;
    const ecs = ecsValues(cls);
    if (ecs) spec.ecsCompatibility = ecs;
    return spec;
  });
}

/** Reads every plugin and mixin gem of an installation. */
export function extractInstallation(logstashHome: string): PluginSpec[] {
  const sources: { path: string; text: string; gem: string }[] = [];
  for (const dir of gemDirs(logstashHome)) {
    const base = dir.split(/[\\/]/).pop()!;
    if (!PLUGIN_GEM.test(base) && !MIXIN_GEM.test(base)) continue;
    const gem = base.replace(/-\d[\w.]*(-java)?$/, "");
    for (const path of walkRb(join(dir, "lib"))) sources.push({ path, text: readFileSync(path, "utf8"), gem });
  }
  return extractPlugins(sources);
}

export interface CheckProblem {
  kind: PluginKind;
  plugin: string;
  option?: string;
  message: string;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Differences between what an installation declares and the catalog's newest-release view. */
export function checkCatalog(extracted: PluginSpec[], catalog: PluginSpec[]): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const index = new Map(catalog.map((p) => [`${p.kind}/${p.name}`, p]));
  const kinds = new Set(catalog.map((p) => p.kind));
  for (const plugin of extracted) {
    if (!kinds.has(plugin.kind)) continue;
    const known = index.get(`${plugin.kind}/${plugin.name}`);
    if (!known) {
      problems.push({ kind: plugin.kind, plugin: plugin.name, message: "plugin missing from the catalog" });
      continue;
    }
    const options = new Map(known.options.map((o) => [o.name, o]));
    for (const opt of plugin.options) {
      const k = options.get(opt.name);
      const at = { kind: plugin.kind, plugin: plugin.name, option: opt.name };
      if (!k) {
        problems.push({ ...at, message: "option missing from the catalog" });
        continue;
      }
      if (k.until) problems.push({ ...at, message: `catalog says removed in ${k.until}, installation declares it` });
      if (k.validate !== opt.validate) problems.push({ ...at, message: `validate: catalog ${k.validate}, installation ${opt.validate}` });
      else if (opt.validate === "enum" && !sameJson(k.values, opt.values))
        problems.push({ ...at, message: `values: catalog ${JSON.stringify(k.values)}, installation ${JSON.stringify(opt.values)}` });
      if (!sameJson(k.default, opt.default))
        problems.push({ ...at, message: `default: catalog ${JSON.stringify(k.default)}, installation ${JSON.stringify(opt.default)}` });
      if (!!k.required !== !!opt.required) problems.push({ ...at, message: `required: catalog ${!!k.required}, installation ${!!opt.required}` });
      if (!!k.obsolete !== !!opt.obsolete) problems.push({ ...at, message: `obsolete: catalog ${!!k.obsolete}, installation ${!!opt.obsolete}` });
    }
  }
  return problems;
}

function loadCatalog(): PluginSpec[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const dataDir = resolve(here, "../../server/src/core/catalog/data");
  const out: PluginSpec[] = [];
  for (const f of ["inputs.json", "filters.json", "outputs.json", "codecs.json"]) {
    try {
      out.push(...(JSON.parse(readFileSync(join(dataDir, f), "utf8")) as PluginSpec[]));
    } catch {
      /* a kind whose data is not written yet is skipped by the check */
    }
  }
  return out;
}

function main(argv: string[]): number {
  const homeAt = argv.indexOf("--logstash-home");
  const home = homeAt >= 0 ? argv[homeAt + 1] : process.env.LOGSTASH_HOME;
  if (!home) {
    process.stderr.write("usage: extract-options.ts --logstash-home <dir> [--check]\n");
    return 2;
  }
  const extracted = extractInstallation(home);
  if (!argv.includes("--check")) {
    process.stdout.write(JSON.stringify(extracted, null, 2) + "\n");
    return 0;
  }
  const problems = checkCatalog(extracted, loadCatalog());
  for (const p of problems) process.stdout.write(`${p.kind} ${p.plugin}${p.option ? `.${p.option}` : ""}: ${p.message}\n`);
  process.stdout.write(`${extracted.length} plugins read, ${problems.length} differences\n`);
  return problems.length ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
