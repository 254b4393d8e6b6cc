// Time limits in tests guard against a hang or a blow-up (quadratic work, a stack of retries), not
// against slowness: speed is measured by the benchmarks under bench/. Each limit is the time the
// work takes on an idle two-core machine with a wide margin, multiplied by TIME_BUDGET_FACTOR
// (default 5) so that a loaded machine does not fail a test that a blow-up would fail by far more.
const FACTOR = Number(process.env.TIME_BUDGET_FACTOR ?? '5');

/** A time limit in milliseconds, scaled for a loaded machine. */
export function budget(ms: number): number {
  return ms * (Number.isFinite(FACTOR) && FACTOR > 0 ? FACTOR : 5);
}
