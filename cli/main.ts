import { createReadStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readBpicLog } from './bpic';
import { ConfigError, InputError } from './errors';
import { renderHtml } from './html';
import { renderReport } from './report';
import { type ReportResult, runReport } from './run';
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
};
/** Below this many tickets the report is done before a progress line would be read. */
const PROGRESS_MIN_TICKETS = 5000;

export const HELP = `Usage: npm start -- [options]        (or: npx tsx cli/main.ts [options])

Applies SLA policies to a problem-management event log (BPIC 2013 VINST format) and prints
SLA compliance overall, per impact and per month, met/breached/open counts, and the
turnaround time (median, p90) in working hours.

Options:
  --input <file>         event log CSV: ';'-separated, ISO-8859-1, one row per status change
                         (default: ${DEFAULTS.input})
  --policies <file>      JSON array of SLA policies (default: ${DEFAULTS.policies})
  --calendars <file>     JSON object, calendar name -> calendar spec (default: ${DEFAULTS.calendars})
  --as-of <date-time>    measure open cycles up to this ISO date-time with offset, such as
                         2012-06-01T00:00:00+01:00 (default: the latest event in the log, so
                         the report on the same file is the same on every run)
  --html <file>          also write the report as a self-contained HTML page
  --json                 print the result as JSON instead of the text report
  -h, --help             show this help

The default files are found in the repository, whatever the current directory.
Exit status: 0 done, 2 a bad option or input (the message names it).
`;

const OPTIONS = {
  input: { type: 'string' },
  policies: { type: 'string' },
  calendars: { type: 'string' },
  'as-of': { type: 'string' },
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

/** A failure of the file system (it has an errno code such as ENOENT), not of the content. */
const isFileError = (error: unknown): error is NodeJS.ErrnoException => typeof (error as NodeJS.ErrnoException).errno === 'number';
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
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`--${option}: ${file.name} is not valid JSON (${(error as Error).message})`);
  }
}

/** A `\r`-updated progress line on a terminal's stderr for large logs; nothing otherwise, and never on stdout. */
function progressLine(stderr: Io['stderr'], tickets: number) {
  let shown = false;
  const update = (done: number, total: number) => {
    shown = true;
    stderr.write(`\rSLA cycles: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} tickets (${Math.floor((done / total) * 100)}%)`);
  };
  return {
    update: stderr.isTTY === true && tickets > PROGRESS_MIN_TICKETS ? update : undefined,
    end: () => shown && stderr.write('\n'),
  };
}

/** Runs the CLI; returns the exit status. Only unexpected failures throw. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    const values = parseOptions(argv);
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    const asOfText = values['as-of'];
    const asOf = asOfText === undefined ? undefined : parseDateTime(asOfText);
    if (asOf === null) throw new InputError(`--as-of: expected an ISO date-time such as 2012-06-01T00:00:00+01:00, got ${JSON.stringify(asOfText)}`);

    const files = {
      input: fileOf(values.input, DEFAULTS.input),
      policies: fileOf(values.policies, DEFAULTS.policies),
      calendars: fileOf(values.calendars, DEFAULTS.calendars),
    };
    const policies = await readJson('policies', files.policies);
    const calendars = await readJson('calendars', files.calendars);
    const log = await readBpicLog(createReadStream(files.input.path), files.input.name).catch((error: unknown) => {
      throw isFileError(error) ? new InputError(`--input: cannot read ${files.input.name} (${reason(error)})`) : error;
    });

    const progress = progressLine(io.stderr, log.tickets.length);
    let result: ReportResult;
    try {
      result = runReport({ log, policies, calendars, asOf, onProgress: progress.update });
    } catch (error) {
      if (error instanceof ConfigError) throw new InputError(`--${error.input}: ${files[error.input].name}: ${error.message}`);
      throw error;
    } finally {
      progress.end();
    }

    io.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : renderReport(result));
    if (values.html !== undefined) {
      try {
        await writeFile(values.html, renderHtml(result));
      } catch (error) {
        const why = (error as { code?: string }).code === 'ENOENT' ? 'no such directory' : reason(error);
        throw new InputError(`--html: cannot write ${values.html} (${why})`);
      }
      io.stderr.write(`HTML report written to ${values.html}\n`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2), process);
}
