// The plain data that passes between the stages: rules, records, findings and reports.

import type { SourceLocation } from './diagnostics/diagnostic-types.js';

export type { Diagnostic, DiagnosticCode, Severity, SourceLocation } from './diagnostics/diagnostic-types.js';

/** A date as written in a source, with the span of days it covers (inclusive, ISO days). */
export interface DateSpan {
  text: string;
  precision: 'day' | 'month' | 'year' | 'range';
  start: string;
  end: string;
}

export type EvidenceLevel = 'confirmed' | 'reported' | 'alleged' | 'speculative';
export const EVIDENCE_LEVELS: readonly EvidenceLevel[] = ['confirmed', 'reported', 'alleged', 'speculative'];

export type RuleOutcome = 'violation' | 'review';
export type FindingOutcome = 'violation' | 'review' | 'exempt';
export const FINDING_OUTCOMES: readonly FindingOutcome[] = ['violation', 'review', 'exempt'];

// ---------------------------------------------------------------- records

export interface Source {
  id?: string;
  publisher?: string;
  author?: string;
  date?: string;
  title?: string;
  url?: string;
  file?: string;
  note?: string;
}

export interface SourceCitation extends Source {
  ref?: string;
  quote?: string;
  /** Where the quote starts and ends (exclusive) in the source's file, in UTF-16 code units. */
  start?: number;
  end?: number;
}

export interface Evidence {
  level: EvidenceLevel;
  claimant?: string;
  wording?: string[];
  sources?: SourceCitation[];
}

export interface Party {
  name: string;
  kind?: 'state' | 'organisation' | 'person' | 'vessel';
  country?: string;
  role?: string;
  /** Names the party went by before (a renamed vessel): matched against the designation list too. */
  formerNames?: string[];
  /** How many persons the party stands for (e.g. a group of workers). */
  count?: number;
  /** Virtual-asset wallet addresses. */
  wallets?: string[];
  identifiers?: { unRef?: string; imo?: string; [key: string]: string | undefined };
}

export interface Goods {
  description?: string;
  category?: string;
  hs?: string;
  quantity?: number;
  unit?: string;
  value?: { amount: number; currency: string };
  origin?: string;
}

export type FactValue = string | number | boolean | null;

/** One activity, as written in a record file (after validation). */
export interface ActivityRecord {
  id: string;
  type: string;
  summary?: string;
  date: string | { from: string; to: string };
  parties?: Party[];
  goods?: Goods[];
  place?: { country?: string; name?: string };
  facts?: Record<string, FactValue>;
  evidence: Evidence;
  notes?: string;
  tags?: string[];
  /** `draft` until an analyst has reviewed it. */
  status?: 'draft' | 'reviewed';
  /** What the drafter could not determine, and the drafting rules that fired. */
  draft?: { undetermined?: string[]; rules?: string[] };
}

/** A record with where it came from and its resolved date span. */
export interface LoadedRecord {
  record: ActivityRecord;
  span: DateSpan;
  location: SourceLocation;
}

export interface CaseInfo {
  title?: string;
  description?: string;
}

export interface RecordSet {
  records: LoadedRecord[];
  sources: Source[];
  cases: CaseInfo[];
}

// ---------------------------------------------------------------- rules

/**
 * One cited provision. `symbol` is the UN document symbol ("S/RES/1718 (2006)", "S/PRST/2012/13");
 * `resolution` and `paragraph` are given for resolutions only: presidential statements and other
 * instruments have no numbered operative paragraphs and are cited by symbol and date.
 */
export interface Provision {
  resolution?: number;
  symbol: string;
  paragraph?: string;
  adopted: string;
  text?: string;
  verified: boolean;
  note?: string;
}

export interface ConditionLeaf {
  name: string;
  fact: string;
  operator: string;
  value: unknown;
  path?: string;
}

export interface ConditionRef {
  condition: string;
}

