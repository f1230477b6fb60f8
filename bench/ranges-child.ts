// Durations by range length in one zone, in its own process: BENCH_ZONE names the zone (the peers read the process
// zone), argv seed and quick|full; prints the RangeRate rows as JSON. Started by ranges.ts.
import { PROCESS_ZONE } from './process-zone';
import { ourCalendar } from './calendar';
import { PEERS } from './peers';
import { measureRanges } from './ranges';

const [seed, mode] = process.argv.slice(2);
const quick = mode === 'quick';
const timing = quick ? { minSeconds: 0.05, warmSeconds: 0.02 } : { minSeconds: 0.3, warmSeconds: 0.1 };
const rates = measureRanges(PROCESS_ZONE, ourCalendar(PROCESS_ZONE), PEERS, Number(seed), timing, quick ? 20 : 200);
process.stdout.write(JSON.stringify(rates));
