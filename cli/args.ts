import { parseArgs } from 'node:util';
import { type Language, LANGUAGES } from '../core/i18n';
import { InputError } from './errors';
import { offsetMinutes, parseDateTime } from './time';

export const DEFAULTS = {
  input: 'examples/bpic2013_vinst_closed_problems.csv',
  policies: 'examples/policies.json',
  calendars: 'examples/calendars.json',
  scorecard: 'examples/scorecard.json',
};

export const HELP = `Usage: npm start -- [options]        (or: npx backoffice-kpi report [options])

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
  --signals <file>       JSON object of gaming-signal parameters (reopenWithin, lastShare,
                         lastFlag, splitCount, splitWithin, ...; docs/GAMING-SIGNALS.md). The
                         report always shows the signals G1-G5 per --by group; G5 needs a
                         mapped "requester" field
  --catalogue <file>     the internal market's service catalogue (JSON; docs/INTERNAL-MARKET.md):
                         adds the Internal market section, a monthly statement per customer and
                         service (charge, service credit, net) and the OLA chain per owner
  --statement <file>     with --catalogue: write the statement as CSV (period, customer, service,
                         provider, requests, met, breached, compliance, agreed, charge,
                         credit_rate, credit, net, currency)
  --cycles <file>        write one CSV row per SLA cycle (ticket, policy, cycle, goal, start,
                         stop, state, elapsed/paused/remaining working minutes, due)
  --html <file>          also write the report as a self-contained HTML page
  --json                 print the result as JSON instead of the text report
  --lang <en|vi>         the language of the text and HTML report, errors and warnings: en,
                         or vi (Vietnamese words, 1.234,5 numbers, Tháng 3/2012 months);
                         default: the environment's locale (LC_ALL, LC_MESSAGES, LANG:
                         vi_VN.UTF-8 gives vi), else en
  --strict               make each correction of the log (a row out of its ticket's order, a
                         time before the previous row's or the creation, a blank status) an
                         error naming its row, instead of making and counting it
  -h, --help             show this help

Rows may come in any order: grouped by ticket, sorted by time, or shuffled. Within a ticket
they follow the mapped order column, else time, then file position; the Data quality section
counts every correction. Outputs never overwrite an input, and are written only when the run
succeeds. The default files are found in the repository,
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
  signals: { type: 'string' },
  catalogue: { type: 'string' },
  statement: { type: 'string' },
  cycles: { type: 'string' },
  html: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  strict: { type: 'boolean' },
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

/** The one command, `report`, may be named first (`npx backoffice-kpi report …`); it is also the default. */
const COMMAND = 'report';

export function parseOptions(argv: readonly string[]) {
  const args = argv[0] === COMMAND ? argv.slice(1) : [...argv];
  try {
    return parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw usageError(error);
  }
}

/** The language a POSIX environment asks for (LC_ALL, then LC_MESSAGES, then LANG): Vietnamese for `vi_VN.UTF-8`. */
function languageOfEnvironment(env: Readonly<Record<string, string | undefined>>): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^vi([_.-]|$)/i.test(locale) ? 'vi' : 'en';
}

/** `--lang`: en or vi; without it the environment's locale decides (docs: the help above). */
export function readLanguage(text: string | undefined, env: Readonly<Record<string, string | undefined>>): Language {
  if (text === undefined) return languageOfEnvironment(env);
  if (!(LANGUAGES as readonly string[]).includes(text)) throw new InputError(`--lang: expected en or vi, got ${JSON.stringify(text)}`);
  return text as Language;
}

/** `--as-of`: an ISO date-time with a real offset; the message says which part is wrong. */
export function readAsOf(text: string | undefined): number | undefined {
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