export type ConditionTree = { all: ConditionTree[] } | { any: ConditionTree[] } | { not: ConditionTree } | ConditionRef | ConditionLeaf;

export interface Exemption {
  id: string;
  title?: string;
  provisions?: Provision[];
  when: ConditionTree;
}

export interface RuleExample {
  id: string;
  outcome: FindingOutcome | 'none';
  record: Partial<ActivityRecord>;
  location?: SourceLocation;
}

export interface Rule {
  id: string;
  title: string;
  status: 'draft' | 'stable' | 'deprecated';
  tags: string[];
  provisions: Provision[];
  outcome: RuleOutcome;
  applies: { from: string; until?: string };
  when: ConditionTree;
  unless?: Exemption[];
  message: string;
  examples?: RuleExample[];
  description?: string;
  /**
   * Point-in-time citations: a finding cites only the provisions adopted on or before the last day
   * of the activity's date (the resolutions then in force), not every provision the rule lists.
   */
  citeInForce?: boolean;
}

/** A rule with where it came from. Named conditions are already inlined. */
export interface LoadedRule {
  rule: Rule;
  location: SourceLocation;
}

/** A designation list shipped with a rule set (e.g. rules/unsc-dprk/lists/un-1718.json). */
export interface DesignationList {
  list: string;
  title: string;
  date: string;
  source: string;
  /** The vessel list's own date, when it differs from the entries'. */
  vesselsDate?: string;
  entries: {
    ref: string;
    type: string;
    name: string;
    aliases: string[];
    listedOn?: string;
    /** Aliases the list marks as of low quality: screened, but never a match on their own. */
    weakAliases?: string[];
    /** Dates of birth as listed: YYYY-MM-DD, YYYY, or a range YYYY/YYYY. */
    born?: string[];
    nationalities?: string[];
    /** The name in its original script (Hangul, Chinese characters). */
    originalScript?: string[];
    /** The day the entry left the list, if it did. */
    delistedOn?: string;
  }[];
  vessels: { imo: string; names: string[]; listedOn?: string; measures?: string[] }[];
}

export interface RuleSet {
  rules: LoadedRule[];
  lists: DesignationList[];
}

// ---------------------------------------------------------------- findings and reports

export interface ExplanationLine {
  /** The leaf's name, as written in the rule. */
  condition: string;
  fact: string;
  operator: string;
  expected: unknown;
  actual: unknown;
  /** null when the engine did not need to evaluate the leaf. */
  held: boolean | null;
  /** Set for leaves of an exemption's tree: the exemption's id. */
  exemption?: string;
  /** True for leaves inside a `not`. */
  negated?: boolean;
}

export interface FindingEvidence {
  level: EvidenceLevel;
  claimant?: string;
  wording: string[];
  sources: SourceCitation[];
}

export interface Finding {
  recordId: string;
  ruleId: string;
  ruleTitle: string;
  provisions: Provision[];
  outcome: FindingOutcome;
  evidence: EvidenceLevel;
  evidenceDetail: FindingEvidence;
  message: string;
  location: SourceLocation;
  date: DateSpan;
  /** The exemption that held, when outcome is exempt. */
  exemption?: { id: string; title?: string; provisions: Provision[] };
  notes: string[];
  explanation: ExplanationLine[];
  /** Set when the record is an unreviewed draft (checked with --include-drafts). */
  draft?: true;
  /**
   * Stable identity of the finding: SHA-256 (hex) of the rule id, its principal provision, the
   * values of the record facts the rule's conditions read, and the record id. Set by the evaluator.
   */
  fingerprint?: string;
  /** The analyst's decision that matched this finding (from --dispositions), applied or expired. */
  disposition?: AppliedDisposition;
  /** With --baseline: whether the previous report had this finding. */
  baseline?: 'new' | 'unchanged';
}

