// Reads the UN Security Council Consolidated List (its XML) and the 1718 vessel list (CSV or JSON) into the bundled list format.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { InputError } from '../diagnostics/input-error.js';
import type { DesignationList, Diagnostic } from '../types.js';
import { csvRows } from '../load/csv-rows.js';

type Entry = DesignationList['entries'][number];
type Vessel = DesignationList['vessels'][number];

const REPEATED = new Set([
  'INDIVIDUAL',
  'ENTITY',
  'INDIVIDUAL_ALIAS',
  'ENTITY_ALIAS',
  'INDIVIDUAL_DATE_OF_BIRTH',
  'VALUE',
  'INDIVIDUAL_ADDRESS',
  'ENTITY_ADDRESS',
  'INDIVIDUAL_DOCUMENT',
  'INDIVIDUAL_PLACE_OF_BIRTH',
]);

const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v]);
function text(v: unknown): string {
  if (typeof v === 'string' || typeof v === 'number') return String(v).replace(/\s+/g, ' ').trim();
  const t = record(v)['#text'];
  return t === undefined ? '' : text(t);
}
const values = (v: unknown): string[] =>
  list(record(v).VALUE)
    .map(text)
    .filter((s) => s !== '');
const isDay = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** A name as listed, whitespace collapsed; a name wrapped in straight quotes ("KOMID") loses them. */
function cleanName(s: string): string {
  let t = s.replace(/\s+/g, ' ').trim();
  if (t.length > 2 && t.startsWith('"') && t.endsWith('"')) t = t.slice(1, -1).trim();
  return t;
}

function born(dates: unknown): string[] {
  const out: string[] = [];
  for (const d of list(dates)) {
    const r = record(d);
    const date = text(r.DATE);
    const year = text(r.YEAR);
    const from = text(r.FROM_YEAR);
    const to = text(r.TO_YEAR);
    if (date) out.push(date.slice(0, 10));
    else if (from && to) out.push(`${from}/${to}`);
    else if (year) out.push(year);
  }
  return [...new Set(out)];
}

function entry(raw: unknown, type: 'individual' | 'entity'): Entry | undefined {
  const r = record(raw);
  const ref = text(r.REFERENCE_NUMBER);
  if (!ref) return undefined;
  const name = cleanName([r.FIRST_NAME, r.SECOND_NAME, r.THIRD_NAME, r.FOURTH_NAME].map(text).filter(Boolean).join(' '));
  const aliases: string[] = [];
  const weak: string[] = [];
  const keys = new Set([name.toLowerCase()]);
  const add = (into: string[], alias: string) => {
    if (alias === '' || keys.has(alias.toLowerCase())) return;
    keys.add(alias.toLowerCase());
    into.push(alias);
  };
  const rawAliases = list(r[type === 'individual' ? 'INDIVIDUAL_ALIAS' : 'ENTITY_ALIAS']).map(record);
  for (const a of rawAliases) if (text(a.QUALITY).toLowerCase() !== 'low') add(aliases, cleanName(text(a.ALIAS_NAME)));
  for (const a of rawAliases) if (text(a.QUALITY).toLowerCase() === 'low') add(weak, cleanName(text(a.ALIAS_NAME)));
  // "FOREIGN TRADE BANK (FTB)" is matchable without its bracketed abbreviation too
  for (const n of [name, ...aliases]) {
    const m = /^(.*\S)\s*\(([A-Z]{2,8})\)$/.exec(n);
    if (m) add(aliases, m[1]!.replace(/[,\s]+$/, ''));
  }
  const out: Entry = { ref, type, name, aliases };
  const listedOn = text(r.LISTED_ON).slice(0, 10);
  if (isDay(listedOn)) out.listedOn = listedOn;
  if (weak.length) out.weakAliases = weak;
  const dob = born(r.INDIVIDUAL_DATE_OF_BIRTH);
  if (dob.length) out.born = dob;
  const nationalities = values(r.NATIONALITY);
  if (nationalities.length) out.nationalities = nationalities;
  const script = text(r.NAME_ORIGINAL_SCRIPT);
  if (script) out.originalScript = [script];
  const delisted = text(r.DELISTED_ON).slice(0, 10);
  if (isDay(delisted)) out.delistedOn = delisted;
  return out;
}

export interface ImportedEntries {
  date: string;
  entries: Entry[];
}

/** The entries of one regime (UN_LIST_TYPE, "DPRK" for the 1718 list) and the list's date of generation. */
export function parseConsolidatedXml(xml: string, file: string, regime = 'DPRK'): ImportedEntries {
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new InputError([
      diagnostic('invalid-xml', `not valid XML: ${valid.err.msg}`, { file, line: valid.err.line, column: valid.err.col }),
    ]);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    isArray: (tag) => REPEATED.has(tag),
  });
  const doc = record(record(parser.parse(xml) as unknown).CONSOLIDATED_LIST);
  const at = { file, line: 1, column: 1 };
  if (Object.keys(doc).length === 0)
    throw new InputError([diagnostic('invalid-list', 'not a UN consolidated list: no CONSOLIDATED_LIST element', at)]);
  const generated = text(doc['@_dateGenerated']).slice(0, 10);
  if (!isDay(generated)) throw new InputError([diagnostic('invalid-list', 'the list has no dateGenerated attribute (YYYY-MM-DD...)', at)]);
  const entries: Entry[] = [];
  const seen = new Set<string>();
  for (const [tag, group, type] of [
    ['INDIVIDUAL', 'INDIVIDUALS', 'individual'],
    ['ENTITY', 'ENTITIES', 'entity'],
  ] as const) {
    for (const raw of list(record(doc[group])[tag])) {
      if (text(record(raw).UN_LIST_TYPE) !== regime) continue;
      const e = entry(raw, type);
      if (!e || seen.has(e.ref)) continue;
      seen.add(e.ref);
      entries.push(e);
    }
  }
  if (entries.length === 0) throw new InputError([diagnostic('invalid-list', `the list has no ${regime} entries`, at)]);
  entries.sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  return { date: generated, entries };
}

