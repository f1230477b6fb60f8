/**
 * Imported first by every bench entry point: pins the process time zone before any date library runs. The peers
 * (dayjs-business-time, moment-business-time, opening_hours, the hand-written day loop) read working hours in the
 * process's local zone and have no zone option, so every engine must share the process zone: UTC, or the zone in
 * BENCH_ZONE (the child process that measures ranges in a DST zone). Node re-reads TZ when it is assigned at run time.
 */
export const PROCESS_ZONE = process.env.BENCH_ZONE ?? 'UTC';
process.env.TZ = PROCESS_ZONE;
if (Intl.DateTimeFormat().resolvedOptions().timeZone !== PROCESS_ZONE) throw new Error(`bench: could not switch the process to TZ=${PROCESS_ZONE}`);
