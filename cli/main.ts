import { statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { analyseLog } from './analyse';
import { CyclesWriter } from './cycles';
import { ConfigError, InputError } from './errors';
import { renderHtml } from './html';
import { BPIC_MAPPING, type Mapping, readMapping } from './input/mapping';
import { offsetMinutes } from './input/time';
import { renderReport } from './report';
import { compileCalendars, createClocks, type ReportResult } from './run';
import { readScorecardFile, renderScorecard, scorecardJson, scorecardSection } from './scorecard';
import { parseDateTime } from './time';

/** Where the CLI writes: `process` in real runs, buffers in tests. */
export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULTS = {
  input: 'examples/bpic2013_vinst_closed_problems.csv',
  policies: 'examples/policies.json',
  calendars: 'examples/calendars.json',
  scorecard: 'examples/scorecard.json',
};
/** Below this size the report is done before a progress line would be read. */
const PROGRESS_MIN_BYTES = 8 * 1024 * 1024;

export const HELP = `Usage: npm start -- [options]        (or: npx tsx cli/main.ts [options])

Applies SLA policies to a ticket event log (one row per change of a ticket) and prints
SLA compliance overall, per policy goal, per month and per --by field, met/breached/open
counts, the turnaround time (median, p90) in working hours, first time right (share of
resolved tickets never reopened) and CSAT or iNPS when the mapping names a rating.

Options:
  --input <file>         event log (default: ${DEFAULTS.input}, the BPI Challenge 2013
                         format: ';'-separated, ISO-8859-1)
  --map <file>           mapping file: which column is the ticket, the time, the status and
                         each field (CSV with any delimiter and encoding, or XES); see
                         docs/CLI-INPUT.md and examples/*.map.json. Default: the BPIC 2013 format
  --policies <file>      JSON array of SLA policies (default: ${DEFAULTS.policies})
  --calendars <file>     JSON object, calendar name -> calendar spec or its text form such as
                         "Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh | holidays=VN"; or a text file
                         with one "name: <text form>" a line (default: ${DEFAULTS.calendars})
  --as-of <date-time>    measure open cycles up to this ISO date-time with offset, such as
                         2012-06-01T00:00:00+01:00 (default: the latest event in the log, so
                         the report on the same file is the same on every run)
  --by <field>           also group compliance by this mapped field; repeatable
                         (default without --map: impact)
  --scorecard <file>     JSON scorecard built from the report: { tree (or rows), sources }, each
                         KPI's source one of sla, sla:<policy>, tat:median, tat:p90, ftr, reopen,
                         csat, inps (default: ${DEFAULTS.scorecard}: speed, accuracy and
                         satisfaction); see docs/SCORING.md
  --cycles <file>        write one CSV row per SLA cycle (ticket, policy, cycle, goal, start,
                         stop, state, elapsed/paused/remaining working minutes, due)
  --html <file>          also write the report as a self-contained HTML page
  --json                 print the result as JSON instead of the text report
  -h, --help             show this help

Rows of a ticket must come in time order. The default files are found in the repository,
whatever the current directory. Warnings go to stderr.
Exit status: 0 done, 2 a bad option or input (the message names it).
`;

const OPTIONS = {
  input: { type: 'string' },
  policies: { type: 'string' },
  calendars: { type: 'string' },
  map: { type: 'string' },
  'as-of': { type: 'string' },
  by: { type: 'string', multiple: true },
  scorecard: { type: 'string' },
  cycles: { type: 'string' },
  html: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Node's parseArgs messages are long and mention internals; these name the option and the expected form. */
function usageError(error: unknown): InputError {
  const { code, message } = error as { code?: string; message: string };
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new InputError(`${option}: unknown option; npm start -- --help lists the options`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new InputError(`${option}: expected a value after it, as in ${option} <file>`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new InputError(`unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? ''}: options start with --; npm start -- --help lists them`);
    default:
      throw error;
  }
}

function parseOptions(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw usageError(error);
  }
}

/** A file named on the command line (relative to the current directory) or a default (relative to the repository). */
const fileOf = (given: string | undefined, fallback: string) => ({ path: given ?? `${REPO_ROOT}/${fallback}`, name: given ?? fallback });

const REASONS: Record<string, string> = { ENOENT: 'no such file', EISDIR: 'it is a directory', EACCES: 'permission denied' };
const reason = (error: unknown) => {
  const { code, message } = error as NodeJS.ErrnoException;
  return REASONS[code ?? ''] ?? message;
};

async function readJson(option: string, file: { path: string; name: string }): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file.path, 'utf8');
  } catch (error) {
    throw new InputError(`--${option}: cannot read ${file.name} (${reason(error)})`);
  }
  if (option === 'calendars' && !text.trimStart().startsWith('{')) return readCalendarLines(text, file.name);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`--${option}: ${file.name} is not valid JSON (${(error as Error).message})`);
  }
}

