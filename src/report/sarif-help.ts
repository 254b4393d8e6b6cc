// The help of each SARIF rule (reportingDescriptor.help), as plain text and as Markdown: the
// provisions the rule cites, what it checks, and how to read one of its findings.

import type { EvidenceLevel, Provision, RuleSummary } from '../types.js';
import { provisionLabel, resolutionUrl } from './citation.js';

const OUTCOME_MEANING: Record<RuleSummary['outcome'], string> = {
  violation: 'a violation: the activity, as the record describes it, is inconsistent with the provisions cited',
  review: 'a finding for review: the activity is lawful only with an exemption, notification or determination that an analyst must check',
};

const EVIDENCE_MEANING: Record<EvidenceLevel, string> = {
  confirmed: 'the source states the activity as established fact',
  reported: 'the source reports the activity without claiming it as its own finding',
  alleged: 'a named party claims the activity (for example "Governments X and Y believe")',
  speculative: 'the source only suggests the activity may have happened ("may be receiving")',
};

function verification(p: Provision): string {
  if (p.verified) return 'verified';
  return `unverified${p.note ? ` (${p.note})` : ''}`;
}

/** Markdown text with the characters that would start markup escaped. */
function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

function applies(rule: RuleSummary): string {
  return rule.applies.until ? `from ${rule.applies.from} until ${rule.applies.until}` : `from ${rule.applies.from}`;
}

/** The rule's `help` object: `text` and `markdown` saying the same. */
export function ruleHelp(rule: RuleSummary, provisions: readonly Provision[]): { text: string; markdown: string } {
  const checks =
    `A record is reported by this rule when its facts meet the rule's conditions and its activity is dated ${applies(rule)}. ` +
    `Each finding is ${OUTCOME_MEANING[rule.outcome]}. An exception written into the rule that holds turns the finding into an exempt one (kind "pass"), still listed.`;
  const reading =
    'The message names the record and what matched. The location is the record in its file (line and column). ' +
    'The result properties give the explanation (each condition with the value expected and the value found), ' +
    "the provisions cited (only those adopted by the activity's date for point-in-time rules), the evidence level, and any notes. " +
    'A finding is never stronger than its evidence: "violation, speculative" means that if the activity happened as described, it would be inconsistent with the provision.';
  const levels = (Object.keys(EVIDENCE_MEANING) as EvidenceLevel[]).map((level) => ({ level, meaning: EVIDENCE_MEANING[level] }));

  const text = [
    rule.title,
    '',
    'Provisions cited:',
    ...(provisions.length === 0
      ? ['  none']
      : provisions.map((p) => `  - ${provisionLabel(p)}, adopted ${p.adopted}, ${verification(p)}: ${resolutionUrl(p)}`)),
    '',
    `What it checks: ${checks}`,
    `Status: ${rule.status}. Tags: ${[...new Set(rule.tags)].join(', ') || 'none'}.`,
    '',
    `How to read a finding: ${reading}`,
    'Evidence levels:',
    ...levels.map(({ level, meaning }) => `  - ${level}: ${meaning}.`),
  ].join('\n');

  const markdown = [
    `**${md(rule.title)}**`,
    '',
    '| Provision | Adopted | Verification |',
    '|---|---|---|',
    ...(provisions.length === 0
      ? ['| none | | |']
      : provisions.map((p) => `| [${md(provisionLabel(p))}](${resolutionUrl(p)}) | ${p.adopted} | ${md(verification(p))} |`)),
    '',
    `**What it checks.** ${md(checks)}`,
    '',
    `Status: \`${rule.status}\`. Tags: ${[...new Set(rule.tags)].map((t) => `\`${t.replace(/`/g, "'")}\``).join(', ') || 'none'}.`,
    '',
    `**How to read a finding.** ${md(reading)}`,
    '',
    '**Evidence levels**',
    '',
    ...levels.map(({ level, meaning }) => `- \`${level}\`: ${md(meaning)}.`),
  ].join('\n');
  return { text, markdown };
}
