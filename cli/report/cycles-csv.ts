import { csvField } from '../../core';
import type { SlaCycle } from '../../core/sla';
import { formatDateTime } from '../time';
import { OutputFile } from './output-file';

/**
 * The header of `--cycles`, exactly as docs/CLI-INPUT.md promises it.
 * @internal Exported for its tests.
 */
export const CYCLES_HEADER = 'ticket,policy,cycle,goal,start,stop,state,elapsed_minutes,paused_minutes,remaining_minutes,due';

/** Working minutes to the millisecond (1/60,000 min is below any SLA's concern; 3 decimals keep the file small). */
const minutes = (m: number): string => String(Math.round(m * 1000) / 1000);

/**
 * One CSV line of a cycle; `number` counts from 1 per ticket and policy. Instants in `timeZone`, with their offset.
 * Text from the input (ticket, policy, goal) goes through `csvField`, so a spreadsheet never runs it as a formula;
 * computed numbers (a negative remaining time) stay numbers.
 */
export function cycleLine(cycle: SlaCycle, number: number, timeZone: string): string {
  const when = (t: number | null) => (t === null ? '' : formatDateTime(t, timeZone));
  return [
    csvField(cycle.ticketKey),
    csvField(cycle.policyId),
    String(number),
    csvField(cycle.goalLabel),
    when(cycle.start),
    when(cycle.stop),
    cycle.state,
    minutes(cycle.elapsedMinutes),
    minutes(cycle.pausedMinutes),
    minutes(cycle.remainingMinutes),
    when(cycle.due),
  ].join(',');
}

/**
 * Writes cycle lines as they close, in blocks of about 64 KiB, to a temporary file beside the target (opened at once,
 * so an unwritable path fails early) that `close` renames over it; `discard` leaves the target as it was.
 */
export class CyclesWriter {
  private readonly file: OutputFile;
  private buffer: string[] = [CYCLES_HEADER];
  private size = 0;

  constructor(path: string) {
    this.file = new OutputFile('--cycles', path);
  }

  write(line: string): void {
    this.buffer.push(line);
    this.size += line.length;
    if (this.size > 65536) this.flush();
  }

  /** Starts over with the header only (the log is read again, sorted). */
  restart(): void {
    this.buffer = [CYCLES_HEADER];
    this.size = 0;
    this.file.truncate();
  }

  close(): void {
    this.flush();
    this.file.commit();
  }

  discard(): void {
    this.file.discard();
  }

  /** Writes what is buffered (a full disk fails here, before the report is printed). */
  flush(): void {
    if (this.buffer.length === 0) return;
    this.file.write(`${this.buffer.join('\n')}\n`);
    this.buffer = [];
    this.size = 0;
  }
}
