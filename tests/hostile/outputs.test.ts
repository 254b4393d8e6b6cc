// --output into devices, named pipes and links (all made in a temporary folder): written into or
// followed, never replaced; an output named twice or equal to an input is refused before any work.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, lstatSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleCli } from '../helpers/cli-bundle.js';
import { runCli } from '../helpers/run-cli.js';

const RULES = 'tests/fixtures/core/rules.yaml';
const RECORDS = 'tests/fixtures/core/records.yaml';
const IS_ROOT = process.getuid?.() === 0;

function tmpDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'sc-out-'));
}

/** A character device node in `dir` (root only): null is 1,3 and full is 1,7. */
function device(dir: string, name: 'null' | 'full'): string {
  const file = path.join(dir, name);
  const r = spawnSync('mknod', [file, 'c', '1', name === 'null' ? '3' : '7']);
  expect(r.status, String(r.stderr)).toBe(0);
  return file;
}

function fifo(dir: string, name: string): string {
  const file = path.join(dir, name);
  expect(spawnSync('mkfifo', [file]).status).toBe(0);
  return file;
}

/** Reads a named pipe in another process; resolves with what it read. */
function readPipe(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('cat', [file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (b: Buffer) => (text += b.toString()));
    const timer = setTimeout(() => child.kill(), 20_000);
    child.on('error', reject);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(text);
    });
  });
}

const check = (...extra: string[]) => runCli(['check', RECORDS, '--rules', RULES, ...extra]);

describe.each(['json', 'ndjson'])('--output with --format %s', (format) => {
  it('writes into a character device and leaves it a device (a named pipe with a reader when not root)', async () => {
    const d = tmpDir();
    if (IS_ROOT) {
      const dev = device(d, 'null');
      const r = await check('--format', format, '--output', dev);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      expect(lstatSync(dev).isCharacterDevice()).toBe(true);
      expect(readdirSync(d)).toEqual(['null']);
    } else {
      const pipe = fifo(d, 'null');
      const read = readPipe(pipe);
      const r = await check('--format', format, '--output', pipe);
      expect(r.code).toBe(1);
      expect(await read).toContain('"recordId"');
      expect(lstatSync(pipe).isFIFO()).toBe(true);
    }
  });

  it('fails with one line when the device is full, and leaves it a device', async () => {
    const d = tmpDir();
    // Without root, a link to a named pipe whose reader is gone stands in: the run ends quietly.
    const target = IS_ROOT ? device(d, 'full') : fifo(d, 'full');
    const r = IS_ROOT ? await check('--format', format, '--output', target) : undefined;
    if (r) {
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`error: cannot write ${target}: no space left on device\n`);
      expect(lstatSync(target).isCharacterDevice()).toBe(true);
    } else {
      const read = readPipe(target);
      const w = await check('--format', format, '--output', target);
      expect(w.code).toBe(1);
      expect(await read).toContain('"recordId"');
    }
    expect(readdirSync(d)).toEqual(['full']);
  });

  it('follows a link to a regular file: the link stays, the target is replaced with its permissions kept', async () => {
    const d = tmpDir();
    const target = path.join(d, 'report.json');
    writeFileSync(target, 'old\n');
    chmodSync(target, 0o640);
    const link = path.join(d, 'latest.json');
    symlinkSync('report.json', link);
    const r = await check('--format', format, '--output', link);
    expect(r.code).toBe(1);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toContain('"recordId"');
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readdirSync(d).sort()).toEqual(['latest.json', 'report.json']);
  });

  it('follows a link to a device (or a named pipe) and writes into it', async () => {
    const d = tmpDir();
    const link = path.join(d, 'out.json');
    if (IS_ROOT) {
      const dev = device(d, 'null');
      symlinkSync(dev, link);
      const r = await check('--format', format, '--output', link);
      expect(r.code).toBe(1);
      expect(lstatSync(dev).isCharacterDevice()).toBe(true);
    } else {
      const pipe = fifo(d, 'null');
      symlinkSync(pipe, link);
      const read = readPipe(pipe);
      expect((await check('--format', format, '--output', link)).code).toBe(1);
      expect(await read).toContain('"recordId"');
    }
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(d).sort()).toEqual(['null', 'out.json']);
  });

  it('writes into a named pipe that has a reader', async () => {
    const d = tmpDir();
    const pipe = fifo(d, 'findings');
    const read = readPipe(pipe);
    const r = await check('--format', format, '--output', pipe);
    expect(r.code).toBe(1);
    const text = await read;
    if (format === 'json') expect(JSON.parse(text).findings).toHaveLength(3);
    else expect(text.trim().split('\n')).toHaveLength(3);
    expect(lstatSync(pipe).isFIFO()).toBe(true);
  });

  it('keeps the permissions of a regular file it replaces', async () => {
    const d = tmpDir();
    const out = path.join(d, 'report');
    writeFileSync(out, 'old\n');
    chmodSync(out, 0o600);
    expect((await check('--format', format, '--output', out)).code).toBe(1);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, 'utf8')).toContain('"recordId"');
  });
});

