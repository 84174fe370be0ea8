/**
 * Text from a workbook is someone else's text: an ESC in a campaign name
 * could move the cursor and erase report lines (the cash warning) in the
 * reader's terminal, even without colours or through a pipe into `less -R`.
 * Everything the CLI prints goes through here: C0 controls, DEL and C1
 * controls are shown as visible `\xNN` escapes, and the bidi overrides and
 * isolates that reorder what follows as `\u{NNNN}`. New lines are kept where
 * the CLI writes them; inside one table cell or message even they are shown.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are what is neutralised.
const CONTROLS_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are what is neutralised.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u{${code.toString(16)}}`;
}

/** Output text with every control character but `\n` made visible. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROLS_BUT_NEWLINE, visible);
}

/** One cell or message on one line: every control character made visible, `\n` too. */
export function terminalSafeInline(text: string): string {
  return text.replace(CONTROLS, visible);
}

/**
 * JSON for a terminal: JSON.stringify escapes C0 controls but not DEL or C1
 * (U+0080–U+009F, where U+009B is a one-character CSI) nor bidi controls;
 * escaping them as `\uNNNN` keeps the JSON the same data.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
