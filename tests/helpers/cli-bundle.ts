// The command line as one self-contained file in a fresh temporary folder that every user can
// read (mode 755), with the shipped rules beside it: for tests that run it as a process, with
// its standard streams redirected or as another user, wherever the clone lives.
import { chmodSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'rolldown';

export interface CliBundle {
  /** The folder holding cli/main.mjs and rules/. */
  dir: string;
  /** The bundled command line, to run with process.execPath. */
  main: string;
}

export async function bundleCli(): Promise<CliBundle> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sc-bundle-'));
  chmodSync(dir, 0o755);
  const main = path.join(dir, 'cli', 'main.mjs');
  await build({
    input: path.resolve('src/cli/main.ts'),
    platform: 'node',
    logLevel: 'silent',
    output: { file: main, format: 'esm', codeSplitting: false },
  });
  // The default rules are found beside the package root, one folder above cli/.
  cpSync(path.resolve('rules'), path.join(dir, 'rules'), { recursive: true });
  chmodSync(path.join(dir, 'cli'), 0o755);
  chmodSync(main, 0o644);
  return { dir, main };
}
