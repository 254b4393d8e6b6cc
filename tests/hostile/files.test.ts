// Missing, unreadable and odd paths, and outputs: a failed or interrupted run leaves no damage.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli } from '../helpers/cli-bundle.js';
import { runCli } from '../helpers/run-cli.js';

const RULES = 'tests/fixtures/broken/support/rules.yaml';

function tmpDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'sc-files-'));
}

const record = (i: number) =>
  JSON.stringify({
    id: `r${i}`,
    type: 'arms-transfer',
    date: '2023',
    parties: [{ name: 'DPRK', country: 'KP', role: 'supplier' }],
    evidence: { level: 'alleged' },
  });

/** Whether file permissions stop this process from reading a file (they do not for root). */
function permissionsBlockReading(): boolean {
  const file = path.join(tmpDir(), 'probe.txt');
  writeFileSync(file, 'x');
  chmodSync(file, 0o000);
  try {
    readFileSync(file);
    return false;
  } catch {
    return true;
  } finally {
    chmodSync(file, 0o600);
  }
}
const CAN_BLOCK_READING = permissionsBlockReading();

describe('input paths', () => {
  it('names a missing path', async () => {
    const r = await runCli(['check', 'tests/fixtures/broken/no-such-file.yaml', '--rules', RULES]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'tests/fixtures/broken/no-such-file.yaml:1:1: io-error: no such file or folder\n1 error(s); nothing was written\n',
    );
    const v = await runCli(['rules', 'validate', 'tests/fixtures/broken/no-such-rules']);
    expect(v.stderr).toBe('tests/fixtures/broken/no-such-rules:1:1: io-error: no such file or folder\n1 error(s); nothing was written\n');
  });

  it('names a folder with no record files', async () => {
    const r = await runCli(['check', 'tests/fixtures/broken/rules/empty-folder', '--rules', RULES]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'tests/fixtures/broken/rules/empty-folder:1:1: no-input-files: holds no record files (.yaml, .yml, .json, .ndjson, .jsonl files)\n1 error(s); nothing was written\n',
    );
  });

  it('names an unreadable file (as another user when root, wherever the clone lives)', async () => {
    const d = tmpDir();
    chmodSync(d, 0o755);
    const file = path.join(d, 'secret.yaml');
    writeFileSync(file, '- id: a\n');
    chmodSync(file, 0o000);
    const expected = `${file}:1:1: io-error: cannot be read: permission denied`;
    try {
      if (CAN_BLOCK_READING) {
        expect((await runCli(['check', file, '--rules', RULES])).stderr).toContain(expected);
        expect((await runCli(['rules', 'validate', file])).stderr).toContain(expected);
      } else {
        // Root reads any file: run the command as an unprivileged user instead. The clone may live
        // where that user cannot go (a home folder of mode 700), so the command, bundled into one
        // file, and the rules it needs are copied to a fresh folder every user can read.
        const cli = await bundleCli();
        const rules = path.join(cli.dir, 'rules.yaml');
        copyFileSync(RULES, rules);
        chmodSync(rules, 0o644);
        const asNobody = (args: string[]) =>
          spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, cli.main, ...args], {
            encoding: 'utf8',
            cwd: cli.dir,
          });
        const r = asNobody(['check', file, '--rules', rules]);
        expect(r.status, r.stderr).toBe(2);
        expect(r.stderr).toContain(expected);
        const v = asNobody(['rules', 'validate', file]);
        expect(v.status).toBe(2);
        expect(v.stderr).toContain(expected);
      }
    } finally {
      chmodSync(file, 0o600);
    }
  });

  it('refuses a device rather than read it forever', async () => {
    if (!existsSync('/dev/zero')) return;
    const started = performance.now();
    const r = await runCli(['rules', 'validate', '/dev/zero']);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/dev/zero:1:1: io-error: is not a regular file (a device, pipe or socket); name a file');
  });

  it('refuses a named pipe in a rules folder rather than wait on it', async () => {
    const d = tmpDir();
    if (spawnSync('mkfifo', [path.join(d, 'pipe.yaml')]).status !== 0) return;
    const r = await runCli(['rules', 'validate', d]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pipe.yaml:1:1: io-error: is not a regular file');
  });

  it('walks a rules folder with a link back to itself once', async () => {
    const d = tmpDir();
    mkdirSync(path.join(d, 'sub'));
    writeFileSync(path.join(d, 'sub', 'rules.yaml'), readFileSync(RULES, 'utf8'));
    symlinkSync(d, path.join(d, 'sub', 'loop'));
    symlinkSync(path.join(d, 'sub'), path.join(d, 'sub', 'again'));
    const started = performance.now();
    const r = await runCli(['rules', 'validate', d]);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('1 rule(s) valid\n');
  });
});