/** The decisions a disposition can record. */
export const DISPOSITION_DECISIONS = [
  'accepted-risk',
  'false-positive',
  'licensed',
  'reported-to-authority',
  'under-review',
  'mitigated',
  'exempted',
] as const;
export type DispositionDecision = (typeof DISPOSITION_DECISIONS)[number];

/** One entry of a dispositions file: a reviewed finding, named by fingerprint or by record and rule. */
export interface Disposition {
  fingerprint?: string;
  record?: string;
  rule?: string;
  decision: DispositionDecision;
  reason: string;
  decidedBy: string;
  decidedOn: string;
  legalBasis?: string;
  expires?: string;
  location: SourceLocation;
}

/** A disposition as a finding carries it: `applied` takes the finding out of the counts, `expired` does not. */
export interface AppliedDisposition extends Disposition {
  status: 'applied' | 'expired';
}

export interface ActivitySummary {
  id: string;
  type: string;
  summary?: string;
  date: DateSpan;
  evidence: EvidenceLevel;
  location: SourceLocation;
  parties: { name: string; country?: string; role?: string }[];
  /** Set when the record is an unreviewed draft. */
  draft?: true;
}

/** A rule as reports and `rules list` show it: no conditions, no examples. */
export interface RuleSummary {
  id: string;
  title: string;
  outcome: RuleOutcome;
  status: Rule['status'];
  tags: string[];
  provisions: Provision[];
  applies: Rule['applies'];
}

/** A dated point the reports draw: a resolution's adoption, or a deadline. */
export interface Milestone {
  date: string;
  kind: 'adoption' | 'deadline';
  label: string;
}

export interface Report {
  tool: { name: 'sanctions-check'; version: string };
  asOf?: string;
  records: number;
  rules: number;
  lists: { list: string; title: string; date: string }[];
  cases: CaseInfo[];
  findings: Finding[];
  activities: ActivitySummary[];
  /** Every rule that was loaded, in id order. */
  ruleCatalog: RuleSummary[];
  /** Adoption dates and deadlines of the provisions the findings cite, in date order. */
  timeline: Milestone[];
  /** Findings by outcome, disposed findings (see `dispositions`) left out. */
  summary: Record<FindingOutcome, number>;
  byEvidence: Record<EvidenceLevel, number>;
  /** What was checked against what: files with their hashes, and the options that change results. */
  manifest?: RunManifest;
  /** With --dispositions: the disposed findings, counted apart, and the entries expired or stale. */
  dispositions?: DispositionSummary;
  /** With --baseline: findings new, unchanged and resolved since the previous report. */
  baseline?: BaselineSummary;
}

/** A file the run read, as the manifest names it (path relative to the working folder). */
export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

export interface RunManifest {
  tool: { name: string; version: string };
  /** The record paths and rule paths as given (relative to the working folder); `rules` empty for the shipped rules. */
  arguments: { records: string[]; rules: string[] };
  /** Each rule file read, and one hash over the set (each file's path and hash, in path order). */
  ruleSet: { sha256: string; files: ManifestFile[] };
  designationLists: { list: string; title: string; date: string; path: string; sha256: string }[];
  inputs: ManifestFile[];
  /** The options that change results. */
  options: { skipInvalid: boolean; asOf?: string; dispositions?: ManifestFile; baseline?: ManifestFile; expiryDay?: string };
}

export interface DispositionSummary {
  file: string;
  /** Disposed findings (disposition applied), by outcome: counted apart from `summary`. */
  disposed: Record<FindingOutcome, number>;
  /** The day expiry dates were compared with: --as-of, or the day of the run. */
  expiryDay: string;
  expired: { disposition: Disposition; fingerprint: string; recordId: string; ruleId: string }[];
  /** Entries that matched no finding. */
  stale: Disposition[];
}

export interface BaselineSummary {
  file: string;
  new: number;
  unchanged: number;
  /** Findings of the previous report that this run no longer has. */
  resolved: { fingerprint: string; recordId: string; ruleId: string; outcome: FindingOutcome }[];
}
