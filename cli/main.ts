import './zod-jitless';
import { statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SlaClock, CalendarSet } from '../core/sla';
import { analyseLog } from './analyse';
import { DEFAULTS, helpText, parseOptions, readAsOf, readLanguage } from './args';
import { compileCalendars, createClocks, type NamedFile, readJson, reason } from './config';
import { CLI_PHRASE_BOOK, errorInLanguage, inLanguage, type Language } from '../core/i18n';
import { type Catalogue, MarketError, readCatalogue, readSignalParameters, SignalError, type SignalParameters, statementCsv } from '../core/market';
import { ConfigError, InputError } from './errors';
import { BPIC_MAPPING, type Mapping, readMapping } from './input/mapping';
import { CyclesWriter } from './report/cycles-csv';
import { renderHtml } from './report/html';
import { renderMarket } from './report/market';
import { checkOutputs, writeOutput } from './report/output-file';
import type { ReportResult } from './report/result';
import { readScorecardFile, renderScorecard, scorecardJson, scorecardSection, type ScorecardFile } from './report/scorecard';
import { renderReport } from './report/text';
import { type ReportWords, wordsFor } from './report/words';

export { HELP } from './args';

/** Where the CLI writes: `process` in real runs, buffers in tests. */
export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

type Options = ReturnType<typeof parseOptions>;

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Below this size the report is done before a progress line would be read. */
const PROGRESS_MIN_BYTES = 8 * 1024 * 1024;

/** A file named on the command line (relative to the current directory) or a default (relative to the repository). */
const fileOf = (given: string | undefined, fallback: string): NamedFile => ({ path: given ?? `${REPO_ROOT}/${fallback}`, name: given ?? fallback });

/** Everything a run needs, read and checked before the log is opened. */
interface Setup {
  files: Record<'input' | 'policies' | 'calendars' | 'scorecard', NamedFile>;
  mapping: Mapping;
  by: string[];
  scorecard: ScorecardFile;
  signals: SignalParameters;
  clocks: SlaClock[];
  calendars: CalendarSet;
  catalogue: Catalogue | undefined;
  asOf: number | undefined;
  /** Size of the log in bytes. */
  bytes: number;
}

async function readSetup(values: Options): Promise<Setup> {
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
    if (!Object.hasOwn(mapping.fields, field)) {
      const known = Object.keys(mapping.fields);
      throw new InputError(`--by ${field}: not a field of the mapping (${known.length ? `fields: ${known.join(', ')}` : 'it maps no fields'})`);
    }
  }
  const scorecard = readScorecardFile(await readJson('scorecard', files.scorecard), files.scorecard.name);
  const signals = await readSignals(values.signals);
  const policies = await readJson('policies', files.policies);
  const calendarSpecs = await readJson('calendars', files.calendars);
  try {
    const calendars = compileCalendars(calendarSpecs);
    const clocks = createClocks(policies, calendars);
    const catalogue = await readCatalogueOption(values, clocks);
    return { files, mapping, by, scorecard, signals, clocks, calendars, catalogue, asOf, bytes: inputSize(files.input) };
  } catch (error) {
    if (error instanceof ConfigError) throw new InputError(`--${error.input}: ${files[error.input].name}: ${error.message}`, { cause: error });
    throw error;
  }
}

/** `--signals FILE`: the gaming signals' parameters; an error names the file and the parameter. */
async function readSignals(path: string | undefined): Promise<SignalParameters> {
  if (path === undefined) return readSignalParameters();
  const json = await readJson('signals', { path, name: path });
  try {
    return readSignalParameters(json);
  } catch (error) {
    if (error instanceof SignalError) throw new InputError(`--signals: ${path}: ${error.message}`, { cause: error });
    throw error;
  }
}

/** `--catalogue`, checked against the policies it names; `--statement` needs it. */
async function readCatalogueOption(values: Options, clocks: readonly SlaClock[]): Promise<Catalogue | undefined> {
  if (values.catalogue === undefined) {
    if (values.statement !== undefined) throw new InputError('--statement: give the service catalogue it is drawn from with --catalogue');
    return undefined;
  }
  const json = await readJson('catalogue', { path: values.catalogue, name: values.catalogue });
  try {
    return readCatalogue(json, clocks.map((clock) => clock.policy));
  } catch (error) {
    if (error instanceof MarketError) throw new InputError(`--catalogue: ${values.catalogue}: ${error.message}`, { cause: error });
    throw error;
  }
}

