// Checks a report against its manifest: the files it names, hashed again, and its findings,
// compared with those of a fresh run.
import { diagnostic } from '../diagnostics/diagnostic.js';
import { InputError } from '../diagnostics/input-error.js';
import { parseJsonFile } from '../load/parse-json-file.js';
import { displayPath } from '../load/input-paths.js';
import { readTextFile } from '../load/text-file.js';
import type { Finding, RunManifest } from '../types.js';
import { hashFile } from './file-hash.js';
import { setHash } from './manifest.js';

export interface ReportToVerify {
  manifest: RunManifest;
  findings: Finding[];
}

/** Reads a JSON report with its manifest; located errors when it is not one. */
export function readReportToVerify(file: string): ReportToVerify {
  const shown = displayPath(file);
  const { text, diagnostics } = readTextFile(file, shown);
  if (text === undefined) throw new InputError(diagnostics);
  const value = parseJsonFile(text, shown);
  const v = value as Partial<ReportToVerify> | null;
  const m = v?.manifest;
  const ok =
    m &&
    typeof m === 'object' &&
    Array.isArray(v.findings) &&
    m.arguments &&
    Array.isArray(m.arguments.records) &&
    Array.isArray(m.arguments.rules) &&
    m.ruleSet &&
    Array.isArray(m.ruleSet.files) &&
    Array.isArray(m.inputs) &&
    Array.isArray(m.designationLists) &&
    m.options &&
    typeof m.options === 'object';
  if (!ok) {
    throw new InputError([
      diagnostic('no-manifest', 'not a JSON report with a run manifest (write one with `check --format json`)', {
        file: shown,
        line: 1,
        column: 1,
      }),
    ]);
  }
  if (m.inputs.some((f) => f.path === '-')) {
    throw new InputError([
      diagnostic('no-manifest', 'the report was made from standard input, which cannot be read again', { file: shown, line: 1, column: 1 }),
    ]);
  }
  return { manifest: m, findings: v.findings as Finding[] };
}

/** One line for each file the manifest names whose content is not what it was (or is gone). */
export function changedFiles(manifest: RunManifest): string[] {
  const out: string[] = [];
  const check = (what: string, p: string, sha256: string) => {
    const now = hashFile(p);
    if (!now) out.push(`${p}: ${what} cannot be read`);
    else if (now.sha256 !== sha256) out.push(`${p}: ${what} differs (SHA-256 was ${sha256.slice(0, 12)}…, is ${now.sha256.slice(0, 12)}…)`);
  };
  for (const f of manifest.ruleSet.files) check('rule file', f.path, f.sha256);
  for (const l of manifest.designationLists) check('designation list', l.path, l.sha256);
  for (const f of manifest.inputs) check('input', f.path, f.sha256);
  if (manifest.options.dispositions) check('dispositions file', manifest.options.dispositions.path, manifest.options.dispositions.sha256);
  if (manifest.options.baseline) check('baseline', manifest.options.baseline.path, manifest.options.baseline.sha256);
  return out;
}

/** Rule files and inputs added to or removed from the run since the report (a folder may hold new files). */
export function ruleSetChanges(before: RunManifest, now: RunManifest): string[] {
  const out: string[] = [];
  const compare = (was: readonly { path: string }[], is: readonly { path: string }[], what: string) => {
    const a = new Set(was.map((f) => f.path));
    const b = new Set(is.map((f) => f.path));
    for (const p of b) if (!a.has(p)) out.push(`${p}: ${what} added since the report`);
    for (const p of a) if (!b.has(p)) out.push(`${p}: ${what} no longer read`);
  };
  compare(before.ruleSet.files, now.ruleSet.files, 'rule file');
  compare(before.designationLists, now.designationLists, 'designation list');
  compare(before.inputs, now.inputs, 'input');
  if (out.length === 0 && setHash(before.ruleSet.files) !== before.ruleSet.sha256)
    out.push("the manifest's rule-set hash does not match its own files");
  return out;
}

const key = (f: Finding) => `${f.recordId}\u0000${f.ruleId}`;

/** How two runs' findings differ: empty when identical. */
export function compareFindings(before: readonly Finding[], now: readonly Finding[]): string[] {
  const out: string[] = [];
  const was = new Map(before.map((f) => [key(f), f]));
  const is = new Map(now.map((f) => [key(f), f]));
  for (const [k, f] of is) {
    const old = was.get(k);
    if (!old) out.push(`new finding: ${f.recordId} / ${f.ruleId} (${f.outcome})`);
    else if (JSON.stringify(old) !== JSON.stringify(f)) {
      const fields = [...new Set([...Object.keys(old), ...Object.keys(f)])].filter(
        (k) =>
          JSON.stringify((old as unknown as Record<string, unknown>)[k]) !== JSON.stringify((f as unknown as Record<string, unknown>)[k]),
      );
      const what =
        old.outcome !== f.outcome
          ? `outcome ${old.outcome} → ${f.outcome}`
          : old.fingerprint !== f.fingerprint
            ? 'fingerprint changed: a fact the rule reads is different'
            : fields.length === 1 && fields[0] === 'location'
              ? `moved from line ${old.location.line} to line ${f.location.line}`
              : `${fields.join(', ')} changed`;
      out.push(`changed finding: ${f.recordId} / ${f.ruleId} (${what})`);
    }
  }
  for (const [k, f] of was) if (!is.has(k)) out.push(`finding gone: ${f.recordId} / ${f.ruleId} (${f.outcome})`);
  if (out.length === 0 && JSON.stringify(before) !== JSON.stringify(now)) out.push('the findings are in a different order');
  return out;
}
