/** Input the person running the CLI can fix; the message already names the option, file or row and the expected form. */
export class InputError extends Error {
  override name = 'InputError';
}

/** A policy or calendar file that does not validate; the CLI prefixes the option and the file name. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  /** `problem`: the CLI's own words, or the core error whose message it is (kept as the cause, rendered by its code). */
  constructor(
    readonly input: 'policies' | 'calendars',
    problem: string | Error,
  ) {
    super(typeof problem === 'string' ? problem : problem.message, typeof problem === 'string' ? undefined : { cause: problem });
  }
}
