// npm run bench            full run (about 30 s on 2 cores)
// npm run bench -- --quick smoke run with small counts (about 5 s); tests can call runBench({ quick: true }) instead.
// The SLA measurements start their own child processes with --expose-gc, so no extra Node flag is needed here.
import './process-zone';
import { runDaysBench } from './days';
import { runBench } from './main';

const report = runBench({ quick: process.argv.includes('--quick') });
// Performance targets are reported, not enforced; ours disagreeing with the naive reference is a bug: exit 1.
if (!report.agreement.oursCorrect) process.exitCode = 1;
// NETWORKDAYS.INTL / WORKDAY.INTL over a column: 150 holidays against none, prepared once (target ≤ 1.5×).
runDaysBench();
