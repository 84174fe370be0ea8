/**
 * Turns the registry into the top-level function declarations Apps Script
 * needs (it only sees top-level `function` statements), and checks the
 * registry and the final bundle. Pure; used by `scripts/build.mjs` and tests.
 */
import type { GlobalEntry } from "./registry";

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Problems that must fail the build; empty when the registry is sound. */
export function validateRegistry(entries: readonly GlobalEntry[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const name = entry.name;
    if (!IDENTIFIER.test(name)) problems.push(`'${name}' is not a plain identifier`);
    // Apps Script hides functions whose name ends in `_` (private): they could not be called.
    if (name.endsWith("_")) problems.push(`'${name}' ends in '_' and would be private`);
    if (seen.has(name)) problems.push(`'${name}' is declared twice`);
    if (typeof entry.run !== "function") problems.push(`'${name}' has no implementation`);
    else if (entry.run.length !== entry.params.length) {
      problems.push(
        `'${name}' documents ${entry.params.length} parameter(s) but its implementation takes ${entry.run.length}`,
      );
    }
    seen.add(name);
    if (entry.description.trim() === "" || entry.description.includes("\n")) {
      problems.push(`'${name}' needs a one-line description`);
    }
    for (const param of entry.params) {
      if (!IDENTIFIER.test(param.name)) {
        problems.push(`'${name}' has a parameter '${param.name}' that is not an identifier`);
      }
      if (
        entry.kind === "custom" &&
        (param.description.trim() === "" || param.type.trim() === "")
      ) {
        problems.push(`'${name}' parameter '${param.name}' needs a type and a description`);
      }
    }
    if (entry.kind === "custom") {
      if (entry.params.length === 0) problems.push(`'${name}' has no documented parameters`);
      if (!entry.returns || entry.returns.trim() === "") {
        problems.push(`'${name}' needs a @return description`);
      }
    }
    const text = [
      entry.description,
      entry.returns ?? "",
      ...entry.params.map((p) => p.description),
    ];
    if (text.some((t) => t.includes("*/"))) problems.push(`'${name}' docs contain '*/'`);
  }
  return problems;
}

function jsDoc(entry: GlobalEntry): string {
  // Only Sheets' formula autocomplete reads JSDoc: a menu, trigger or server
  // call gets one line (Code.js stays small, see the bench's size goal).
  if (entry.kind !== "custom") return `/** ${entry.description} */`;
  const lines = [entry.description];
  for (const p of entry.params) lines.push(`@param {${p.type}} ${p.name} ${p.description}`);
  if (entry.returns) lines.push(`@return ${entry.returns}`);
  if (entry.kind === "custom") lines.push("@customfunction");
  return `/**\n${lines.map((line) => ` * ${line}`).join("\n")}\n */`;
}

/** Where the bundle's namespace keeps the registry's implementations (`main.ts`). */
export const IMPLEMENTATIONS = "functions";

/**
 * One `function NAME(params) { return NS.functions.NAME(params); }` per
 * entry, each custom function preceded by its JSDoc block.
 */
export function renderDeclarations(entries: readonly GlobalEntry[], namespace: string): string {
  return entries
    .map((entry) => {
      const params = entry.params.map((p) => p.name).join(", ");
      const body = `function ${entry.name}(${params}) {\n  return ${namespace}.${IMPLEMENTATIONS}.${entry.name}(${params});\n}`;
      return `${jsDoc(entry)}\n${body}`;
    })
    .join("\n\n");
}

const MODULE_SYNTAX = /^\s*(?:import\s*(?:[\w{*"'(]|\.meta)|export\s+(?:[\w{*]|default\b))/m;

/** Problems in the final `Code.js` text that Apps Script would choke on. */
export function checkBundleText(code: string): string[] {
  const problems: string[] = [];
  const match = MODULE_SYNTAX.exec(code);
  if (match)
    problems.push(`an import/export statement is left in the output: '${match[0].trim()}'`);
  return problems;
}
