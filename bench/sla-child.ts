// One SLA measurement in its own process: argv count, seed, mode; prints the SlaRun as JSON. Started by sla.ts.
import './process-zone';
import { MS_PER_DAY } from '../core/calendar';
import { ourCalendar } from './calendar';
import { runSla } from './sla';
import { AS_OF, TICKETS_FROM } from './tickets';

const [count, seed, mode] = process.argv.slice(2);
if (mode !== 'keep' && mode !== 'stream') throw new Error(`bench/sla-child: unknown mode ${mode}`);
// Compile the calendar and build its tables over the tickets' years before any timing (reported in section 2).
const calendar = ourCalendar();
calendar.workingMinutesBetween(TICKETS_FROM - MS_PER_DAY, AS_OF + 90 * MS_PER_DAY);
process.stdout.write(JSON.stringify(runSla(Number(count), calendar, Number(seed), mode)));
