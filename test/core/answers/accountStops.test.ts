import { describe, expect, it } from "vitest";
import { accountStops } from "../../../src/core/answers/cashRunsOut";
import type { CampaignResult } from "../../../src/core/plan";

const withStops = (stops: { from: number; to: number }[]) =>
  ({ stops }) as unknown as CampaignResult;

describe("R14 account stops", () => {
  it("R14: the days any campaign stops, joined into runs across campaigns", () => {
    const runs = accountStops([
      withStops([
        { from: 101, to: 103 },
        { from: 120, to: 120 },
      ]),
      withStops([{ from: 104, to: 105 }]),
      withStops([]),
      withStops([
        { from: 102, to: 102 },
        { from: 110, to: 112 },
        { from: 121, to: 122 },
      ]),
    ]);
    expect(runs).toEqual([
      { from: 101, to: 105 },
      { from: 110, to: 112 },
      { from: 120, to: 122 },
    ]);
  });

  it("R14: no stops, no runs", () => {
    expect(accountStops([withStops([]), withStops([])])).toEqual([]);
    expect(accountStops([])).toEqual([]);
  });
});
