// Child process for test/gas/codeJs.test.ts: loads dist/Code.js in one
// node:vm global scope as Apps Script does, with a SpreadsheetApp stand-in,
// calls the requested custom functions and prints the results as JSON.
// Run it under different TZ values: the output must not change.
// Input (stdin): { zone, now?, calls: [{ fn, args }] } where a date cell is {"$date": "YYYY-MM-DD"}
// and `now` (epoch ms) pins the script's clock.
import { readFileSync } from "node:fs";
import vm from "node:vm";

const input = JSON.parse(readFileSync(0, "utf8"));
const zone = input.zone;
const context = vm.createContext({
  SpreadsheetApp: { getActive: () => ({ getSpreadsheetTimeZone: () => zone }) },
});
if (typeof input.now === "number") vm.runInContext(`Date.now = () => ${input.now};`, context);
vm.runInContext(readFileSync("dist/Code.js", "utf8"), context, { filename: "Code.js" });
const newDate = vm.runInContext("(ms) => new Date(ms)", context);

const shown = new Intl.DateTimeFormat("en-CA", {
  timeZone: zone,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});
function shownParts(ms) {
  const parts = Object.fromEntries(shown.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** A Date cell as Sheets builds it: the first instant the zone shows 00:00 on that day. */
function sheetDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  const utc = Date.UTC(y, m - 1, d);
  for (let quarter = -15 * 4; quarter <= 15 * 4; quarter++) {
    const ms = utc + quarter * 900_000;
    const p = shownParts(ms);
    if (p.day === iso && p.time === "00:00") return newDate(ms);
  }
  throw new Error(`no midnight for ${iso} in ${zone}`);
}

function revive(value) {
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === "object" && "$date" in value) return sheetDate(value.$date);
  return value;
}

function serialise(value) {
  if (Array.isArray(value)) return value.map(serialise);
  if (Object.prototype.toString.call(value) === "[object Date]") {
    const p = shownParts(value.getTime());
    return { $date: p.day, time: p.time, instant: value.toISOString() };
  }
  return value;
}

const results = input.calls.map(({ fn, args }) => {
  try {
    return { value: serialise(context[fn](...revive(args))) };
  } catch (error) {
    return { error: String(error?.message) };
  }
});
process.stdout.write(JSON.stringify(results));
