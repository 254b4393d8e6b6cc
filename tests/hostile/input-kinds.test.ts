// Inputs that are not regular files, broken or looping links, the same file named twice, YAML on
// standard input, and the bare command: each gets a located line and exit 2, or is taken once.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleCli, type CliBundle } from '../helpers/cli-bundle.js';
import { runCli } from '../helpers/run-cli.js';
import { readFileChunks } from '../../src/stream/line-chunks.js';

const RULES = path.resolve('tests/fixtures/core/rules.yaml');
const RECORDS = path.resolve('tests/fixtures/core/records.yaml');
const IS_ROOT = process.getuid?.() === 0;
const NOT_REGULAR =
  'io-error: is not a regular file (a device, pipe or socket); name a file, or stream NDJSON records through standard input: check - < FILE';
const NDJSON =
  JSON.stringify({
    id: 'r1',
    type: 'arms-transfer',
    date: '2023',
    parties: [{ name: 'DPRK', country: 'KP', role: 'supplier' }],
    evidence: { level: 'alleged' },
  }) + '\n';

function tmpDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'sc-kinds-'));
}

let cli: CliBundle;
beforeAll(async () => {
  cli = await bundleCli();
}, 120_000);

/** Runs the bundled CLI; a run that hangs is killed after 20 s and fails the test. */
function runBundled(
  args: string[],
  opts: { input?: string } = {},
): { status: number | null; stdout: string; stderr: string; timedOut: boolean } {
  const r = spawnSync(process.execPath, [cli.main, ...args], {
    encoding: 'utf8',
    timeout: 20_000,
    ...(opts.input !== undefined ? { input: opts.input } : {}),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, timedOut: r.signal === 'SIGTERM' };
}

function mkfifo(file: string): string {
  expect(spawnSync('mkfifo', [file]).status).toBe(0);
  return file;
}

/** A character device that never ends (/dev/zero's numbers) made here, or a named pipe when not root. */
function endless(dir: string): string {
  const file = path.join(dir, 'zero');
  if (IS_ROOT) expect(spawnSync('mknod', [file, 'c', '1', '5']).status).toBe(0);
  else mkfifo(file);
  return file;
}

describe('a device or named pipe named as NDJSON', () => {
  it.each(['.ndjson', '.jsonl'])('is refused, named directly or in a case folder, without waiting (%s)', (ext) => {
    const d = tmpDir();
    const pipe = mkfifo(path.join(d, `pipe${ext}`));
    const link = path.join(d, `zero${ext}`);
    symlinkSync(endless(d), link);
    for (const input of [pipe, link]) {
      const r = runBundled(['check', input, '--rules', RULES]);
      expect(r.timedOut, 'the run hung').toBe(false);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`${input}:1:1: ${NOT_REGULAR}\n1 error(s); nothing was written\n`);
    }
    const folder = runBundled(['check', d, '--rules', RULES]);
    expect(folder.timedOut, 'the run hung').toBe(false);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toBe(`${pipe}:1:1: ${NOT_REGULAR}\n${link}:1:1: ${NOT_REGULAR}\n2 error(s); nothing was written\n`);
  });

  it("is not read even when it takes a file's place after the file was looked at", async () => {
    const pipe = mkfifo(path.join(tmpDir(), 'late.ndjson'));
    const read = (async () => {
      for await (const _ of readFileChunks(pipe)) return 'read';
      return 'ended';
    })().catch((e: NodeJS.ErrnoException) => e.code);
    const timeout = new Promise((resolve) => setTimeout(() => resolve('hung'), 5_000));
    expect(await Promise.race([read, timeout])).toBe('ENOTREG');
  });

  it('streams from a named pipe given as standard input (check - < PIPE)', async () => {
    const d = tmpDir();
    const pipe = mkfifo(path.join(d, 'records.pipe'));
    const source = path.join(d, 'records.ndjson');
    writeFileSync(source, NDJSON);
    const writer = spawn('sh', ['-c', 'cat "$0" > "$1"', source, pipe], { stdio: 'ignore' });
    const r = spawnSync(
      'sh',
      ['-c', 'exec "$0" "$@" < "$SC_PIPE"', process.execPath, cli.main, 'check', '-', '--rules', RULES, '--format', 'ndjson'],
      {
        encoding: 'utf8',
        timeout: 20_000,
        env: { ...process.env, SC_PIPE: pipe },
      },
    );
    writer.kill();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).recordId).toBe('r1');
  });
});

