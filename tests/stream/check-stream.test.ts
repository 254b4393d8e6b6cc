// Streaming input: NDJSON read chunk by chunk gives what reading the whole file gives; invalid
// lines, duplicates, long lines and bad bytes are reported with their line; findings come out in
// input order; the id table and the output sinks behave.
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeGenerator } from '../../bench/generate.mjs';
import { run } from '../../src/cli/run.js';
import { evaluateRecords } from '../../src/evaluate/evaluate-records.js';
import { loadRecords } from '../../src/load/load-records.js';
import { loadRules } from '../../src/load/load-rules.js';
import { streamCheck, type StreamCheckOptions } from '../../src/stream/check-stream.js';
import { createChunkProcessor } from '../../src/stream/chunk-processor.js';
import { IdTable } from '../../src/load/id-table.js';
import { IdPacker, idAt, idStart } from '../../src/load/packed-ids.js';
import { lineChunks } from '../../src/stream/line-chunks.js';
import { streamSink } from '../../src/cli/ndjson-output.js';
import { formatProgress, progressReporter } from '../../src/cli/progress.js';
import type { Finding, RuleSet } from '../../src/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const RULES = path.join(here, '..', 'fixtures', 'scale', 'rules');
let rules: RuleSet;
let dir: string;

/** Records from the benchmark's generator, with the DPRK in many of them so that rules fire. */
function records(count: number, seed = 7): Record<string, unknown>[] {
  const next = makeGenerator(seed);
  return Array.from({ length: count }, (_, i) => {
    const r = next(i + 1);
    if (i % 5 === 0) (r.parties as { country?: string }[])[0]!.country = 'KP';
    return r;
  });
}

const ndjson = (list: unknown[]) => list.map((r) => JSON.stringify(r)).join('\n') + '\n';