function inputSize(input: NamedFile): number {
  try {
    const stat = statSync(input.path);
    if (stat.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR', errno: -21 });
    return stat.size;
  } catch (error) {
    throw new InputError(`--input: cannot read ${input.name} (${reason(error)})`);
  }
}

/** Outputs never name an input (nor each other): checked before anything is opened. */
function checkOutputPaths(setup: Setup, values: Options): void {
  const inputs = Object.entries(setup.files).map(([option, file]) => ({ option: `--${option}`, path: file.path }));
  if (values.map !== undefined) inputs.push({ option: '--map', path: values.map });
  if (values.signals !== undefined) inputs.push({ option: '--signals', path: values.signals });
  if (values.catalogue !== undefined) inputs.push({ option: '--catalogue', path: values.catalogue });
  const outputs = [
    ...(values.cycles === undefined ? [] : [{ option: '--cycles', path: values.cycles }]),
    ...(values.html === undefined ? [] : [{ option: '--html', path: values.html }]),
    ...(values.statement === undefined ? [] : [{ option: '--statement', path: values.statement }]),
  ];
  checkOutputs(inputs, outputs);
}

/** A `\r`-updated progress line on a terminal's stderr for large logs; nothing otherwise, and never on stdout. */
function progressLine(stderr: Io['stderr'], source: string, bytes: number, words: ReportWords) {
  let shown = -1;
  const update = (share: number) => {
    const percent = Math.floor(share * 100);
    if (percent === shown) return;
    shown = percent;
    stderr.write(`\r${words.reading(source, percent)}`);
  };
  return {
    update: stderr.isTTY === true && bytes > PROGRESS_MIN_BYTES ? update : undefined,
    end: () => shown >= 0 && stderr.write('\n'),
  };
}

async function analyse(setup: Setup, values: Options, cycles: CyclesWriter | undefined, words: ReportWords, io: Io): Promise<ReportResult> {
  const { files, mapping, clocks, calendars, asOf, by, signals, catalogue } = setup;
  const progress = progressLine(io.stderr, files.input.name, setup.bytes, words);
  try {
    return await analyseLog({ input: files.input, mapping, clocks, calendars, asOf, by, cycles, onProgress: progress.update, strict: values.strict, signals, catalogue });
  } catch (error) {
    // Another export read as the default format: say how to describe it.
    if (error instanceof InputError && values.map === undefined && error.message.includes('named in the mapping')) {
      throw new InputError(`${error.message}; without --map the log is read as the BPIC 2013 format: describe other exports with --map (docs/CLI-INPUT.md)`);
    }
    throw error;
  } finally {
    progress.end();
  }
}

/** The report on stdout (text or JSON), then the HTML page when asked for. */
function writeReport(result: ReportResult, setup: Setup, values: Options, words: ReportWords, io: Io): void {
  for (const warning of result.warnings) io.stderr.write(`${words.warning(inLanguage(warning, words.language, CLI_PHRASE_BOOK))}\n`);
  const section = scorecardSection(setup.scorecard, setup.files.scorecard.name, result);
  io.stdout.write(
    values.json
      ? `${JSON.stringify({ ...result, scorecard: scorecardJson(section) }, null, 2)}\n`
      : `${renderReport(result, words)}\n${result.internalMarket ? `${renderMarket(result.internalMarket, words).join('\n')}\n` : ''}${renderScorecard(section, words).join('\n')}\n`,
  );
  if (values.statement !== undefined && result.internalMarket) {
    writeOutput('--statement', values.statement, statementCsv(result.internalMarket.statements));
    io.stderr.write(`${words.written.statement(values.statement)}\n`);
  }
  if (values.html !== undefined) {
    writeOutput('--html', values.html, renderHtml(result, section, words));
    io.stderr.write(`${words.written.html(values.html)}\n`);
  }
}

/** Runs the CLI; returns the exit status. Only unexpected failures throw. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let cycles: CyclesWriter | undefined;
  // Errors before --lang is read (or when it is wrong) are in the environment's language.
  let language: Language = readLanguage(undefined, process.env);
  try {
    const values = parseOptions(argv);
    language = readLanguage(values.lang, process.env);
    if (values.help) {
      io.stdout.write(helpText(language));
      return 0;
    }
    const words = wordsFor(language);
    const setup = await readSetup(values);
    checkOutputPaths(setup, values);
    if (values.cycles !== undefined) cycles = new CyclesWriter(values.cycles);
    const result = await analyse(setup, values, cycles, words, io);
    cycles?.flush();
    writeReport(result, setup, values, words, io);
    if (cycles !== undefined && values.cycles !== undefined) {
      cycles.close();
      cycles = undefined;
      io.stderr.write(`${words.written.cycles(values.cycles)}\n`);
    }
    return 0;
  } catch (error) {
    cycles?.discard();
    if (!(error instanceof InputError)) throw error;
    io.stderr.write(`${errorInLanguage(error, language, CLI_PHRASE_BOOK)}\n`);
    return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2), process);
}
