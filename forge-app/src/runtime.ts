/**
 * The clock and the sleep the handlers use. The platform calls handlers with fixed arguments, so tests swap these
 * (a frozen "now" for the shared vectors, an instant sleep for 429 back-off) instead of passing them in.
 */
export const runtime = {
  now: (): number => Date.now(),
  sleep: (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)),
};
