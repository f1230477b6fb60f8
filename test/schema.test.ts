import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localDayIn } from '../core/calendar/zone';
import { CONFIG_SCHEMAS, jsonSchemaOf } from '../core/schema';
import { formatTarget } from '../core/sla/target';

const example = (name: string) => JSON.parse(readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8'));

describe('configuration schemas', () => {
  it('accept the shipped examples', () => {
    for (const policy of example('policies.json')) expect(CONFIG_SCHEMAS.slaPolicy.safeParse(policy).success).toBe(true);
    for (const spec of Object.values(example('calendars.json'))) expect(CONFIG_SCHEMAS.calendar.safeParse(spec).success).toBe(true);
  });

  it('export JSON Schema with the required fields editors need', () => {
    const calendar = jsonSchemaOf('calendar') as { required: string[]; properties: Record<string, unknown> };
    expect(calendar.required).toEqual(['timeZone', 'weekly']);
    const policy = jsonSchemaOf('slaPolicy') as { required: string[] };
    expect(policy.required).toEqual(expect.arrayContaining(['id', 'name', 'stop', 'goals']));
    const ticket = jsonSchemaOf('ticketHistory') as { required: string[] };
    expect(ticket.required).toEqual(expect.arrayContaining(['key', 'created', 'status']));
    expect(JSON.stringify(jsonSchemaOf('scorecardTree'))).toContain('"enum":["company","department","person"]');
  });
});

describe('small helpers', () => {
  it('formatTarget writes the shortest text form', () => {
    expect(formatTarget({ minutes: 480 })).toBe('8h');
    expect(formatTarget({ minutes: 90 })).toBe('90m');
    expect(formatTarget({ businessDays: 3 })).toBe('3bd');
  });

  it('localDayIn follows the zone, DST included', () => {
    const brussels = localDayIn('Europe/Brussels');
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    expect(brussels(Date.parse('2025-03-29T22:59:00Z'))).toBe(day('2025-03-29')); // 23:59 CET
    expect(brussels(Date.parse('2025-03-29T23:00:00Z'))).toBe(day('2025-03-30')); // 00:00 CET
    expect(brussels(Date.parse('2025-06-30T21:59:00Z'))).toBe(day('2025-06-30')); // 23:59 CEST
    expect(brussels(Date.parse('2025-06-30T22:00:00Z'))).toBe(day('2025-07-01')); // 00:00 CEST
    // Lord Howe moves by half an hour: +10:30 in winter, +11:00 from 02:00 on 5 Oct 2025 (15:30 UTC on the 4th).
    const lordHowe = localDayIn('Australia/Lord_Howe');
    expect(lordHowe(Date.parse('2025-07-01T13:29:00Z'))).toBe(day('2025-07-01'));
    expect(lordHowe(Date.parse('2025-07-01T13:30:00Z'))).toBe(day('2025-07-02'));
    expect(lordHowe(Date.parse('2025-10-05T12:59:00Z'))).toBe(day('2025-10-05'));
    expect(lordHowe(Date.parse('2025-10-05T13:00:00Z'))).toBe(day('2025-10-06'));
    expect(localDayIn('Asia/Kolkata')(Date.parse('2025-01-01T18:30:00Z'))).toBe(day('2025-01-02')); // +05:30
  });
});