describe('outputs', () => {
  it('fails before any work when the output folder does not exist, and creates nothing', async () => {
    const d = tmpDir();
    const out = path.join(d, 'missing', 'report.json');
    const r = await runCli(['check', 'tests/fixtures/core/records.yaml', '--rules', RULES, '--format', 'json', '--output', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: cannot write ${out}: the folder ${path.dirname(out)} does not exist\n`);
    expect(existsSync(path.dirname(out))).toBe(false);
  });

  it('refuses an output that is a folder', async () => {
    const d = tmpDir();
    const r = await runCli(['check', 'tests/fixtures/core/records.yaml', '--rules', RULES, '--format', 'json', '--output', d]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: cannot write ${d}: it is a folder\n`);
  });

  it.each([
    ['json', 'report.json'],
    ['ndjson', 'findings.ndjson'],
  ])('leaves an existing %s output as it was when the run fails', async (format, name) => {
    const d = tmpDir();
    const out = path.join(d, name);
    writeFileSync(out, 'the previous report\n');
    const bad = path.join(d, 'records.ndjson');
    writeFileSync(bad, [record(1), record(2), '{"id": "r3", "ty', record(4)].join('\n') + '\n');
    const r = await runCli(['check', bad, '--rules', RULES, '--format', format, '--output', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/records\.ndjson:3:\d+: invalid-json: /);
    expect(readFileSync(out, 'utf8')).toBe('the previous report\n');
    expect(readdirSync(d).sort()).toEqual([name, 'records.ndjson'].sort());
  });

  it.each([
    ['json', 'report.json'],
    ['ndjson', 'findings.ndjson'],
  ])('replaces an existing %s output whole, with no temporary file left', async (format, name) => {
    const d = tmpDir();
    const out = path.join(d, name);
    writeFileSync(out, 'the previous report\n');
    const good = path.join(d, 'records.ndjson');
    writeFileSync(good, [record(1), record(2)].join('\n') + '\n');
    const r = await runCli(['check', good, '--rules', RULES, '--format', format, '--output', out]);
    expect(r.code).toBe(1);
    const text = readFileSync(out, 'utf8');
    if (format === 'json') expect(JSON.parse(text).findings).toHaveLength(2);
    else
      expect(
        text
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l).recordId),
      ).toEqual(['r1', 'r2']);
    expect(readdirSync(d).sort()).toEqual([name, 'records.ndjson'].sort());
  });
});

describe('interrupted with Ctrl-C', () => {
  // The built command line, compiled here from the sources into a folder of its own (so that
  // another build of dist/ running at the same time cannot get in the way).
  const BUILD = path.resolve(`.tmp-hostile-cli-${process.pid}`);
  const CLI = path.join(BUILD, 'cli', 'main.js');
  let input: string;
  let work: string;

  beforeAll(() => {
    rmSync(BUILD, { recursive: true, force: true });
    execFileSync(
      process.execPath,
      ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', BUILD, '--declaration', 'false', '--sourceMap', 'false'],
      { stdio: 'pipe' },
    );
    work = tmpDir();
    input = path.join(work, 'records.ndjson');
    writeFileSync(input, Array.from({ length: 20_000 }, (_, i) => record(i)).join('\n') + '\n');
  }, 180_000);

  afterAll(() => {
    rmSync(BUILD, { recursive: true, force: true });
  });

  /** Runs the CLI, sends SIGINT after `delay` ms, and returns how it ended. */
  function interrupt(args: string[], delay: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      const timer = setTimeout(() => child.kill('SIGINT'), delay);
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, stderr });
      });
    });
  }

  it.each([
    ['json', 'report.json'],
    ['ndjson', 'findings.ndjson'],
    ['markdown', 'report.md'],
  ])(
    'leaves the previous %s output or the whole new one, and no temporary file, whenever the interrupt comes',
    async (format, name) => {
      const dir = mkdtempSync(path.join(work, 'out-'));
      const out = path.join(dir, name);
      // The whole report, from a run left to finish (reports are the same from run to run).
      const reference = path.join(work, `reference-${name}`);
      const full = await interrupt(['check', input, '--rules', RULES, '--format', format, '--output', reference], 600_000);
      expect(full.code).toBe(1);
      const whole = readFileSync(reference, 'utf8');
      let stoppedEarly = 0;
      for (const delay of [100, 300, 700, 1500]) {
        writeFileSync(out, 'the previous report\n');
        const r = await interrupt(['check', input, '--rules', RULES, '--format', format, '--output', out], delay);
        expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
        expect(readdirSync(dir)).toEqual([name]);
        const text = readFileSync(out, 'utf8');
        if (text === 'the previous report\n') {
          expect(r.code === 130 || r.signal === 'SIGINT', `exit ${r.code} ${r.signal}`).toBe(true);
          stoppedEarly++;
        } else {
          // The interrupt came after the report was in place (or the run had ended): it is whole.
          expect(text.length).toBe(whole.length);
          expect(text === whole).toBe(true);
        }
      }
      expect(stoppedEarly).toBeGreaterThan(0);
    },
    120_000,
  );
});
