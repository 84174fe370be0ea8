/** Arguments of `npm run preview -- [--workbook DIR] [--port N]` (CONTRACT.md §2). */

export const DEFAULT_PORT = 8787;
export const DEFAULT_WORKBOOK = "examples/sample-workbook";

export interface PreviewArgs {
  workbook: string;
  port: number;
}

export type PreviewArgsResult = { ok: true; args: PreviewArgs } | { ok: false; error: string };

export const PREVIEW_USAGE = "usage: npm run preview -- [--workbook DIR] [--port N]";

/** Parses the arguments; a bad one gives a one-line error (the caller exits with 2). */
export function parsePreviewArgs(argv: readonly string[]): PreviewArgsResult {
  const args: PreviewArgs = { workbook: DEFAULT_WORKBOOK, port: DEFAULT_PORT };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf("=");
    const flag = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith("--") && eq > 0 ? arg.slice(eq + 1) : undefined;
    if (flag !== "--workbook" && flag !== "--port") {
      return { ok: false, error: `unknown argument '${arg}'; ${PREVIEW_USAGE}` };
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === "" || (inline === undefined && value.startsWith("--"))) {
      return { ok: false, error: `${flag} needs a value; ${PREVIEW_USAGE}` };
    }
    if (flag === "--workbook") {
      args.workbook = value;
    } else {
      // 0 asks the system for a free port (handy for tests).
      if (!/^\d{1,5}$/.test(value) || Number(value) > 65_535) {
        return {
          ok: false,
          error: `--port must be a whole number from 0 to 65535, not '${value}'`,
        };
      }
      args.port = Number(value);
    }
  }
  return { ok: true, args };
}
