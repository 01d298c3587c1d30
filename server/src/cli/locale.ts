/**
 * The CLI's display language: `LOGSMITH_LOCALE` first, then the POSIX locale variables in their order of
 * precedence (LC_ALL, LC_MESSAGES, LANG). A translation is used when `l10n/bundle.l10n.<language>.json`
 * exists beside the bundle (`dist/../l10n`); anything else, `C` and `POSIX` included, stays English.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { configureL10n } from "../core/l10n";

declare const __dirname: string | undefined;

type Env = Record<string, string | undefined>;

/** The language subtag the environment asks for, lower case (`ko_KR.UTF-8` -> `ko`), or undefined. */
export function requestedLanguage(env: Env): string | undefined {
  const value = [env.LOGSMITH_LOCALE, env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== "");
  const language = value?.split(/[_.@-]/)[0]?.toLowerCase();
  return language && /^[a-z]{2,3}$/.test(language) ? language : undefined;
}

/** Where the message bundles are: beside the CLI bundle in an install, in the checkout when run from sources. */
function l10nDir(): string {
  if (typeof __dirname === "string" && existsSync(join(__dirname, "..", "l10n"))) return join(__dirname, "..", "l10n");
  return resolve(process.cwd(), "l10n");
}

/** Loads the bundle for the environment's language, if there is one; returns the bundle's path. */
export function configureCliL10n(env: Env = process.env): string | undefined {
  const language = requestedLanguage(env);
  if (!language || language === "en") return undefined;
  const path = join(l10nDir(), `bundle.l10n.${language}.json`);
  if (!existsSync(path)) return undefined;
  configureL10n(path);
  return path;
}
