/** What `run` throws; a test fails when it throws nothing. */
export function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error(`${run.toString()} did not fail`);
}
