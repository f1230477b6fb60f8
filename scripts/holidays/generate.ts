import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeClosedDays, renderTablesModule } from './tables';

/** `npx tsx scripts/holidays/generate.ts`: rewrites the holiday tables after a date-holidays update; commit the result. */
const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'core', 'calendar', 'holiday-data', 'tables.ts');
const text = renderTablesModule(computeClosedDays());
writeFileSync(out, text);
console.log(`${out}: ${(text.length / 1024).toFixed(0)} KiB`);
