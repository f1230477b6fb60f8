import { z } from 'zod';

/** Zod fields whose messages name the field, shared by the scorecard schemas. */

export const choices = (field: string, values: readonly string[]): string =>
  `${field} must be ${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;

export const enumField = <const T extends readonly [string, ...string[]]>(field: string, values: T) =>
  z.enum(values, { error: choices(field, values) });

export const textField = (field: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be text`) })
    .min(1, { error: `${field} must not be empty` });

export const numberField = (field: string) =>
  z.number({ error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be a number`) });
