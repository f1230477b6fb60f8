import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main';

/** A writer of numbered files in a fresh temporary folder: strings as UTF-8, buffers as they are, objects as JSON. */
export function tempFiles(prefix: string): { dir: string; file: (content: string | Buffer | object, ext?: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let n = 0;
  const file = (content: string | Buffer | object, ext = 'json') => {
    const path = join(dir, `f${++n}.${ext}`);
    writeFileSync(path, typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content));
    return path;
  };
  return { dir, file };
}

/** The CLI's `main` in this process, with its output captured. */
export async function runCli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const io = { stdout: { write: (text: string) => (out.stdout += text) }, stderr: { write: (text: string) => (out.stderr += text) } };
  const status = await main(args, io);
  return { status, ...out };
}
