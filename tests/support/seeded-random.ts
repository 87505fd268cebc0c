/**
 * A small seeded generator (mulberry32): the same seed gives the same kill schedule, pauses and
 * amounts, so a failing fault run can be repeated with its printed seed.
 */
export class SeededRandom {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A seed from `envValue` when it is a number, else a fresh one. */
  static seedFrom(envValue: string | undefined): number {
    const given = Number(envValue);
    return envValue && Number.isSafeInteger(given) ? given >>> 0 : Math.floor(Math.random() * 2 ** 32);
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  }

  /** A whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
}