describe('broken and looping links', () => {
  it('are each reported with their location in a rules folder', async () => {
    const d = tmpDir();
    writeFileSync(path.join(d, 'a.yaml'), readFileSync(RULES));
    symlinkSync('missing.yaml', path.join(d, 'b.yaml'));
    symlinkSync('c.yaml', path.join(d, 'c.yaml'));
    const r = await runCli(['rules', 'validate', d]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${path.join(d, 'b.yaml')}:1:1: io-error: is a symbolic link to missing.yaml, which does not exist\n` +
        `${path.join(d, 'c.yaml')}:1:1: io-error: is a symbolic link that loops: too many levels of symbolic links\n` +
        '2 error(s); nothing was written\n',
    );
  });

  it('are each reported with their location in a case folder', async () => {
    const d = tmpDir();
    writeFileSync(path.join(d, 'records.yaml'), readFileSync(RECORDS));
    symlinkSync(path.join(d, 'nowhere.ndjson'), path.join(d, 'more.ndjson'));
    symlinkSync('loop.yml', path.join(d, 'loop.yml'));
    const r = await runCli(['check', d, '--rules', RULES]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${path.join(d, 'more.ndjson')}:1:1: io-error: is a symbolic link to ${path.join(d, 'nowhere.ndjson')}, which does not exist\n`,
    );
    expect(r.stderr).toContain(
      `${path.join(d, 'loop.yml')}:1:1: io-error: is a symbolic link that loops: too many levels of symbolic links\n`,
    );
  });

  it('named directly: a loop is a loop, not a missing file', async () => {
    const d = tmpDir();
    symlinkSync('rules.yaml', path.join(d, 'rules.yaml'));
    const r = await runCli(['rules', 'validate', path.join(d, 'rules.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${path.join(d, 'rules.yaml')}:1:1: io-error: is a symbolic link that loops: too many levels of symbolic links\n1 error(s); nothing was written\n`,
    );
    const c = await runCli(['check', path.join(d, 'rules.yaml'), '--rules', RULES]);
    expect(c.stderr).toContain('too many levels of symbolic links');
  });
});

describe('the command line', () => {
  it('prints the usage on stderr and exits 2 when no command is given', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: sanctions-check \[options\] \[command\]/);
    expect(r.stderr).toContain('check [options] <records...>');
    const process = runBundled([]);
    expect(process.status).toBe(2);
    expect(process.stderr).toMatch(/^Usage: sanctions-check/);
  });

  it('lists every input kind in check --help', async () => {
    const r = await runCli(['check', '--help']);
    expect(r.code).toBe(0);
    for (const kind of ['.yaml', '.yml', '.json', '.ndjson', '.jsonl', 'FOLDER', 'cat records.ndjson | sanctions-check check -'])
      expect(r.stdout).toContain(kind);
  });

  it('gives one hint when standard input holds YAML', () => {
    const r = runBundled(['check', '-', '--rules', RULES], { input: readFileSync(RECORDS, 'utf8') });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      '<stdin>:1:1: yaml-on-stdin: this looks like YAML, but standard input takes NDJSON (one JSON record per line); name a YAML file as a path instead\n1 error(s); nothing was written\n',
    );
  });

  it('reads a file named twice (also as ./FILE or through a link) once', async () => {
    const d = tmpDir();
    mkdirSync(path.join(d, 'case'));
    const file = path.join(d, 'case', 'f.yaml');
    writeFileSync(file, readFileSync(RECORDS));
    symlinkSync(file, path.join(d, 'alias.yaml'));
    const once = JSON.parse((await runCli(['check', file, '--rules', RULES, '--format', 'json'])).stdout);
    const r = await runCli([
      'check',
      file,
      file,
      path.join(d, 'case', '.', 'f.yaml'),
      path.join(d, 'alias.yaml'),
      path.join(d, 'case'),
      '--rules',
      RULES,
      '--format',
      'json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const twice = JSON.parse(r.stdout);
    // The arguments are recorded as given; everything else, the inputs read included, is the same.
    expect(twice.manifest.arguments.records).toHaveLength(5);
    delete twice.manifest.arguments;
    delete once.manifest.arguments;
    expect(twice.manifest.inputs).toHaveLength(1);
    expect(twice).toEqual(once);
  });
});
