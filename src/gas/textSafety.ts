/**
 * CONTRACT §4: text that came from the user is written as text, never as a
 * formula. Text columns also get the plain-text number format ("@") so ids
 * such as 1234567890123456789 keep every digit; a leading `'` makes Sheets
 * store a formula-looking string (`=IMPORTXML(…)`, `+1`, `-x`, `@x`) as text.
 * Sheets strips that first `'`, so text that itself starts with `'` needs one
 * more in front, or its own apostrophe is lost.
 */
export const TEXT_FORMAT = "@";

const FORMULA_START = /^[=+\-@']/;

/** The string to hand `setValues` so it is stored exactly as this text. */
export function asLiteralText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