const MEASURES: [string, string][] = [
  ['res1718_p8d_res2270_p12_asset_freeze', '1718 8(d) / 2270 12 asset freeze'],
  ['res2321_p12a', '2321 12(a)'],
  ['res2321_p12d', '2321 12(d)'],
  ['res2371_p6_res2375_p6_port_entry_ban', '2371 6 / 2375 6 port-entry ban'],
  ['omm_kpe020_economic_resource', 'economic resource of OMM (KPe.020)'],
];

/**
 * The 1718 Designated Vessels List: CSV with a header (imo_number, all_names or primary_name,
 * date_of_designation, measure columns) or JSON in the bundled format (an array, or {vessels: [...]}).
 * Vessels without a 7-digit IMO number are left out and named in `skipped`.
 */
export function parseVessels(content: string, file: string): { vessels: Vessel[]; skipped: string[] } {
  const at = { file, line: 1, column: 1 };
  const body = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  let rows: Record<string, string>[];
  if (/^\s*[[{]/.test(body)) {
    let v: unknown;
    try {
      v = JSON.parse(body);
    } catch (e) {
      throw new InputError([diagnostic('invalid-json', `not valid JSON: ${(e as Error).message.split('\n')[0]}`, at)]);
    }
    const arr = Array.isArray(v) ? v : list(record(v).vessels);
    rows = arr.map((x) => {
      const r = record(x);
      const names = list(r.names).map(text);
      return {
        imo_number: text(r.imo),
        all_names: names.join('|'),
        date_of_designation: text(r.listedOn),
        measures: list(r.measures).map(text).join('|'),
      };
    });
  } else {
    const problems: Diagnostic[] = [];
    const [first, ...data] = csvRows(body, file, problems);
    if (problems.length > 0) throw new InputError(problems);
    const header = first?.cells;
    if (!header?.includes('imo_number'))
      throw new InputError([diagnostic('invalid-csv', 'the vessel list needs a header with an imo_number column', at)]);
    rows = data.map(({ cells: r, line }) => {
      if (r.length !== header.length)
        throw new InputError([
          diagnostic('invalid-csv', `this row has ${r.length} fields, the header ${header.length}`, { file, line, column: 1 }),
        ]);
      return Object.fromEntries(header.map((h, k) => [h.trim(), r[k] ?? '']));
    });
  }
  const vessels: Vessel[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const imo = (r.imo_number ?? '').trim();
    const names: string[] = [];
    for (const n of (r.all_names || r.primary_name || '').split('|')) {
      const name = cleanName(n);
      if (name && !names.some((x) => x.toLowerCase() === name.toLowerCase())) names.push(name);
    }
    if (!/^\d{7}$/.test(imo) || seen.has(imo)) {
      if (!seen.has(imo)) skipped.push(names[0] ?? '(no name)');
      continue;
    }
    seen.add(imo);
    const measures = new Set(
      (r.measures ?? '')
        .split('|')
        .map((s) => s.trim())
        .filter(Boolean),
    );
    for (const [column, label] of MEASURES) if ((r[column] ?? '').trim().toLowerCase() === 'yes') measures.add(label);
    for (const part of (r.second_designation_measures ?? '').split(/[;|]/)) {
      const [column, value] = part.split('=').map((s) => s.trim());
      const label = MEASURES.find(([c]) => c === column)?.[1];
      if (label && (value ?? '').toLowerCase() === 'yes') measures.add(label);
    }
    const order = MEASURES.map(([, l]) => l);
    const vessel: Vessel = { imo, names };
    const listedOn = (r.date_of_designation ?? '').trim();
    if (isDay(listedOn)) vessel.listedOn = listedOn;
    vessel.measures = [...measures].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    vessels.push(vessel);
  }
  vessels.sort((a, b) => (a.imo < b.imo ? -1 : a.imo > b.imo ? 1 : 0));
  return { vessels, skipped };
}

export interface ImportOptions {
  xml: string;
  xmlFile: string;
  vessels?: { content: string; file: string; date?: string };
  source?: string;
}

/** The list in the bundled format (rules/unsc-dprk/lists/un-1718.json), keys in a fixed order. */
export function importUnList(opts: ImportOptions): { list: DesignationList & { vesselsDate?: string }; skippedVessels: string[] } {
  const { date, entries } = parseConsolidatedXml(opts.xml, opts.xmlFile);
  const v = opts.vessels ? parseVessels(opts.vessels.content, opts.vessels.file) : { vessels: [], skipped: [] };
  const vesselsDate = opts.vessels ? (opts.vessels.date ?? /\d{4}-\d{2}-\d{2}/.exec(opts.vessels.file)?.[0]) : undefined;
  const source =
    opts.source ??
    `UN Security Council Consolidated List generated ${date} (${opts.xmlFile.split(/[\\/]/).pop()}), DPRK (1718) entries` +
      (opts.vessels
        ? `; 1718 Committee Designated Vessels List${vesselsDate ? ` of ${vesselsDate}` : ''} (${opts.vessels.file.split(/[\\/]/).pop()})`
        : '');
  return {
    list: {
      list: 'un-1718',
      title: 'UN Security Council 1718 Sanctions List (DPRK)',
      date,
      ...(vesselsDate ? { vesselsDate } : {}),
      source,
      entries,
      vessels: v.vessels,
    },
    skippedVessels: v.skipped,
  };
}