function write(name: string, text: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function check(inputs: string[], extra: Partial<StreamCheckOptions> = {}) {
  return streamCheck({ inputs, rules, workers: 1, ...extra });
}

let shipped: RuleSet;

beforeAll(() => {
  shipped = loadRules([path.join(here, '..', '..', 'rules')]).value;
  const r = loadRules([RULES]);
  expect(r.diagnostics).toEqual([]);
  rules = r.value;
  dir = mkdtempSync(path.join(tmpdir(), 'sanctions-stream-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('streaming NDJSON', () => {
  it('finds what loading the whole file and json-rules-engine find, in the same order', async () => {
    const list = records(3000);
    // Lines that are blank as trim() sees them, whatever their characters.
    const file = write('same.ndjson', ndjson(list).replace('\n', '\n\u00a0\n\t \n\ufeff\n'));
    const whole = loadRecords([file]);
    expect(whole.diagnostics).toEqual([]);
    const want = await evaluateRecords(whole.value.records, rules, { engine: 'plain' });
    expect(want.length).toBeGreaterThan(50);
    const got = await check([file]);
    expect(got.errors).toBe(0);
    expect(got.recordCount).toBe(3000);
    expect(JSON.stringify(got.findings)).toBe(JSON.stringify(want));
    const plain = await check([file], { engine: 'plain' });
    expect(JSON.stringify(plain.findings)).toBe(JSON.stringify(want));
  });

  it('reads the same lines however the input is cut into pieces', async () => {
    const list = records(60);
    // Multi-byte characters, CRLF endings, blank lines and a byte-order mark at the start.
    list[3]!.summary = 'Nampo — 南浦 port 🚢';
    const text = '\ufeff' + list.map((r, i) => JSON.stringify(r) + (i % 7 === 0 ? '\r\n\n' : '\n')).join('');
    const bytes = Buffer.from(text, 'utf8');
    const want = await check(['-'], { stdin: { stream: Readable.from([bytes]) } });
    expect(want.errors).toBe(0);
    expect(want.recordCount).toBe(60);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), async (cuts) => {
        const at = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        const pieces = at.slice(1).map((end, i) => bytes.subarray(at[i], end));
        const got = await check(['-'], { stdin: { stream: Readable.from(pieces) } });
        expect(got.errors).toBe(0);
        expect(JSON.stringify(got.findings)).toBe(JSON.stringify(want.findings));
      }),
      { seed: 5, numRuns: 40 },
    );
  });

  it('numbers lines across pieces, with an offset for shards, and names standard input', async () => {
    const lines: string[] = [];
    for await (const c of lineChunks(Readable.from([Buffer.from('a\nb'), Buffer.from('c\n\nd\ne')]))) {
      if (c.kind === 'lines') lines.push(`${c.firstLine}:${Buffer.from(c.bytes).toString()}`);
    }
    expect(lines).toEqual(['1:a\n', '2:bc\n\nd\n', '5:e']);
    const list = records(20);
    const got = await check(['-'], { stdin: { stream: Readable.from([ndjson(list)]), name: 'all.ndjson' }, lineOffset: 1000 });
    expect(got.findings.length).toBeGreaterThan(0);
    for (const f of got.findings) {
      expect(f.location.file).toBe('all.ndjson');
      expect(f.location.line).toBe(1000 + Number(f.recordId.slice(1)));
    }
  });

  it('reports invalid lines with their line number and stops findings at the first error', async () => {
    const list = records(200);
    const lines = list.map((r) => JSON.stringify(r));
    lines[99] = '{"id": "broken", "type": ';
    lines[149] = JSON.stringify({ ...list[149], type: 'smuggling' });
    const file = write('invalid.ndjson', lines.join('\n') + '\n');
    const got = await check([file]);
    expect(got.errors).toBe(2);
    expect(got.diagnostics.map((d) => [d.code, d.location.line, d.severity])).toEqual([
      ['invalid-json', 100, 'error'],
      ['invalid-value', 150, 'error'],
    ]);
    expect(got.findings.length).toBeGreaterThan(0);
    expect(Math.max(...got.findings.map((f) => f.location.line))).toBeLessThan(100);
  });

  it('with skipInvalid, reports and counts invalid lines as warnings and goes on', async () => {
    const list = records(200);
    const lines = list.map((r) => JSON.stringify(r));
    lines[99] = 'not json';
    lines[149] = JSON.stringify({ ...list[149], type: 'smuggling' });
    const file = write('skip.ndjson', lines.join('\n') + '\n');
    const got = await check([file], { skipInvalid: true });
    expect(got.errors).toBe(0);
    expect(got.records.skipped).toBe(2);
    expect(got.recordCount).toBe(198);
    expect(got.diagnostics.every((d) => d.severity === 'warning' && d.message.endsWith('(record skipped)'))).toBe(true);
    expect(got.diagnostics.map((d) => d.location.line)).toEqual([100, 150]);
    const whole = await check([write('skip-clean.ndjson', lines.filter((_, i) => i !== 99 && i !== 149).join('\n'))]);
    expect(got.findings.map((f) => f.recordId)).toEqual(whole.findings.map((f) => f.recordId));
  });

  it('finds duplicate ids across lines and files, YAML and NDJSON, and skips them when asked', async () => {
    const list = records(50);
    const a = write('a.ndjson', ndjson([...list.slice(0, 30), { ...list[30], id: list[5]!.id }]));
    const b = write('b.yaml', `- ${JSON.stringify({ ...list[31], id: list[7]!.id })}\n`);
    const c = write(
      'c.ndjson',
      ndjson([
        { ...list[32], id: list[31]!.id },
        { ...list[33], id: list[7]!.id },
      ]),
    );
    const got = await check([a, b, c]);
    const dups = got.diagnostics.filter((d) => d.code === 'duplicate-record-id');
    expect(
      dups.map((d) => `${path.basename(d.location.file)}:${d.location.line} ${d.message.replace(dir + '/', '').replace(/[^ ]*\//g, '')}`),
    ).toEqual([
      `a.ndjson:31 record id '${list[5]!.id}' is already used at a.ndjson:6`,
      `b.yaml:1 record id '${list[7]!.id}' is already used at a.ndjson:8`,
      `c.ndjson:2 record id '${list[7]!.id}' is already used at a.ndjson:8`,
    ]);
    const skipped = await check([a, b, c], { skipInvalid: true });
    expect(skipped.errors).toBe(0);
    expect(skipped.records.skipped).toBe(3);
    expect(skipped.recordCount).toBe(31);
  });

  it('says so when an NDJSON input holds no record, as for files read whole', async () => {
    const file = write('blank.ndjson', '\n  \n\r\n');
    const got = await check([file, '-'], { stdin: { stream: Readable.from([]), name: 'piped' } });
    expect(got.diagnostics.map((d) => `${path.basename(d.location.file)}:${d.location.line} ${d.code} ${d.message}`)).toEqual([
      'blank.ndjson:1 empty-file holds no records',
      'piped:1 empty-file holds no records',
    ]);
    expect(got.errors).toBe(2);
  });

  it('lists at most 500 problems of a file, and counts the rest, as for other files', async () => {
    const file = write('many-bad.ndjson', Array.from({ length: 2000 }, (_, i) => `{"id":"r${i}"}`).join('\n'));
    const got = await check([file]);
    expect(got.diagnostics).toHaveLength(501);
    const last = got.diagnostics[500]!;
    // Three problems a line (no type, date or evidence): the 501st is the third of line 167.
    expect([last.code, last.location.line]).toEqual(['too-many-problems', 167]);
    expect(last.message).toBe('5500 more errors in this file from here on are not listed');
    expect(got.errors).toBe(6000);
    const skipped = await check([file], { skipInvalid: true });
    expect(skipped.records.skipped).toBe(2000);
    expect(skipped.diagnostics.at(-1)!.severity).toBe('warning');
  });

  it('refuses a line longer than the limit and bytes that are not UTF-8, each on its line', async () => {
    const text = `{"a":1}\n{"id":"${'x'.repeat(64)}"}\n{"b":2}\n`;
    const sixteen = Array.from({ length: Math.ceil(text.length / 16) }, (_, i) => Buffer.from(text.slice(i * 16, i * 16 + 16)));
    const pieces: string[] = [];
    for await (const c of lineChunks(Readable.from(sixteen), 40)) {
      pieces.push(c.kind === 'too-long' ? `too-long ${c.line}` : `lines ${c.firstLine} ${Buffer.from(c.bytes).toString().trim()}`);
    }
    expect(pieces).toEqual(['lines 1 {"a":1}', 'too-long 2', 'lines 3 {"b":2}']);
    const list = records(5).map((r) => JSON.stringify(r));
    const bad = Buffer.concat([Buffer.from('{"id":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
    const input = Buffer.concat([Buffer.from(list[0] + '\n'), bad, Buffer.from('\n' + list[1] + '\n')]);
    const got = await check(['-'], { stdin: { stream: Readable.from([input]) } });
    expect(got.recordCount).toBe(2);
    expect(got.diagnostics.map((d) => [d.code, d.location])).toEqual([['invalid-utf8', { file: '<stdin>', line: 2, column: 11 }]]);
  });
});

describe('chunks processed with the engine left to another thread', () => {
  it('give the same findings once completed, in the same order, also with completions between chunks', async () => {
    const text = ndjson(records(3_000, 11));
    const task = (from: number, to: number) => {
      const lines = text.split('\n').slice(from, to);
      return { file: 'records.ndjson', firstLine: from + 1, bytes: new Uint8Array(Buffer.from(lines.join('\n') + '\n')) };
    };
    const direct = createChunkProcessor(shipped);
    const deferred = createChunkProcessor(shipped, { deferEngine: true });
    const completer = createChunkProcessor(shipped);
    const want: Finding[] = [];
    const got: Finding[] = [];
    for (let from = 0; from < 3_000; from += 500) {
      const plain = await direct.process(task(from, from + 500));
      want.push(...plain.findings);
      const r = await deferred.process(task(from, from + 500));
      expect(r.findings).toEqual([]);
      expect(r.matches!.length).toBeGreaterThan(0);
      // The completing thread checks a chunk of its own between two completions, as a run does.
      await completer.process(task(2_500, 3_000));
      await completer.complete(r);
      expect(r.matches).toBeUndefined();
      got.push(...r.findings);
    }
    expect(want.length).toBeGreaterThan(100);
    expect(JSON.stringify(got)).toBe(JSON.stringify(want));
  });
});

describe('the id table', () => {
  it('holds what a Set holds, and says where each repeat was first seen', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'binary', maxLength: 12 }), fc.nat({ max: 3 })), { maxLength: 3000 }), (adds) => {
        const table = new IdTable();
        const first = new Map<string, { file: number; line: number }>();
        adds.forEach(([id, file], line) => {
          const got = table.add(id, file, line + 1);
          const want = first.get(id);
          expect(got).toEqual(want);
          if (!want) first.set(id, { file, line: line + 1 });
        });
        expect(table.size).toBe(first.size);
      }),
      { seed: 3, numRuns: 60 },
    );
  });

  it('takes ids packed in code units as it takes strings', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { maxLength: 600 }), (list) => {
        const packer = new IdPacker();
        for (const id of list) packer.push(id);
        const ids = packer.finish();
        expect(list.map((_, i) => idAt(ids, i))).toEqual(list);
        const byString = new IdTable();
        const byCodes = new IdTable();
        list.forEach((id, i) => {
          expect(byCodes.addCodes(ids.codes, idStart(ids, i), ids.ends[i]!, 0, i + 1)).toEqual(byString.add(id, 0, i + 1));
        });
        expect(byCodes.size).toBe(byString.size);
      }),
      { seed: 5, numRuns: 60 },
    );
  });

  it('grows to a million ids', () => {
    const table = new IdTable();
    let repeats = 0;
    for (let i = 0; i < 1_000_000; i++) if (table.add(`r${i}`, i >> 18, i + 1)) repeats++;
    expect(repeats).toBe(0);
    expect(table.add('r999999', 9, 1)).toEqual({ file: 3, line: 1_000_000 });
    expect(table.add('r0', 9, 1)).toEqual({ file: 0, line: 1 });
    expect(table.size).toBe(1_000_000);
  });
});

