// `draft` on the command line, and `check` on its output: drafts are refused, or checked and labelled.
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const ARTICLE = 'cases/2023-11-dprk-russia-commission/article.txt';

describe('sanctions-check draft', () => {
  const dir = mkdtempSync(join(tmpdir(), 'drafts-'));
  const out = join(dir, 'drafts.yaml');

  it('writes a records file of drafts, the same for the same article', async () => {
    const a = await runCli(['draft', ARTICLE, '--date', '2023-11-16', '--output', out]);
    expect(a.code).toBe(0);
    expect(a.stderr).toMatch(/^\d+ draft record\(s\) written to /);
    const text = readFileSync(out, 'utf8');
    const b = await runCli(['draft', ARTICLE, '--date', '2023-11-16']);
    const c = await runCli(['draft', ARTICLE, '--date', '2023-11-16']);
    expect(c.stdout).toBe(b.stdout);
    // The file holds the article's path as seen from where it is written; the rest is the same.
    const withoutPath = (s: string) => s.replace(/file: "[^"]*article\.txt"/, 'file: ""');
    expect(withoutPath(b.stdout)).toBe(withoutPath(text));
    const doc = parse(text) as {
      records: {
        status: string;
        draft: { undetermined: string[] };
        evidence: { sources: { quote: string; start: number; end: number }[] };
      }[];
    };
    const article = readFileSync(ARTICLE, 'utf8');
    expect(doc.records.length).toBeGreaterThan(5);
    for (const r of doc.records) {
      expect(r.status).toBe('draft');
      expect(r.draft.undetermined.length).toBeGreaterThan(0);
      for (const s of r.evidence.sources) expect(article.slice(s.start, s.end)).toBe(s.quote);
    }
  });

  it('check refuses the drafts, naming --include-drafts, and writes nothing', async () => {
    const report = join(dir, 'report.json');
    const r = await runCli(['check', out, '--format', 'json', '--output', report]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /drafts\.yaml:\d+:\d+: draft-record: record 'draft-[a-z-]+-1' is a draft \(status: draft\): .*--include-drafts/,
    );
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(existsSync(report)).toBe(false);
    // Streamed to NDJSON, a YAML file of drafts is refused before any finding is written.
    const streamed = await runCli(['check', dir, '--format', 'ndjson']);
    expect(streamed.code).toBe(2);
    expect(streamed.stdout).toBe('');
    expect(streamed.stderr).toMatch(/draft-record: .*--include-drafts/);
  });

  it('with --include-drafts, checks them and labels every finding as a draft in every format', async () => {
    for (const format of ['text', 'json', 'markdown', 'html', 'sarif', 'junit', 'ndjson']) {
      const r = await runCli(['check', out, '--include-drafts', '--fail-on', 'none', '--format', format]);
      expect(r.code, format).toBe(0);
      expect(r.stdout, format).toContain('DRAFT (unreviewed record)');
    }
    const json = JSON.parse((await runCli(['check', out, '--include-drafts', '--fail-on', 'none', '--format', 'json'])).stdout) as {
      findings: { draft?: boolean }[];
    };
    expect(json.findings.length).toBeGreaterThan(0);
    expect(json.findings.every((f) => f.draft === true)).toBe(true);
  });

  it('a reviewed record is checked as any other', async () => {
    const reviewed = readFileSync(out, 'utf8').replaceAll('status: "draft"', 'status: "reviewed"');
    const file = join(dir, 'reviewed.yaml');
    writeFileSync(file, reviewed);
    const r = await runCli(['check', file, '--fail-on', 'none', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('DRAFT');
  });

  it('streamed to NDJSON, refuses a draft whose status is spelt with escapes, and checks a file without drafts', async () => {
    const record = {
      id: 'esc-1',
      type: 'meeting',
      date: '2023-11-14',
      parties: [{ name: 'A', country: 'KP', role: 'partner' }],
      evidence: { level: 'reported' },
    };
    const json = join(dir, 'escaped.json');
    writeFileSync(json, JSON.stringify([{ ...record, status: 'STATUS' }]).replace('"STATUS"', '"\\u0064raft"'));
    const yaml = join(dir, 'escaped.yaml');
    writeFileSync(yaml, `- id: esc-2\n  type: meeting\n  date: "2023-11-14"\n  status: "dr\\x61ft"\n  evidence: {level: reported}\n`);
    for (const [file, id] of [
      [json, 'esc-1'],
      [yaml, 'esc-2'],
    ] as const) {
      const r = await runCli(['check', file, '--format', 'ndjson']);
      expect(r.code, file).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`draft-record: record '${id}' is a draft`);
    }
    const plain = join(dir, 'plain.json');
    writeFileSync(plain, JSON.stringify([record]));
    const ok = await runCli(['check', plain, '--format', 'ndjson', '--fail-on', 'none']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).not.toContain('draft-record');
  });

  it('needs a date: from the Date: line or --date, and says so', async () => {
    const noDate = join(dir, 'no-date.txt');
    writeFileSync(noDate, 'North Korea launched a missile on Tuesday.\n');
    const r = await runCli(['draft', noDate]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--date YYYY-MM-DD');
    const badDate = join(dir, 'bad-date.txt');
    writeFileSync(badDate, 'Title: T\nDate: 2023-02-30\n\nNorth Korea launched a missile on Tuesday.\n');
    const b = await runCli(['draft', badDate]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/bad-date\.txt:2:7: invalid-date:/);
    const withHeader = join(dir, 'header.txt');
    writeFileSync(
      withHeader,
      'Title: Launch\nOutlet: Example News\nDate: 2023-11-16\n\nNorth Korea launched a ballistic missile on Tuesday, the military said.\n',
    );
    const ok = await runCli(['draft', withHeader]);
    expect(ok.code).toBe(0);
    const doc = parse(ok.stdout) as { sources: { publisher: string }[]; records: { type: string; date: string }[] };
    expect(doc.sources[0]!.publisher).toBe('Example News');
    expect(doc.records[0]).toMatchObject({ type: 'launch', date: '2023-11-14' });
  });

  it('finds designated parties with the shipped 1718 list, in any spelling the screening matcher accepts', async () => {
    const dir2 = mkdtempSync(join(tmpdir(), 'drafts-list-'));
    const file = join(dir2, 'listed.txt');
    writeFileSync(file, "Date: 2024-03-10\n\nTanch'on Commercial Bank received the proceeds of coal exports last month.\n");
    const r = await runCli(['draft', file]);
    expect(r.code).toBe(0);
    const doc = parse(r.stdout) as { records: { parties?: { name: string; identifiers?: { unRef?: string } }[] }[] };
    expect(doc.records.flatMap((x) => x.parties ?? [])).toContainEqual(
      expect.objectContaining({ name: "Tanch'on Commercial Bank", identifiers: { unRef: 'KPe.003' } }),
    );
  });

  it('check --format ndjson refuses drafts inside NDJSON files too, on their lines, unless --include-drafts', async () => {
    const dir3 = mkdtempSync(join(tmpdir(), 'drafts-ndjson-'));
    const doc = parse(readFileSync(out, 'utf8')) as { records: Record<string, unknown>[] };
    const reviewed = { ...doc.records[0]!, id: 'reviewed-one', status: 'reviewed' };
    const lines = [reviewed, doc.records[0], doc.records[1]].map((r) => {
      const { draft: _note, ...rest } = r as Record<string, unknown>;
      // the source is the file's own in YAML; NDJSON records stand alone
      const ev = rest.evidence as { sources: Record<string, unknown>[] };
      return JSON.stringify({
        ...rest,
        evidence: { ...ev, sources: ev.sources.map(({ ref: _r, start: _s, end: _e, ...src }) => ({ ...src, publisher: 'Example' })) },
      });
    });
    const file = join(dir3, 'drafts.ndjson');
    writeFileSync(file, lines.join('\n') + '\n');
    const first = (doc.records[0] as { id: string }).id;
    for (const extra of [[], ['--skip-invalid'], ['--workers', '2']]) {
      const r = await runCli(['check', file, '--format', 'ndjson', ...extra]);
      expect(r.code, extra.join(' ')).toBe(2);
      expect(r.stderr).toContain(`drafts.ndjson:2:1: draft-record: record '${first}' is a draft (status: draft): `);
      expect(r.stderr).toMatch(/drafts\.ndjson:3:1: draft-record: .*--include-drafts/);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    }
    // Written to a file, nothing is written at all.
    const target = join(dir3, 'findings.ndjson');
    const w = await runCli(['check', file, '--format', 'ndjson', '--output', target]);
    expect(w.code).toBe(2);
    expect(existsSync(target)).toBe(false);
    const ok = await runCli(['check', file, '--format', 'ndjson', '--include-drafts', '--fail-on', 'none']);
    expect(ok.code, ok.stderr).toBe(0);
    const findings = ok.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { draft?: boolean; message: string; location: { line: number } });
    expect(findings.some((f) => f.draft === true && f.message.startsWith('DRAFT (unreviewed record)'))).toBe(true);
    expect(findings.filter((f) => f.location.line === 1).every((f) => f.draft === undefined)).toBe(true);
  });
});
