/** R2: money as integer minor units, exact splits. */
import type { Money } from "./model";

/** ISO 4217 exponents that differ from 2 (the default). */
const MINOR_UNIT_EXCEPTIONS: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

/** ISO 4217 codes whose minor unit is "N.A." (metals, SDR, testing, none): counted in whole units. */
const UNITLESS = new Set([
  "XAG",
  "XAU",
  "XBA",
  "XBB",
  "XBC",
  "XBD",
  "XDR",
  "XPD",
  "XPT",
  "XSU",
  "XTS",
  "XUA",
  "XXX",
]);

export function isUnitlessCurrency(currency: string): boolean {
  return UNITLESS.has(currency.toUpperCase());
}

/**
 * The ISO 4217 exponent of a currency code (2 when not listed otherwise; 0
 * for codes ISO gives no minor unit). ISO's exponents, not Intl's display
 * digits: CLDR shows HUF, IDR, COP or IQD with 0 decimals, but amounts in
 * them carry ISO's 2 (IQD 3) decimals and must not be rounded.
 */
export function minorUnitsOf(currency: string): number {
  const code = currency.toUpperCase();
  if (UNITLESS.has(code)) return 0;
  return MINOR_UNIT_EXCEPTIONS[code] ?? 2;
}

/** Rounds half away from zero to an integer (R2). */
export function roundHalfAwayFromZero(value: number): number {
  const rounded = Math.round(Math.abs(value));
  return value < 0 ? -rounded : rounded;
}

/**
 * Rounds `numerator / denominator` half away from zero using integer math,
 * for non-negative integers below 2^53.
 */
export function divideRounded(numerator: number, denominator: number): number {
  const quotient = Math.floor(numerator / denominator);
  const remainder = numerator - quotient * denominator;
  return remainder * 2 >= denominator ? quotient + 1 : quotient;
}

/**
 * R2: splits `total` in proportion to `weights` by largest remainder, ties to
 * the earlier index. The parts add up to `total` exactly. Weights and total
 * are non-negative integers; `total` must not exceed the sum of weights.
 */
export function apportion(total: Money, weights: ArrayLike<number>): number[] {
  return Array.from(new Apportioner().split(total, weights, weights.length));
}

/**
 * R2 with buffers kept between calls: the engine splits a day's spend over
 * every spending campaign whenever a credit or the cash runs short, and R12
 * re-runs the plan many times, so a split must not allocate.
 */
export class Apportioner {
  private parts = new Float64Array(0);
  private remainders = new Float64Array(0);
  private work = new Float64Array(0);
  /** Remainders counted into `count` equal buckets (see `giveLeftovers`), and each one's bucket. */
  private bucketSizes = new Int32Array(0);
  private bucketOf = new Int32Array(0);

  /**
   * Splits `total` over `weights[0 … count - 1]`; the result is valid until
   * the next call. A caller that has summed the weights already passes the
   * sum and the largest weight.
   */
  split(
    total: Money,
    weights: ArrayLike<number>,
    count: number,
    sum?: number,
    largest?: number,
  ): Float64Array {
    if (this.parts.length < count) {
      this.parts = new Float64Array(count);
      this.remainders = new Float64Array(count);
      this.work = new Float64Array(count);
      this.bucketSizes = new Int32Array(count);
      this.bucketOf = new Int32Array(count);
    }
    const parts = this.parts.subarray(0, count);
    let weightSum = sum ?? 0;
    let maxWeight = largest ?? 0;
    if (sum === undefined || largest === undefined) {
      for (let i = 0; i < count; i++) {
        weightSum += weights[i];
        if (weights[i] > maxWeight) maxWeight = weights[i];
      }
    }
    if (total <= 0 || weightSum <= 0) return parts.fill(0);
    if (total >= weightSum) {
      for (let i = 0; i < count; i++) parts[i] = weights[i];
      return parts;
    }
    const remainders = this.remainders;
    let given = 0;
    if (total * maxWeight <= Number.MAX_SAFE_INTEGER) {
      for (let i = 0; i < count; i++) {
        const product = total * weights[i];
        const share = Math.floor(product / weightSum);
        parts[i] = share;
        remainders[i] = product - share * weightSum;
        given += share;
      }
    } else {
      // BigInt keeps total × weight exact beyond 2^53.
      for (let i = 0; i < count; i++) {
        const product = BigInt(total) * BigInt(weights[i]);
        const share = product / BigInt(weightSum);
        parts[i] = Number(share);
        remainders[i] = Number(product - share * BigInt(weightSum));
        given += parts[i];
      }
    }
    // Each floor loses less than one unit, so fewer than `count` are left.
    const left = total - given;
    if (left > 0) this.giveLeftovers(parts, count, left, weightSum);
    return parts;
  }

  /**
   * One more unit to each of the `left` largest remainders, ties to the
   * earlier index. The cut-off remainder is found without sorting: the
   * remainders (all below `weightSum`) are counted into `count` equal
   * buckets, and only the bucket that holds the cut is searched by
   * selection. The engine splits hundreds of campaigns whenever a credit
   * runs out, and a selection over all of them was most of a re-run's cost.
   */
  private giveLeftovers(parts: Float64Array, count: number, left: number, weightSum: number): void {
    const { remainders, bucketSizes: sizes, bucketOf, work } = this;
    sizes.fill(0, 0, count);
    // Multiplying by a positive constant and flooring keep the order of remainders.
    const scale = count / weightSum;
    const last = count - 1;
    for (let i = 0; i < count; i++) {
      const bucket = Math.min(last, Math.floor(remainders[i] * scale));
      bucketOf[i] = bucket;
      sizes[bucket]++;
    }
    let above = 0;
    let cutBucket = last;
    while (above + sizes[cutBucket] < left) above += sizes[cutBucket--];
    let inBucket = 0;
    for (let i = 0; i < count; i++) if (bucketOf[i] === cutBucket) work[inBucket++] = remainders[i];
    const cut = kthLargest(work, inBucket, left - above);
    let atCut = 0;
    for (let j = 0; j < inBucket; j++) {
      if (work[j] > cut) above++;
      else if (work[j] === cut) atCut++;
    }
    if (above + atCut === left) {
      // No tie is cut: every remainder from the cut up gets its unit.
      for (let i = 0; i < count; i++) parts[i] += remainders[i] >= cut ? 1 : 0;
      return;
    }
    let tiedUnits = left - above;
    for (let i = 0; i < count; i++) {
      if (remainders[i] > cut) parts[i] += 1;
      else if (remainders[i] === cut && tiedUnits > 0) {
        parts[i] += 1;
        tiedUnits -= 1;
      }
    }
  }
}

/** The k-th largest (1-based) of `values[0 … count - 1]` by Hoare's selection; reorders them. */
function kthLargest(values: Float64Array, count: number, k: number): number {
  const target = count - k;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i++] = values[j];
        values[j--] = swap;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target];
}

/** Renders minor units as a number in the major unit (for JSON and tables). */
export function toMajor(amount: Money, minorUnits: number): number {
  return amount / 10 ** minorUnits;
}

/** Plain money text for warning messages: `1,234.50 USD`. */
export function formatMoney(amount: Money, currency: string, minorUnits: number): string {
  const negative = amount < 0;
  const abs = Math.abs(amount);
  const scale = 10 ** minorUnits;
  const whole = Math.floor(abs / scale);
  const fraction = abs - whole * scale;
  const wholeText = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fractionText = minorUnits > 0 ? `.${String(fraction).padStart(minorUnits, "0")}` : "";
  return `${negative ? "-" : ""}${wholeText}${fractionText} ${currency}`;
}
