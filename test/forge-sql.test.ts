import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgeSql, forgeSqlLimits, forgeSqlMock } from './helpers/forge-sql';

vi.mock('@forge/sql', () => forgeSqlMock());

const { database } = await import('../forge-app/src/storage/sql/database');
const { SqlRuleError, checkStatement } = await import('../forge-app/src/storage/sql/limits');
const { migrateSchema, MIGRATIONS } = await import('../forge-app/src/storage/sql/schema');

afterAll(() => forgeSql.drop());

describe('Forge SQL adapter: the platform rules MariaDB would let through', () => {
  beforeEach(async () => {
    await migrateSchema();
    await forgeSql.truncateAll();
    forgeSqlLimits.selectSeconds = 5;
  });

  it('Q4: refuses two statements in one query, before sending anything', async () => {
    const client = await forgeSql.open();
    const sent = client.statements.length;
    await expect(database.select('SELECT 1; SELECT 2')).rejects.toMatchObject({ rule: 'one-statement' });
    await expect(database.write("DELETE FROM tickets WHERE issue_key = 'A'; DROP TABLE tickets")).rejects.toBeInstanceOf(SqlRuleError);
    expect(client.statements.length).toBe(sent);
    // A semicolon inside a string literal or a trailing one is one statement.
    expect(await database.select<{ v: string }>("SELECT 'a;b' AS v;")).toEqual([{ v: 'a;b' }]);
  });

  it('Q4: refuses a SELECT over its time limit (max_statement_time on MariaDB, QUERY_TIMED_OUT in Forge)', async () => {
    forgeSqlLimits.selectSeconds = 0.2;
    await expect(database.select('SELECT SLEEP(1) AS s')).rejects.toMatchObject({ rule: 'timeout', message: expect.stringMatching(/SELECT statement runs at most 5 s/) });
    forgeSqlLimits.selectSeconds = 5;
    expect(await database.select('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('Q4: refuses foreign keys, an oversized request and an oversized response', async () => {
    expect(() => checkStatement('CREATE TABLE x (id INT, t INT, FOREIGN KEY (t) REFERENCES tickets(gen))')).toThrow(/foreign keys/);
    await expect(database.select('SELECT ? AS big', ['x'.repeat(1024 * 1024)])).rejects.toMatchObject({ rule: 'request-size' });
    await expect(database.select("SELECT REPEAT('x', 5000000) AS big")).rejects.toMatchObject({ rule: 'response-size' });
  });

  it('Q4: the migrations hold no foreign key and run once: a second run changes nothing', async () => {
    for (const [, statement] of MIGRATIONS) expect(() => checkStatement(statement)).not.toThrow();
    expect(await migrateSchema()).toEqual([]);
    const tables = await database.select<{ n: unknown }>("SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE()");
    expect(Number(tables[0].n)).toBe(MIGRATIONS.length + 1);
  });

  it('Q4: writes are paced under the 150 DML requests a second the platform allows', async () => {
    const started = performance.now();
    await Promise.all(Array.from({ length: 60 }, (_, i) => database.write('INSERT INTO app_state (name, value_json) VALUES (?, ?)', [`k${i}`, '{}'])));
    // 150 a second shared by 6 consumers: 25 a second for this process, so 60 writes span more than two seconds.
    expect(performance.now() - started).toBeGreaterThan(1_900);
  });
});
