/**
 * Countries (SHEETS.md "Real exports": Countries): names, ISO 3166-1 alpha-2
 * and alpha-3 codes of one country read as its alpha-2 code, so a campaign
 * in "United States" passes a credit restricted to `US` (R5). The names come
 * from i18n-iso-countries with only its English locale registered (the
 * other locales would add 700 KB to Code.js).
 */
import countryData from "i18n-iso-countries/index.js";
import english from "i18n-iso-countries/langs/en.json";
import { readList } from "./cells";
import type { RowReader } from "./rowReader";

/** What a country value reads as: its alpha-2 code, or why it is not one. */
export type CountryRead = { ok: true; code: string } | { ok: false; problem: string };

/**
 * How values are compared: case, accents, dots and extra spaces ignored
 * (`côte d'ivoire` = `Cote d'Ivoire`, `U.S.A.` = `USA`).
 */
function countryKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\./g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Key → alpha-2 codes it names (two for a name such as "Congo" that two countries share). */
let index: Map<string, string[]> | null = null;

function add(map: Map<string, string[]>, key: string, code: string): void {
  const codes = map.get(key);
  if (!codes) map.set(key, [code]);
  else if (!codes.includes(code)) codes.push(code);
}

function countryIndex(): Map<string, string[]> {
  if (index) return index;
  countryData.registerLocale(english);
  const byKey = new Map<string, string[]>();
  const codes = new Map<string, string[]>();
  // Codes first: a code always means its own country, whatever a name says.
  for (const [alpha2, alpha3] of Object.entries(countryData.getAlpha2Codes())) {
    add(codes, countryKey(alpha2), alpha2);
    add(codes, countryKey(alpha3), alpha2);
  }
  for (const [alpha2, names] of Object.entries(countryData.getNames("en", { select: "all" }))) {
    for (const name of names) {
      const key = countryKey(name);
      if (!codes.has(key)) add(byKey, key, alpha2);
    }
  }
  for (const [key, code] of codes) byKey.set(key, code);
  index = byKey;
  return index;
}

/** Codes of the values looked up so far: a sheet repeats a few countries on many rows. */
const codesByValue = new Map<string, string[] | null>();
const MAX_REMEMBERED_VALUES = 10_000;

/** The alpha-2 codes `value` names, or null. */
function codesOf(value: string): string[] | null {
  let codes = codesByValue.get(value);
  if (codes === undefined) {
    codes = countryIndex().get(countryKey(value)) ?? null;
    if (codesByValue.size >= MAX_REMEMBERED_VALUES) codesByValue.clear();
    codesByValue.set(value, codes);
  }
  return codes;
}

/** One country value (`United States`, `us`, `USA`, `UK`) as its alpha-2 code. */
export function readCountry(value: string): CountryRead {
  const codes = codesOf(value);
  if (!codes) {
    return {
      ok: false,
      problem: "is not a country name or ISO code (write the 2-letter code, e.g. US, GB, DE)",
    };
  }
  if (codes.length > 1) {
    return {
      ok: false,
      problem: `could be ${codes.map((code) => `${code} (${countryData.getName(code, "en")})`).join(" or ")}: write the 2-letter code`,
    };
  }
  return { ok: true, code: codes[0] };
}

/** Whether `value` names a country on its own (used to rejoin names holding a comma). */
function isCountry(value: string): boolean {
  return codesOf(value) !== null;
}

/**
 * List items of a Countries cell with names that hold a comma put back
 * together: `Korea, Republic of; US` splits into `Korea`, `Republic of`,
 * `US` as a list, but "Korea, Republic of" is one country.
 */
export function joinCommaNames(items: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const next = items[i + 1];
    if (next !== undefined) {
      const together = `${items[i]}, ${next}`;
      if (isCountry(together)) {
        joined.push(together);
        i++;
        continue;
      }
    }
    joined.push(items[i]);
  }
  return joined;
}

/**
 * A Countries cell (Campaigns, or a credit's restriction) as alpha-2 codes,
 * each once, in the order written. A value that is no country keeps its
 * text (so it matches only the same text elsewhere) and raises one
 * UNKNOWN_COUNTRY warning: the row still plans, but a restriction may not
 * match as meant.
 */
export function readCountryList(reader: RowReader, field: string, timeZone: string): string[] {
  const items = readList(reader.cell(field), timeZone);
  if (items.length === 0) return items;
  const codes: string[] = [];
  for (const item of joinCommaNames(items)) {
    const country = readCountry(item);
    if (!country.ok) {
      reader.note(
        "UNKNOWN_COUNTRY",
        "warning",
        field,
        `has '${item}', which ${country.problem}; it matches only the same text elsewhere`,
      );
    }
    const value = country.ok ? country.code : item;
    if (!codes.includes(value)) codes.push(value);
  }
  return codes;
}
