/** A log's report → scorecard actuals, by each KPI's source. */
import { describe, expect, it } from 'vitest';
import { actualsFromFacts, type LogFacts } from '../core/scorecard';

const facts: LogFacts = {
  compliance: { overall: 0.8, byPolicy: { it: 0.75, hr: null } },
  tatHours: { median: 12.5, p90: 40 },
  resolved: 200,
  reopened: 10,
  csat: 0.9,
};

describe('actualsFromFacts', () => {
  it('reads compliance overall and per policy, TAT statistics, first time right, reopen rate and ratings', () => {
    expect(
      actualsFromFacts({ a: 'sla', b: 'sla:it', c: 'sla:hr', d: 'tat:median', e: 'tat:p90', f: 'ftr', g: 'reopen', h: 'csat', i: 'inps', j: ' sla ' }, facts),
    ).toEqual({ a: 0.8, b: 0.75, c: null, d: 12.5, e: 40, f: 0.95, g: 0.05, h: 0.9, i: null, j: 0.8 });
  });

  it('sla: takes any policy id, colons included: a JSM SLA metric is the policy jsm:<metric>', () => {
    const jsm: LogFacts = { compliance: { overall: 0.8, byPolicy: { 'jsm:Time to resolution': 0.6, 'jsm:a:b': 0.5 } } };
    expect(actualsFromFacts({ r: 'sla:jsm:Time to resolution', c: 'sla:jsm:a:b' }, jsm)).toEqual({ r: 0.6, c: 0.5 });
    expect(() => actualsFromFacts({ x: 'sla:jsm:Time to first response' }, jsm)).toThrow('sources.x "sla:jsm:Time to first response": no SLA policy "jsm:Time to first response" in the report (policies: jsm:Time to resolution, jsm:a:b)');
  });

  it('leaves out what the data does not have: nothing resolved, no ratings', () => {
    expect(actualsFromFacts({ f: 'ftr', g: 'reopen', h: 'csat' }, { compliance: { overall: null } })).toEqual({ f: null, g: null, h: null });
  });

  it('names the KPI and source it cannot read', () => {
    expect(() => actualsFromFacts({ x: 'sla:payroll' }, facts)).toThrow('actualsFromFacts: sources.x "sla:payroll": no SLA policy "payroll" in the report (policies: it, hr)');
    expect(() => actualsFromFacts({ x: 'tat:p75' }, facts)).toThrow('actualsFromFacts: sources.x "tat:p75": the report gives TAT tat:median, tat:p90');
    expect(() => actualsFromFacts({ x: 'tat' }, { compliance: { overall: 1 } })).toThrow('sources.x "tat": the report gives TAT nothing');
    expect(() => actualsFromFacts({ x: 'ftr:2024' }, facts)).toThrow('sources.x "ftr:2024": ftr takes no detail');
    expect(() => actualsFromFacts({ x: 'sla:a:b' }, facts)).toThrow('sources.x "sla:a:b": no SLA policy "a:b" in the report (policies: it, hr)');
    expect(() => actualsFromFacts({ x: 'tat:p90:x' }, facts)).toThrow('sources.x "tat:p90:x": must be sla, sla:<policy id>, tat:median, tat:p<N>, ftr, reopen, csat or inps');
    expect(() => actualsFromFacts({ x: 42 as unknown as string }, facts)).toThrow('actualsFromFacts: sources.x must be text');
  });
});
