import { z } from 'zod';
import { isValidTimeZone } from '../../core/calendar';
import { InputError } from '../errors';
import { compileTimeFormat } from '../time';

/**
 * The mapping file of `--map` (contract: docs/CLI-INPUT.md; comment rows: docs/CLI-EXTENSIONS.md): which column of an event log is the ticket, the time, the
 * status and each ticket field. Validated before any row is read.
 */
const ColumnSchema = z.string().min(1, { message: 'name a column' });

/** A column and the cell values that make a row's fact true (`{ "column": "public", "values": ["true", "1"] }`). */
const ColumnValuesSchema = z.strictObject({
  column: ColumnSchema,
  values: z.array(z.string().min(1)).min(1, { message: 'list at least one cell value' }),
});

/** Which rows are comments, and who may read and who wrote each; the clocks see a comment event at the row's time. */
const CommentSchema = ColumnValuesSchema.extend({
  /** Rows whose cell holds one of these values are comments the customer can read; every comment is when left out. */
  public: ColumnValuesSchema.optional().describe('cells marking a comment the customer can read; every comment is public when left out'),
  /** Rows whose cell holds one of these values are comments by the customer; by an agent otherwise. */
  byCustomer: ColumnValuesSchema.optional().describe("cells marking a comment written by the customer; an agent's when left out"),
});

const MappingSchema = z
  .strictObject({
    /** An editor's pointer to examples/mapping.schema.json; ignored. */
    $schema: z.string().optional(),
    format: z.enum(['csv', 'xes']).default('csv').describe('csv (default) or xes (IEEE 1849: the trace is the case)'),
    /** Detected from the header line when left out. */
    delimiter: z
      .string()
      .refine((d) => d.length === 1 && d !== '"' && d !== '\n' && d !== '\r', { message: 'expected one character such as "," ";" "\\t" or "|" (not a quote or line break)' })
      .optional()
      .describe('one character; detected from the header line (, ; tab |) when left out'),
    encoding: z.enum(['utf-8', 'latin1', 'windows-1252']).default('utf-8').describe('utf-8 honours a byte-order mark, UTF-16 too'),
    /** Cell values read as blank. */
    missing: z.array(z.string()).default(['']).describe('cell values read as blank, such as "?"'),
    /** The column naming the ticket; for XES the trace's `concept:name` (the default). */
    case: ColumnSchema.optional().describe('the column naming the ticket (for xes: a trace attribute, concept:name by default)'),
    time: z.strictObject({
      column: ColumnSchema.describe('the column of the row time'),
      /** Unicode date tokens (`dd-MM-yyyy HH:mm`); ISO 8601 when left out. */
      format: z.string().min(1).optional().describe('Unicode date tokens such as dd-MM-yyyy HH:mm; ISO 8601 by default'),
      /** IANA zone of times written without an offset. */
      timeZone: z.string().refine(isValidTimeZone, { message: 'expected an IANA time zone such as Asia/Ho_Chi_Minh or Europe/Brussels' }).default('UTC'),
    }),
    /** A numeric column ordering the rows of one ticket that share a time. */
    order: ColumnSchema.optional().describe('numeric column ordering rows of one ticket that share a time'),
    /** A column, or columns whose values are joined with `/`. */
    status: z.union([ColumnSchema, z.array(ColumnSchema).min(1, { message: 'list at least one column' })]).describe('a column, or columns joined with /'),
    created: z.strictObject({ column: ColumnSchema }).optional().describe("the ticket's creation time, in the time format; default: its first row"),
    /** Ticket field (as the policies name it) → column. */
    fields: z.record(z.string().min(1), ColumnSchema).default({}).describe('ticket field as the policies name it -> column; the latest non-blank value'),
    rating: z.strictObject({ column: ColumnSchema, scale: z.enum(['1-5', '0-10']) }).optional().describe('requester rating: 1-5 gives CSAT, 0-10 iNPS'),
    comment: CommentSchema.optional().describe('rows whose column holds one of the values are comments (for first-response clocks)'),
  })
  .superRefine((m, ctx) => {
    if (m.format === 'csv' && m.case === undefined) ctx.addIssue({ code: 'custom', path: ['case'], message: 'name the column of the ticket (required for csv)' });
    if (m.time.format !== undefined) {
      try {
        compileTimeFormat(m.time.format, m.time.timeZone);
      } catch (error) {
        ctx.addIssue({ code: 'custom', path: ['time', 'format'], message: (error as Error).message });
      }
    }
  });

export type Mapping = z.output<typeof MappingSchema>;

/**
 * The JSON Schema of a mapping file, as examples/mapping.schema.json holds it for editors.
 * @internal Exported for its tests.
 */
export const mappingJsonSchema = (): Record<string, unknown> => z.toJSONSchema(MappingSchema, { io: 'input', unrepresentable: 'any' });

/** The BPI Challenge 2013 VINST log, the default input; examples/bpic2013.map.json says the same. */
export const BPIC_MAPPING: Mapping = MappingSchema.parse({
  format: 'csv',
  delimiter: ';',
  encoding: 'latin1',
  case: 'Problem Number',
  time: { column: 'Problem Change Date+Time' },
  status: ['Problem Status', 'Problem Sub Status'],
  fields: {
    impact: 'Problem Latest Impact',
    orgLine: 'Problem Involved ST Org line 3',
    functionDiv: 'Problem Involved ST Function Div',
    owner: 'Problem Involved Owner ST',
    product: 'Product',
    country: 'Country',
  },
});

/** Validates a parsed mapping file; the error names the file and the field. */
export function readMapping(json: unknown, source: string): Mapping {
  const parsed = MappingSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue.path.join('.');
  throw new InputError(`--map: ${source}: ${path ? `${path}: ` : ''}${issue.message}`);
}

/** The columns a mapping reads, in a fixed order: what the readers pick out of each row. */
export interface MappedColumns {
  case: number;
  time: number;
  status: number[];
  order: number;
  created: number;
  rating: number;
  /** The comment columns with their values as sets (null when the mapping names no comment rows). */
  comment: { kind: MarkedColumn; public: MarkedColumn | null; byCustomer: MarkedColumn | null } | null;
  fields: Array<[field: string, index: number]>;
  names: string[];
}

/** A column and the values that mark a row. */
interface MarkedColumn {
  index: number;
  values: ReadonlySet<string>;
}

/** Column names to read, each once, with where each mapped role finds its value among them. */
export function mappedColumns(m: Mapping, caseColumn: string): MappedColumns {
  const names: string[] = [];
  const at = (name: string) => {
    const i = names.indexOf(name);
    return i >= 0 ? i : names.push(name) - 1;
  };
  const marked = (c: { column: string; values: string[] } | undefined): MarkedColumn | null => (c === undefined ? null : { index: at(c.column), values: new Set(c.values) });
  const comment = m.comment;
  return {
    comment: comment === undefined ? null : { kind: marked(comment)!, public: marked(comment.public), byCustomer: marked(comment.byCustomer) },
    case: at(caseColumn),
    time: at(m.time.column),
    status: (typeof m.status === 'string' ? [m.status] : m.status).map(at),
    order: m.order === undefined ? -1 : at(m.order),
    created: m.created === undefined ? -1 : at(m.created.column),
    rating: m.rating === undefined ? -1 : at(m.rating.column),
    fields: Object.entries(m.fields).map(([field, column]) => [field, at(column)]),
    names,
  };
}
