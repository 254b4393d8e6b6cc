// The run manifest: the tool, the rule files, the designation lists, the inputs (each with its
// SHA-256) and the options that change results, so that a report can be re-run and checked.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expandPaths, realPath } from '../load/input-paths.js';
import { RECORD_EXTENSIONS } from '../load/load-records.js';
import type { ManifestFile, RunManifest } from '../types.js';
import { TOOL } from '../version.js';
import { manifestFile, manifestPath, sha256Text } from './file-hash.js';

export interface ManifestInput {
  /** Record paths as given (files, folders or `-`). */
  records: readonly string[];
  /** Rule paths as given; empty for the shipped rules. */
  rules: readonly string[];
  /** The folders or files the rules were actually read from. */
  ruleRoots: readonly string[];
  skipInvalid: boolean;
  asOf?: string;
  dispositions?: string;
  baseline?: string;
  /** The day dispositions' expiry dates were compared with (only with dispositions). */
  expiryDay?: string;
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** One hash over a set of files: each file's path and SHA-256, one per line, in path order. */
export function setHash(files: readonly ManifestFile[]): string {
  return sha256Text(
    [...files]
      .sort(byPath)
      .map((f) => `${f.path}\t${f.sha256}\n`)
      .join(''),
  );
}

function listInfo(file: string): { list: string; title: string; date: string } {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as { list?: unknown; title?: unknown; date?: unknown };
    const s = (x: unknown) => (typeof x === 'string' ? x : '');
    return { list: s(v.list), title: s(v.title) || s(v.list), date: s(v.date) };
  } catch {
    return { list: '', title: '', date: '' };
  }
}

export function buildManifest(input: ManifestInput): RunManifest {
  const rules = expandPaths(input.ruleRoots, {
    extensions: ['.yaml', '.yml', '.json'],
    recursive: true,
    what: 'rule files',
    allowEmpty: true,
  }).files;
  const ruleFiles: ManifestFile[] = [];
  const lists: RunManifest['designationLists'] = [];
  for (const abs of rules) {
    const isList = abs.toLowerCase().endsWith('.json');
    if (isList && path.basename(path.dirname(abs)) !== 'lists') continue;
    const entry = manifestFile(abs);
    if (isList) lists.push({ ...listInfo(abs), path: entry.path, sha256: entry.sha256 });
    else ruleFiles.push(entry);
  }
  ruleFiles.sort(byPath);
  lists.sort(byPath);
  const inputs: ManifestFile[] = [];
  // Each file once, as the run reads it: named twice (also as ./FILE or through a link) it is one input.
  const seen = new Set<string>();
  for (const r of input.records) {
    if (r === '-') inputs.push(manifestFile('-'));
    else
      for (const f of expandPaths([r], { extensions: RECORD_EXTENSIONS, recursive: false, what: 'record files' }).files) {
        const real = realPath(f);
        if (seen.has(real)) continue;
        seen.add(real);
        inputs.push(manifestFile(f));
      }
  }
  const options: RunManifest['options'] = { skipInvalid: input.skipInvalid };
  if (input.asOf !== undefined) options.asOf = input.asOf;
  if (input.dispositions !== undefined) options.dispositions = manifestFile(input.dispositions);
  if (input.expiryDay !== undefined) options.expiryDay = input.expiryDay;
  if (input.baseline !== undefined) options.baseline = manifestFile(input.baseline);
  return {
    tool: { ...TOOL },
    arguments: { records: input.records.map(manifestPath), rules: input.rules.map(manifestPath) },
    ruleSet: { sha256: setHash(ruleFiles), files: ruleFiles },
    designationLists: lists,
    inputs,
    options,
  };
}
