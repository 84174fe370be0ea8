/** A growable columnar ledger: who paid what, per campaign and day. */
import type { Ledger } from "./plan";

export class LedgerBuilder {
  private size = 0;
  private day = new Int32Array(1024);
  private campaign = new Int32Array(1024);
  private source = new Int32Array(1024);
  private amount = new Float64Array(1024);

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
      day: this.day.slice(0, this.size),
      campaign: this.campaign.slice(0, this.size),
      source: this.source.slice(0, this.size),
      amount: this.amount.slice(0, this.size),
    };
  }

  private grow(): void {
    const capacity = this.day.length * 2;
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
