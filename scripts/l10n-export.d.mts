/** Types of scripts/l10n-export.mjs for the tests that import it. */
export function extractMessages(): Promise<{ bundle: Record<string, string>; nonLiteral: string[] }>;
