/** A growable columnar ledger: who paid what, per campaign and day. */
import type { Ledger } from "./plan";

export class LedgerBuilder {
  private size = 0;
  private day: Int32Array;
  private campaign: Int32Array;
  private source: Int32Array;
  private amount: Float64Array;

  constructor(capacity = 1024) {
    this.day = new Int32Array(capacity);
    this.campaign = new Int32Array(capacity);
    this.source = new Int32Array(capacity);
    this.amount = new Float64Array(capacity);
  }

  push(day: number, campaign: number, source: number, amount: number): void {
    if (this.size === this.day.length) this.grow();
    const i = this.size++;
    this.day[i] = day;
    this.campaign[i] = campaign;
    this.source[i] = source;
    this.amount[i] = amount;
  }

  finish(): Ledger {
    return {
      length: this.size,
      // Views, not copies: the builder is dropped after the simulation.
      day: this.day.subarray(0, this.size),
      campaign: this.campaign.subarray(0, this.size),
      source: this.source.subarray(0, this.size),
      amount: this.amount.subarray(0, this.size),
    };
  }

  private grow(): void {
    const capacity = Math.max(1024, this.day.length * 2);
    const day = new Int32Array(capacity);
    const campaign = new Int32Array(capacity);
    const source = new Int32Array(capacity);
    const amount = new Float64Array(capacity);
    day.set(this.day);
    campaign.set(this.campaign);
    source.set(this.source);
    amount.set(this.amount);
    this.day = day;
    this.campaign = campaign;
    this.source = source;
    this.amount = amount;
  }
}