/**
 * Calendars as text, one a line: `office: Mo-Fr 08:00-17:00 | tz=Asia/Ho_Chi_Minh | holidays=VN`; blank lines and
 * lines starting with # are skipped. Gives the same name → spec object as the JSON form (values in the text form).
 */
function readCalendarLines(text: string, name: string): Record<string, string> {
  const calendars: Record<string, string> = {};
  text.split(/\r?\n/).forEach((line, i) => {
    const content = line.trim();
    if (content === '' || content.startsWith('#')) return;
    const m = /^([^\s:|]+)\s*:\s*(.+)$/.exec(content); // a name without spaces, then the text form
    if (!m) throw new InputError(`--calendars: ${name} line ${i + 1}: expected "name: Mo-Fr 08:00-17:00 | tz=…" (or a JSON object), got ${JSON.stringify(content)}`);
    if (m[1] in calendars) throw new InputError(`--calendars: ${name} line ${i + 1}: calendar "${m[1]}" is given twice`);
    calendars[m[1]] = m[2];
  });
  if (Object.keys(calendars).length === 0) throw new InputError(`--calendars: ${name}: no calendar (expected lines "name: Mo-Fr 08:00-17:00 | tz=…" or a JSON object)`);
  return calendars;
}

/** A `\r`-updated progress line on a terminal's stderr for large logs; nothing otherwise, and never on stdout. */
function progressLine(stderr: Io['stderr'], source: string, bytes: number) {
  let shown = -1;
  const update = (share: number) => {
    const percent = Math.floor(share * 100);
    if (percent === shown) return;
    shown = percent;
    stderr.write(`\rReading ${source}: ${percent}%`);
  };
  return {
    update: stderr.isTTY === true && bytes > PROGRESS_MIN_BYTES ? update : undefined,
    end: () => shown >= 0 && stderr.write('\n'),
  };
}

/** `--as-of`: an ISO date-time with a real offset; the message says which part is wrong. */
function readAsOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const offset = /(Z|[+-]\d{2}:\d{2})$/.exec(text)?.[1];
  if (offset !== undefined && Number.isNaN(offsetMinutes(offset))) {
    throw new InputError(`--as-of: ${JSON.stringify(text)} has the offset ${offset}, which no zone has (expected -12:00 to +14:00)`);
  }
  const asOf = parseDateTime(text);
  if (asOf === null) throw new InputError(`--as-of: expected an ISO date-time such as 2012-06-01T00:00:00+01:00, got ${JSON.stringify(text)}`);
  if (asOf < Date.UTC(1900, 0, 2) || asOf > Date.UTC(2300, 11, 30)) throw new InputError(`--as-of: ${text} is outside the years 1900-2300 that calendars cover`);
  return asOf;
}

