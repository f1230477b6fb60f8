/**
 * One problem of a configuration (or of typed actuals) at its field: what saving answers and the admin page shows next
 * to that field. Its own module, without imports, so the configuration's checks and the views share it without a cycle.
 */
export interface ConfigProblem {
  /** Dotted path of the offending field, e.g. `policies.0.goals.0.calendar`; the admin page shows the message there. */
  path: string;
  message: string;
}
