/** Small factories for engine tests: money in cents, days from ISO dates. */
import {
  type Account,
  type Campaign,
  type Credit,
  defaultAccount,
  type Model,
  parseIsoDate,
} from "../../src/core";

export function day(iso: string): number {
  const d = parseIsoDate(iso);
  if (d === null) throw new Error(`bad date ${iso}`);
  return d;
}

export function campaign(id: string, fields: Partial<Campaign> = {}): Campaign {
  return {
    id,
    name: `Campaign ${id}`,
    status: "active",
    budgetMode: "daily",
    budget: 10_000,
    expectedDailySpend: null,
    spentToDate: 0,
    startDate: null,
    endDate: null,
    adProduct: null,
    countries: [],
    ...fields,
  };
}

export function credit(id: string, fields: Partial<Credit> = {}): Credit {
  return {
    id,
    name: `Credit ${id}`,
    type: "free",
    amount: 10_000,
    used: 0,
    status: "available",
    issueDate: day("2026-12-01"),
    validUntil: null,
    validityDays: null,
    assignedCampaigns: [],
    adProducts: [],
    countries: [],
    minCashBalance: null,
    spendThreshold: null,
    spendCountedFrom: null,
    spendSoFar: 0,
    earnBy: null,
    issueDelay: null,
    redeemOn: null,
    redeemBy: null,
    ...fields,
  };
}

export function model(parts: {
  account?: Partial<Account>;
  campaigns?: Campaign[];
  credits?: Credit[];
  topUps?: Model["topUps"];
  spendHistory?: Model["spendHistory"];
}): Model {
  return {
    account: { ...defaultAccount(day("2026-12-01")), horizonDays: 30, ...parts.account },
    campaigns: parts.campaigns ?? [],
    credits: parts.credits ?? [],
    topUps: parts.topUps ?? [],
    spendHistory: parts.spendHistory ?? [],
  };
}