/** Runs the CLI; returns the exit status. Only unexpected failures throw. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let cyclesFile: CyclesWriter | undefined;
  try {
    const values = parseOptions(argv);
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    const asOf = readAsOf(values['as-of']);
    if (values.map !== undefined && values.input === undefined) throw new InputError('--input: give the event log the mapping --map reads');

    const files = {
      input: fileOf(values.input, DEFAULTS.input),
      policies: fileOf(values.policies, DEFAULTS.policies),
      calendars: fileOf(values.calendars, DEFAULTS.calendars),
      scorecard: fileOf(values.scorecard, DEFAULTS.scorecard),
    };
    let mapping: Mapping = BPIC_MAPPING;
    if (values.map !== undefined) mapping = readMapping(await readJson('map', { path: values.map, name: values.map }), values.map);
    const by = values.by ?? (values.map === undefined ? ['impact'] : []);
    for (const field of by) {
      if (!(field in mapping.fields)) {
        const known = Object.keys(mapping.fields);
        throw new InputError(`--by ${field}: not a field of the mapping (${known.length ? `fields: ${known.join(', ')}` : 'it maps no fields'})`);
      }
    }
    const scorecard = readScorecardFile(await readJson('scorecard', files.scorecard), files.scorecard.name);
    const policies = await readJson('policies', files.policies);
    const calendarSpecs = await readJson('calendars', files.calendars);
    let clocks;
    let calendars;
    try {
      calendars = compileCalendars(calendarSpecs);
      clocks = createClocks(policies, calendars);
    } catch (error) {
      if (error instanceof ConfigError) throw new InputError(`--${error.input}: ${files[error.input].name}: ${error.message}`);
      throw error;
    }
    let bytes: number;
    try {
      const stat = statSync(files.input.path);
      if (stat.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR', errno: -21 });
      bytes = stat.size;
    } catch (error) {
      throw new InputError(`--input: cannot read ${files.input.name} (${reason(error)})`);
    }
    if (values.cycles !== undefined) {
      try {
        cyclesFile = new CyclesWriter(values.cycles);
      } catch (error) {
        const why = (error as { code?: string }).code === 'ENOENT' ? 'no such directory' : reason(error);
        throw new InputError(`--cycles: cannot write ${values.cycles} (${why})`);
      }
    }

    const progress = progressLine(io.stderr, files.input.name, bytes);
    let result: ReportResult;
    try {
      result = await analyseLog({ input: files.input, mapping, clocks, calendars, asOf, by, cycles: cyclesFile, onProgress: progress.update });
    } catch (error) {
      // Another export read as the default format: say how to describe it.
      if (error instanceof InputError && values.map === undefined && error.message.includes('named in the mapping')) {
        throw new InputError(`${error.message}; without --map the log is read as the BPIC 2013 format: describe other exports with --map (docs/CLI-INPUT.md)`);
      }
      throw error;
    } finally {
      progress.end();
    }
    cyclesFile?.close();
    cyclesFile = undefined;
    for (const warning of result.warnings) io.stderr.write(`warning: ${warning}\n`);

    const section = scorecardSection(scorecard, files.scorecard.name, result);
    io.stdout.write(
      values.json ? `${JSON.stringify({ ...result, scorecard: scorecardJson(section) }, null, 2)}\n` : `${renderReport(result)}\n${renderScorecard(section).join('\n')}\n`,
    );
    if (values.html !== undefined) {
      try {
        await writeFile(values.html, renderHtml(result, section));
      } catch (error) {
        const why = (error as { code?: string }).code === 'ENOENT' ? 'no such directory' : reason(error);
        throw new InputError(`--html: cannot write ${values.html} (${why})`);
      }
      io.stderr.write(`HTML report written to ${values.html}\n`);
    }
    if (values.cycles !== undefined) io.stderr.write(`SLA cycles written to ${values.cycles}\n`);
    return 0;
  } catch (error) {
    cyclesFile?.close();
    if (!(error instanceof InputError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2), process);
}
