/**
 * Where a target's secrets come from. The extension reads VS Code's SecretStorage (keys from
 * `secretKey`); the CLI reads the environment variables the targets file names (`passwordEnv`, …).
 * Secret values are passed to the connection libraries and nowhere else: never logged or echoed.
 */
import type { Target } from "./targets";

export type SecretName = "password" | "passphrase" | "apiKey";

export interface SecretSource {
  get(target: Target, name: SecretName): Promise<string | undefined>;
}

/** SecretStorage key of one secret of one target. */
export function secretKey(targetName: string, name: SecretName): string {
  return `logsmith.target.${targetName}.${name}`;
}

/** The CLI's source: `<name>Env` in the target names the variable (`passwordEnv: "ES_PASSWORD"`). */
export function environmentSecrets(env: NodeJS.ProcessEnv = process.env): SecretSource {
  return {
    async get(target, name) {
      const holder = (target as unknown as { auth?: Record<string, unknown> }).auth ?? {};
      const variable = (target as unknown as Record<string, unknown>)[`${name}Env`] ?? holder[`${name}Env`];
      return typeof variable === "string" && variable ? env[variable] : undefined;
    },
  };
}

/** The result of "test connection" for any target kind, shown in the Targets view and by the CLI. */
export interface ConnectionCheck {
  ok: boolean;
  /** One plain sentence: "connected to lab (OpenSSH_9.2)", "authentication failed for user deploy". */
  message: string;
}
