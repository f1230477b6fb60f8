import { z } from 'zod';

/**
 * zod compiles an object schema into a parser (`new Function`) on its first parse, which pays off after many parses.
 * A custom-function call parses a calendar and a policy or two, in a fresh context every execution: compiling cost
 * the first call more than the parses it would speed up, so the add-on parses without it (same results).
 */
z.config({ jitless: true });
