// The screen command's inputs, formats and exit codes, and the review findings `check` gives for resembling names.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/pipeline.js';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'screen-cli-'));
const file = (name: string, content: string): string => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('sanctions-check screen', () => {
  it('answers one NDJSON line per query, in input order, best match first; exit 1 on a match', async () => {
    const input = file(
      'q.ndjson',
      [
        { id: 'b', name: 'Moon Jae-in', kind: 'person' },
        { id: 'a', name: "Ch'oe Ch'un-sik", kind: 'person', born: '1954' },
        { id: 'c', name: 'Kum Un San 3', kind: 'vessel' },
      ]
        .map((q) => JSON.stringify(q))
        .join('\n') + '\n',
    );
    const r = await runCli(['screen', '--input', input, '--format', 'ndjson']);
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; matches: { ref: string; decision: string; explanation: string[] }[] });
    expect(lines.map((l) => l.id)).toEqual(['b', 'a', 'c']);
    expect(lines[0]!.matches).toEqual([]);
    expect(lines[1]!.matches[0]).toMatchObject({ ref: 'KPi.013', decision: 'match' });
    expect(lines[1]!.matches[0]!.explanation.length).toBeGreaterThan(1);
    expect(lines[2]!.matches[0]!.ref).toBe('IMO 8705539');
  });

  it('reads CSV with a header, and exits 0 when nothing matches', async () => {
    const input = file('q.csv', 'id,name,kind\n1,Samsung Electronics,organisation\n2,"Ban Ki-moon",person\n');
    const r = await runCli(['screen', '--input', input, '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\r\n')[0]).toBe('id,query,ref,name,matchedName,score,decision,explanation');
  });

  it('names the line and column of bad input and exits 2', async () => {
    const csv = file('bad.csv', 'id,name,kind\n1,Kim,ship\n');
    const r = await runCli(['screen', '--input', csv]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${csv}:2:1`);
    const nd = file('bad.ndjson', '{"id":"1","name":"Kim"}\n{"id": x}\n');
    const r2 = await runCli(['screen', '--input', nd]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain(`${nd}:2:8`);
    expect((await runCli(['screen', 'Kim', '--threshold', '0.5,0.9'])).code).toBe(2);
  });

  it('takes thresholds for match and possible', async () => {
    const strict = await runCli(['screen', 'Namchongnag', '--threshold', '0.99,0.95', '--format', 'json']);
    expect(JSON.parse(strict.stdout).results[0].matches).toEqual([]);
    const loose = await runCli(['screen', 'Namchongnag', '--format', 'json']);
    expect(JSON.parse(loose.stdout).results[0].matches[0].ref).toBe('KPe.004');
  });
});

/** r1 only resembles a listed name (another romanization); r2 is written as listed. */
const RESEMBLING_AND_EXACT = `- id: r1
  type: financial-transfer
  date: 2019-05-01
  parties:
    - { name: "Mun Cheong-cheol", kind: person }
  evidence: { level: reported }
- id: r2
  type: financial-transfer
  date: 2019-05-01
  parties:
    - { name: "MUN CHO'NG-CH'O'L", kind: person }
  evidence: { level: reported }
`;

describe('check with screening', () => {
  it('gives a review finding naming the listed party for a resembling name, and leaves exact matches to the rules', async () => {
    const records = file('records.yaml', RESEMBLING_AND_EXACT);
    const { report } = await runCheck({ records: [records] });
    const screening = report.findings.filter((f) => f.ruleId === 'screening-possible-designated-party');
    expect(screening.map((f) => [f.recordId, f.outcome])).toEqual([['r1', 'review']]);
    expect(screening[0]!.message).toContain('KPi.012');
    expect(screening[0]!.notes.join('\n')).toContain("Cheong = CHO'NG");
    expect(report.findings.some((f) => f.recordId === 'r2' && f.ruleId === 'designated-party-dealings')).toBe(true);
    expect(report.findings.some((f) => f.outcome === 'violation' && f.ruleId.startsWith('screening'))).toBe(false);
  });

  it('--no-screening leaves the review findings out, on the whole-report and the bounded-memory JSON paths, and keeps exact matches', async () => {
    const records = file('no-screening.yaml', RESEMBLING_AND_EXACT);
    type Out = { findings: { recordId: string; ruleId: string }[] };
    const ruleIds = (r: { stdout: string }) => (JSON.parse(r.stdout) as Out).findings.map((f) => `${f.recordId} ${f.ruleId}`);
    for (const formats of [
      ['--format', 'json'],
      ['--format', 'json', '--format', 'text', '--output', '-', '--output', path.join(dir, 'no-screening.txt')],
    ]) {
      const on = await runCli(['check', records, ...formats, '--fail-on', 'none']);
      const off = await runCli(['check', records, ...formats, '--fail-on', 'none', '--no-screening']);
      expect(on.code).toBe(0);
      expect(off.code).toBe(0);
      expect(ruleIds(on)).toContain('r1 screening-possible-designated-party');
      expect(ruleIds(off).filter((x) => x.includes('screening'))).toEqual([]);
      expect(ruleIds(off)).toContain('r2 designated-party-dealings');
      expect(ruleIds(off)).toEqual(ruleIds(on).filter((x) => !x.includes('screening')));
    }
    expect((await runCli(['check', '--help'])).stdout).toContain('--no-screening');
  });

  it('gives the same findings, screening ones included, in --format ndjson and in the reports, from YAML or NDJSON', async () => {
    const yamlFile = file('paths.yaml', RESEMBLING_AND_EXACT);
    const { report } = await runCheck({ records: [yamlFile] });
    const expected = report.findings.map((f) => `${f.recordId} ${f.ruleId}`);
    expect(expected).toContain('r1 screening-possible-designated-party');
    // the same records as NDJSON, many times over
    const lines: string[] = [];
    for (let i = 0; i < 100; i++)
      for (const r of report.activities)
        lines.push(
          JSON.stringify({
            id: `${r.id}-${i}`,
            type: 'financial-transfer',
            date: '2019-05-01',
            parties: r.parties.map((p) => ({ name: p.name, kind: 'person' })),
            evidence: { level: 'reported' },
          }),
        );
    const ndjsonFile = file('paths.ndjson', lines.join('\n') + '\n');
    const byRecord = (ids: string[]) => ids.filter((x) => x.startsWith('r1-7 ') || x.startsWith('r2-7 ')).map((x) => x.replace('-7 ', ' '));
    const ndjsonIds = (stdout: string) =>
      stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { recordId: string; ruleId: string })
        .map((f) => `${f.recordId} ${f.ruleId}`);
    const jsonIds = (stdout: string) =>
      (JSON.parse(stdout) as { findings: { recordId: string; ruleId: string }[] }).findings.map((f) => `${f.recordId} ${f.ruleId}`);
    expect(ndjsonIds((await runCli(['check', yamlFile, '--format', 'ndjson', '--fail-on', 'none'])).stdout)).toEqual(expected);
    const runs: string[][] = [];
    for (const workers of ['1']) {
      const ndjson = await runCli(['check', ndjsonFile, '--format', 'ndjson', '--fail-on', 'none', '--workers', workers]);
      const json = await runCli(['check', ndjsonFile, '--format', 'json', '--fail-on', 'none', '--workers', workers]);
      expect(ndjson.code).toBe(0);
      expect(json.code).toBe(0);
      expect(byRecord(ndjsonIds(ndjson.stdout))).toEqual(expected);
      runs.push(ndjsonIds(ndjson.stdout), jsonIds(json.stdout));
    }
    for (const r of runs) expect(r).toEqual(runs[0]);
    expect(runs[0]!.filter((x) => x.includes('screening'))).toHaveLength(100);
  });
});
