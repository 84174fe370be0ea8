/**
 * Deterministic synthetic accounts for the benchmark: S, M, L and XL of the
 * rules-engine issue. Every run builds the same model (seeded PRNG).
 */
import {
  type Campaign,
  type Credit,
  type CreditType,
  computeDemand,
  dayFromYmd,
  defaultAccount,
  type Model,
} from "../src/core";

export type SizeName = "S" | "M" | "L" | "XL";

export const SIZES: Record<SizeName, { campaigns: number; credits: number; days: number }> = {
  S: { campaigns: 50, credits: 10, days: 90 },
  M: { campaigns: 500, credits: 60, days: 365 },
  L: { campaigns: 2_000, credits: 300, days: 365 },
  XL: { campaigns: 10_000, credits: 1_000, days: 730 },
};

/** mulberry32: small, fast, deterministic (the benches' accounts and the tests' random instances). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const PRODUCTS = ["In-feed ads", "Shopping ads", "Spark ads", "Search ads"];
const COUNTRIES = ["US", "CA", "GB", "DE", "FR", "JP"];

export function syntheticModel(size: SizeName, seed = 42): Model {
  const shape = SIZES[size];
  const random = prng(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const start = dayFromYmd(2026, 12, 1);
  const end = start + shape.days - 1;

  const campaigns: Campaign[] = [];
  for (let i = 0; i < shape.campaigns; i++) {
    const roll = random();
    const budgetMode =
      roll < 0.7 ? "daily" : roll < 0.85 ? "lifetime" : roll < 0.95 ? "no_limit" : "dynamic_daily";
    const startDate = random() < 0.3 ? start + int(0, shape.days - 1) : null;
    const endDate =
      budgetMode === "lifetime" || random() < 0.3
        ? Math.min(end + 30, (startDate ?? start) + int(14, shape.days))
        : null;
    campaigns.push({
      id: String(7_000_000_000_000_000_000n + BigInt(i)),
      name: `Campaign ${i}`,
      status:
        random() < 0.85 ? "active" : pick(["paused", "scheduled", "completed", "draft"] as const),
      budgetMode,
      budget: budgetMode === "lifetime" ? int(50_000, 5_000_000) : int(2_000, 50_000),
      expectedDailySpend: budgetMode === "no_limit" || random() < 0.1 ? int(1_000, 30_000) : null,
      spentToDate: budgetMode === "lifetime" ? int(0, 20_000) : 0,
      startDate,
      endDate,
      adProduct: pick(PRODUCTS),
      countries: random() < 0.5 ? [pick(COUNTRIES)] : [],
    });
  }

  const credits: Credit[] = [];
  for (let i = 0; i < shape.credits; i++) {
    const roll = random();
    const type: CreditType =
      roll < 0.45
        ? "assignable"
        : roll < 0.65
          ? "free"
          : roll < 0.72
            ? "business_center"
            : roll < 0.82
              ? "conditional"
              : roll < 0.92
                ? "spend_match"
                : "coupon";
    const issueDate = start + int(-20, shape.days - 10);
    const assigned: string[] = [];
    if (type === "assignable") {
      const count = int(0, 30);
      for (let k = 0; k < count; k++) assigned.push(campaigns[int(0, campaigns.length - 1)].id);
    }
    const earning = type === "spend_match";
    const toRedeem = type === "coupon" && random() < 0.5;
    credits.push({
      id: `CR-${i}`,
      name: `Credit ${i}`,
      type,
      amount: int(5_000, 2_000_000),
      used: 0,
      status: earning ? "earning" : toRedeem ? "to_redeem" : "available",
      issueDate: earning || toRedeem ? null : issueDate,
      validUntil: null,
      validityDays: random() < 0.2 ? int(7, 90) : null,
      assignedCampaigns: assigned,
      adProducts: random() < 0.15 ? [pick(PRODUCTS)] : [],
      countries: random() < 0.1 ? [pick(COUNTRIES), pick(COUNTRIES)] : [],
      minCashBalance: type === "conditional" && random() < 0.5 ? int(0, 500_000) : null,
      spendThreshold: type === "conditional" || earning ? int(10_000, 5_000_000) : null,
      spendCountedFrom: null,
      spendSoFar: earning ? int(0, 10_000) : 0,
      earnBy: earning && random() < 0.3 ? start + int(10, shape.days) : null,
      issueDelay: null,
      redeemOn: toRedeem ? start + int(0, shape.days - 1) : null,
      redeemBy: toRedeem && random() < 0.3 ? start + int(0, shape.days) : null,
    });
  }

  const account = {
    ...defaultAccount(start),
    horizonDays: shape.days,
    cashBalance: shape.campaigns * 2_000_000,
    fallbackPayment: "card" as const,
    cardLimit: shape.campaigns * 500_000,
    onePromotionAtATime: false,
  };
  const topUps = Array.from({ length: Math.ceil(shape.days / 30) }, (_, k) => ({
    day: start + k * 30,
    amount: shape.campaigns * 300_000,
  }));
  // A week of daily reports for every third campaign, as a connector exports them.
  const spendHistory = [];
  for (let d = start - 7; d < start; d++) {
    for (let i = 0; i < campaigns.length; i += 3) {
      spendHistory.push({ day: d, campaignId: campaigns[i].id, amount: int(0, 40_000) });
    }
  }
  return { account, campaigns, credits, topUps, spendHistory };
}

/**
 * The same account run short of money (R13/R14 bench): no card, cash for
 * about two weeks of demand and a top-up every four weeks worth three, so
 * campaigns stop for about a week every few weeks.
 */
export function stoppingModel(size: SizeName, seed = 42): Model {
  const model = syntheticModel(size, seed);
  const days = SIZES[size].days;
  const demand = computeDemand(model).demand;
  let total = 0;
  for (const row of demand) for (let i = 0; i < row.length; i++) total += row[i];
  const perDay = Math.round(total / days);
  const start = model.account.planStart;
  return {
    ...model,
    account: {
      ...model.account,
      cashBalance: 14 * perDay,
      fallbackPayment: "none",
      cardLimit: null,
    },
    topUps: Array.from({ length: Math.ceil(days / 28) }, (_, k) => ({
      day: start + 28 * (k + 1),
      amount: 21 * perDay,
    })),
  };
}
