/**
 * Imported first by run.ts: pins the process time zone to UTC before any date library runs. The peers
 * (dayjs-business-time, moment-business-time) read working hours in the process's local zone and have no zone
 * option, so UTC is the only zone all three engines can share. Node re-reads TZ when it is assigned at run time.
 */
process.env.TZ = 'UTC';
if (new Date(Date.UTC(2025, 6, 1)).getTimezoneOffset() !== 0) throw new Error('bench: could not switch the process to TZ=UTC');
export const PROCESS_ZONE = 'UTC';
