import { closeSync, ftruncateSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { reason } from '../config';
import { InputError } from '../errors';

/** A device, pipe or other special file: written in place (nothing to rename over, and renaming over /dev/… is harm). */
const isSpecial = (path: string): boolean => {
  try {
    return !statSync(path).isFile();
  } catch {
    return false;
  }
};

/**
 * An output file that never harms what was there before a run succeeds: written to a temporary file beside the
 * target, renamed over it by `commit`, removed by `discard`. A write error (a full disk) names the option and file.
 */
export class OutputFile {
  private readonly fd: number;
  private readonly temp: string | null;
  private offset = 0;

  constructor(
    private readonly option: string,
    private readonly path: string,
  ) {
    this.temp = isSpecial(path) ? null : join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    try {
      this.fd = openSync(this.temp ?? path, 'w');
    } catch (error) {
      throw this.failure(error);
    }
  }

  write(text: string): void {
    try {
      // Positioned writes on the temporary file (so `truncate` starts it over); a device or pipe takes them in order.
      this.offset += writeSync(this.fd, text, this.temp === null ? null : this.offset);
    } catch (error) {
      this.discard();
      throw this.failure(error);
    }
  }

  /** Starts the file over, empty. */
  truncate(): void {
    if (this.temp === null) return;
    ftruncateSync(this.fd, 0);
    this.offset = 0;
  }

  commit(): void {
    try {
      closeSync(this.fd);
      if (this.temp !== null) renameSync(this.temp, this.path);
    } catch (error) {
      this.discard();
      throw this.failure(error);
    }
  }

  discard(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    if (this.temp !== null) {
      try {
        unlinkSync(this.temp);
      } catch {
        // already gone
      }
    }
  }

  private failure(error: unknown): InputError {
    const code = (error as { code?: string }).code;
    return new InputError(`${this.option}: cannot write ${this.path} (${code === 'ENOENT' ? 'no such directory' : reason(error)})`);
  }
}

/** Writes a whole output at once, through a temporary file. */
export function writeOutput(option: string, path: string, text: string): void {
  const file = new OutputFile(option, path);
  file.write(text);
  file.commit();
}

/** A file's identity after links are resolved: its device and inode when it exists, else its resolved path. */
function identityOf(path: string): string {
  try {
    const stat = statSync(path);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/** An output that names an input (or another output), after resolving links, is an error before anything is opened. */
export function checkOutputs(inputs: ReadonlyArray<{ option: string; path: string }>, outputs: ReadonlyArray<{ option: string; path: string }>): void {
  const seen = new Map(inputs.map((file) => [identityOf(file.path), file] as const));
  for (const output of outputs) {
    const id = identityOf(output.path);
    const clash = seen.get(id);
    if (clash !== undefined) {
      throw new InputError(`${output.option}: ${output.path} is the file given to ${clash.option}; writing it would destroy it (name another file)`);
    }
    seen.set(id, output);
  }
}
