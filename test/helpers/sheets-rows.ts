import type { Sandbox } from './sheets-sandbox';

/**
 * 100,000 purchase requests as Sheets passes them: 2-D columns of Dates made inside the sandbox, blank ends while
 * open, and a target column mixing 3bd and 45bd. Deterministic, so the expected compliance can be computed apart.
 */
export function bigPurchaseLog(sandbox: Sandbox, rows = 100_000) {
  const makeDate = sandbox.SandboxDate;
  const base = Date.UTC(2024, 0, 1, 1, 0); // Mon 1 Jan 2024 08:00 in Ho Chi Minh City
  const starts: Date[][] = [];
  const ends: (Date | '')[][] = [];
  const targets: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const start = base + (i % 500) * 86_400_000 + (i % 9) * 3_600_000;
    starts.push([new makeDate(start)]);
    ends.push([i % 10 === 0 ? '' : new makeDate(start + ((i * 7919) % 20) * 86_400_000)]);
    targets.push([i % 4 === 0 ? '45bd' : '3bd']);
  }
  return { starts, ends, targets };
}
