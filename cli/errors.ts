/** Input the person running the CLI can fix; the message already names the option, file or row and the expected form. */
export class InputError extends Error {
  override name = 'InputError';
}

/** A policy or calendar file that does not validate; the CLI prefixes the option and the file name. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly input: 'policies' | 'calendars',
    message: string,
  ) {
    super(message);
  }
}
