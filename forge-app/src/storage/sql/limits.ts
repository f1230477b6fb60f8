/**
 * Forge SQL's documented limits, per installation and per query ("Forge SQL limits",
 * https://developer.atlassian.com/platform/forge/limits-sql, checked 2026-12-07): one statement per query, no foreign
 * keys (JOINs work, deletes do not cascade), 150 DML requests per second, 5 s per SELECT, 10 s per INSERT/UPDATE/DELETE,
 * 20 s per DDL statement, 1 MiB per request, 4 MiB per response, 16 MiB of memory per query, 200 tables, 1 GiB stored
 * (production). MariaDB, which the tests run on, would let most of these through: the adapter checks them itself.
 */
export const FORGE_SQL_LIMITS = {
  dmlPerSecond: 150,
  selectMs: 5_000,
  dmlMs: 10_000,
  ddlMs: 20_000,
  requestBytes: 1024 * 1024,
  responseBytes: 4 * 1024 * 1024,
  tables: 200,
} as const;

export type StatementKind = 'select' | 'dml' | 'ddl';

/** Thrown when a statement would break a Forge SQL rule: says which rule, with the figure. */
export class SqlRuleError extends Error {
  constructor(readonly rule: 'one-statement' | 'foreign-key' | 'request-size' | 'response-size' | 'dml-rate' | 'timeout', message: string) {
    super(message);
    this.name = 'SqlRuleError';
  }
}

/** The statement without its string literals, quoted names and comments: what the rules look at. */
function skeleton(statement: string): string {
  return statement
    .replace(/'(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.|"")*"|`(?:[^`]|``)*`/g, "''")
    .replace(/\/\*[\s\S]*?\*\/|(?:--\s|#)[^\n]*/g, ' ');
}

/** SELECT (and WITH, SHOW, EXPLAIN) read; INSERT, UPDATE, DELETE, REPLACE write; anything else is DDL. */
function statementKind(statement: string): StatementKind {
  const head = /^\s*\(?\s*([a-z]+)/i.exec(skeleton(statement))?.[1]?.toUpperCase() ?? '';
  if (['SELECT', 'WITH', 'SHOW', 'EXPLAIN', 'DESCRIBE'].includes(head)) return 'select';
  if (['INSERT', 'UPDATE', 'DELETE', 'REPLACE'].includes(head)) return 'dml';
  return 'ddl';
}

/** Refuses what Forge SQL refuses before running anything: several statements in one query, foreign keys. */
export function checkStatement(statement: string): StatementKind {
  const bare = skeleton(statement).trim().replace(/;\s*$/, '');
  if (bare.includes(';')) throw new SqlRuleError('one-statement', `Forge SQL runs one statement per query; this query holds several: ${statement.slice(0, 120)}`);
  const kind = statementKind(statement);
  if (kind === 'ddl' && /\b(FOREIGN\s+KEY|REFERENCES)\b/i.test(bare)) throw new SqlRuleError('foreign-key', `Forge SQL does not support foreign keys: ${statement.slice(0, 120)}`);
  return kind;
}

/** The time limit of a statement kind, in milliseconds. */
export const timeLimitMs = (kind: StatementKind): number => (kind === 'select' ? FORGE_SQL_LIMITS.selectMs : kind === 'dml' ? FORGE_SQL_LIMITS.dmlMs : FORGE_SQL_LIMITS.ddlMs);