describe('output', () => {
  it("writes NDJSON findings that are the JSON report's findings, one per line", async () => {
    const file = write('cli.ndjson', ndjson(records(300)));
    const out = (io: { stdout: string; stderr: string }) => ({
      stdout: { write: (s: string) => (io.stdout += s) },
      stderr: { write: (s: string) => (io.stderr += s) },
      env: {},
    });
    const a = { stdout: '', stderr: '' };
    const b = { stdout: '', stderr: '' };
    const codeA = await run(['check', file, '--rules', RULES, '--format', 'ndjson'], out(a));
    const codeB = await run(['check', file, '--rules', RULES, '--format', 'json'], out(b));
    expect(codeA).toBe(codeB);
    const report = JSON.parse(b.stdout) as { findings: Finding[] };
    expect(report.findings.length).toBeGreaterThan(10);
    expect(a.stdout).toBe(report.findings.map((f) => JSON.stringify(f) + '\n').join(''));
    expect(a.stderr).toBe('');
  });

  it('fails with exit 2 on invalid input, and names the line', async () => {
    const lines = records(10).map((r) => JSON.stringify(r));
    lines[4] = '{';
    const file = write('cli-bad.ndjson', lines.join('\n'));
    const io = { stdout: '', stderr: '' };
    const code = await run(['check', file, '--rules', RULES, '--format', 'ndjson'], {
      stdout: { write: (s: string) => (io.stdout += s) },
      stderr: { write: (s: string) => (io.stderr += s) },
      env: {},
    });
    expect(code).toBe(2);
    expect(io.stderr).toMatch(/cli-bad\.ndjson:5:\d+: invalid-json: /);
    expect(io.stderr).toMatch(/1 error\(s\)/);
  });

  it('waits for a slow reader and stops when it goes away', async () => {
    const writes: string[] = [];
    const listeners: Record<string, (() => void)[]> = {};
    const out = {
      write: (s: string) => {
        writes.push(s);
        return false;
      },
      once: (e: string, cb: () => void) => void (listeners[e] ??= []).push(cb),
      on: (e: string, cb: (err: Error) => void) => void (listeners[e] ??= []).push(() => cb(new Error('EPIPE'))),
    };
    const sink = streamSink(out);
    sink.write('x'.repeat(70_000));
    let drained = false;
    const p = sink.drained().then(() => (drained = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(drained).toBe(false);
    listeners.drain!.shift()!();
    await p;
    expect(writes.join('').length).toBe(70_000);
    listeners.error![0]!();
    expect(sink.broken).toBe(true);
  });

  it('formats progress with a share and the time left when the size is known', () => {
    expect(formatProgress({ records: 150_000, bytes: 250, totalBytes: 1000 }, 3)).toBe('150,000 records, 50,000 records/s, 25%, 0:09 left');
    expect(formatProgress({ records: 10, bytes: 5 }, 0)).toBe('10 records, 0 records/s');
  });

  it('draws its first line a full interval after the first records, with their rate over that time', () => {
    let clock = 0;
    const lines: string[] = [];
    const progress = progressReporter({ write: (s) => lines.push(s), isTTY: true }, () => clock);
    clock = 5_000; // the rules took five seconds to load
    progress.update({ records: 400, bytes: 1 });
    clock = 5_050;
    progress.update({ records: 800, bytes: 2 });
    expect(lines).toEqual([]);
    clock = 5_200;
    progress.update({ records: 2_000, bytes: 3 });
    expect(lines).toEqual(['\r\x1b[K2,000 records, 10,000 records/s']);
    progress.done();
    expect(lines.at(-1)).toBe('\r\x1b[K');
  });
});
