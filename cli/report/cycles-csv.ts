import { closeSync, openSync, writeSync } from 'node:fs';
import type { SlaCycle } from '../../core/sla';
import { formatDateTime } from '../time';

/** The header of `--cycles`, exactly as docs/CLI-INPUT.md promises it. */
export const CYCLES_HEADER = 'ticket,policy,cycle,goal,start,stop,state,elapsed_minutes,paused_minutes,remaining_minutes,due';

/** A CSV cell: quoted when it holds a comma, quote or line break. */
const cell = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
/** Working minutes to the millisecond (1/60,000 min is below any SLA's concern; 3 decimals keep the file small). */
const minutes = (m: number): string => String(Math.round(m * 1000) / 1000);

/** One CSV line of a cycle; `number` counts from 1 per ticket and policy. Instants in `timeZone`, with their offset. */
export function cycleLine(cycle: SlaCycle, number: number, timeZone: string): string {
  const when = (t: number | null) => (t === null ? '' : formatDateTime(t, timeZone));
  return [
    cell(cycle.ticketKey),
    cell(cycle.policyId),
    String(number),
    cell(cycle.goalLabel),
    when(cycle.start),
    when(cycle.stop),
    cycle.state,
    minutes(cycle.elapsedMinutes),
    minutes(cycle.pausedMinutes),
    minutes(cycle.remainingMinutes),
    when(cycle.due),
  ].join(',');
}

/** Writes cycle lines as they close, in blocks of about 64 KiB, to a file opened at once (an unwritable path fails early). */
export class CyclesWriter {
  private readonly fd: number;
  private buffer: string[] = [];
  private size = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
    this.buffer.push(CYCLES_HEADER);
  }

  write(line: string): void {
    this.buffer.push(line);
    this.size += line.length;
    if (this.size > 65536) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.fd, `${this.buffer.join('\n')}\n`);
    this.buffer = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