describe('outputs refused before any work', () => {
  it('refuses the same output twice, by name, through ./ or through a link', async () => {
    const d = tmpDir();
    const out = path.join(d, 'r.json');
    writeFileSync(out, 'old\n');
    symlinkSync('r.json', path.join(d, 'alias.json'));
    const twice = await check('--format', 'json', '--output', out, '--format', 'markdown', '--output', out);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe(`error: --output ${out} is given twice\n`);
    const viaLink = await check('--format', 'json', '--output', out, '--format', 'sarif', '--output', path.join(d, 'alias.json'));
    expect(viaLink.code).toBe(2);
    expect(viaLink.stderr).toBe(`error: --output ${path.join(d, 'alias.json')} and --output ${out} are the same file\n`);
    expect(readFileSync(out, 'utf8')).toBe('old\n');
  });

  it('refuses an output that is an input, named or found in a folder', async () => {
    const d = tmpDir();
    const records = path.join(d, 'records.yaml');
    writeFileSync(records, readFileSync(RECORDS));
    const r = await runCli(['check', records, '--rules', RULES, '--format', 'json', '--output', records]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: --output ${records} is an input of this run (${records}); name another file\n`);
    const inFolder = await runCli(['check', d, '--rules', RULES, '--format', 'ndjson', '--output', path.join(d, '.', 'records.yaml')]);
    expect(inFolder.code).toBe(2);
    expect(inFolder.stderr).toContain('is an input of this run');
    const rules = await runCli(['check', records, '--rules', RULES, '--format', 'json', '--output', RULES]);
    expect(rules.code).toBe(2);
    expect(readFileSync(records, 'utf8')).toBe(readFileSync(RECORDS, 'utf8'));
  });

  it('refuses a link to nothing and a looping link with one line', async () => {
    const d = tmpDir();
    symlinkSync(path.join(d, 'gone', 'x.json'), path.join(d, 'dangling.json'));
    symlinkSync('loop.json', path.join(d, 'loop.json'));
    const dangling = await check('--format', 'json', '--output', path.join(d, 'dangling.json'));
    expect(dangling.code).toBe(2);
    expect(dangling.stderr).toBe(
      `error: cannot write ${path.join(d, 'dangling.json')}: it is a symbolic link to ${path.join(d, 'gone', 'x.json')}, which does not exist\n`,
    );
    const loop = await check('--format', 'json', '--output', path.join(d, 'loop.json'));
    expect(loop.code).toBe(2);
    expect(loop.stderr).toContain('too many levels of symbolic links');
    expect(readdirSync(d).sort()).toEqual(['dangling.json', 'loop.json']);
  });

  it('takes - as standard output', async () => {
    const r = await check('--format', 'json', '--output', '-');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings).toHaveLength(3);
  });
});

describe('a device in a folder the user cannot write to', () => {
  it('is written into, with no temporary file needed beside it (as another user when root)', async () => {
    const cli = await bundleCli();
    const d = tmpDir();
    for (const f of [RULES, RECORDS]) copyFileSync(f, path.join(d, path.basename(f)));
    let target: string;
    let read: Promise<string> | undefined;
    if (IS_ROOT) {
      target = path.join(d, 'null');
      expect(spawnSync('mknod', ['-m', '666', target, 'c', '1', '3']).status).toBe(0);
    } else {
      target = fifo(d, 'null');
      read = readPipe(target);
    }
    chmodSync(d, 0o555);
    for (const f of readdirSync(d)) if (f.endsWith('.yaml')) chmodSync(path.join(d, f), 0o444);
    const command = [process.execPath, cli.main, 'check', 'records.yaml', '--rules', 'rules.yaml', '--format', 'json', '--output', target];
    const r = IS_ROOT
      ? spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', ...command], {
          encoding: 'utf8',
          cwd: d,
          timeout: 30_000,
        })
      : spawnSync(command[0]!, command.slice(1), { encoding: 'utf8', cwd: d, timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    if (read) expect(await read).toContain('"findings"');
    expect(readdirSync(d).sort()).toEqual(['null', 'records.yaml', 'rules.yaml']);
    chmodSync(d, 0o755);
  });
});
