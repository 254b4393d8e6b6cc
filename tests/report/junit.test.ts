import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { failsAt, renderJunit, spanReaches } from '../../src/report/junit.js';
import type { DateSpan } from '../../src/types.js';
import { emptyReport, HOSTILE, HOSTILE_RECORD_ID, sampleReport } from './fixtures.js';
import { tagsOf } from './markup.js';

interface TestCase {
  '@_classname': string;
  '@_name': string;
  failure?: { '@_message': string; '@_type': string; '#text': string }[];
  'system-out'?: string;
}
interface Suite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_errors': string;
  '@_timestamp'?: string;
  testcase?: TestCase[];
}
interface Doc {
  testsuites: { '@_tests': string; '@_failures': string; '@_errors': string; testsuite: Suite[] };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['testsuite', 'testcase', 'failure', 'property'].includes(name),
});

/** Throws unless the text is well-formed XML 1.0. XMLValidator checks nesting, names and
 * references; it lets "<" in attribute values and forbidden characters through, so those are
 * checked here as well. */
function checkXml(xml: string): void {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.exec(xml);
  if (forbidden) throw new Error(`character U+${forbidden[0].charCodeAt(0).toString(16)} is not allowed in XML 1.0`);
  tagsOf(xml);
}

function read(xml: string): Doc {
  checkXml(xml);
  return parser.parse(xml) as Doc;
}

function suite(doc: Doc, name: string): Suite {
  const found = doc.testsuites.testsuite.find((s) => s['@_name'] === name);
  if (!found) throw new Error(`no suite ${name}`);
  return found;
}

function span(start: string, end: string): DateSpan {
  return { text: `${start}..${end}`, precision: 'range', start, end };
}

describe('renderJunit', () => {
  it('writes well-formed XML, even with hostile text', () => {
    for (const failOn of ['violation', 'review', 'none'] as const) {
      expect(() => checkXml(renderJunit(sampleReport(), failOn))).not.toThrow();
    }
    expect(() => checkXml(renderJunit(emptyReport(), 'violation'))).not.toThrow();
  });

  it('the well-formedness check is live: broken XML fails it', () => {
    const xml = renderJunit(sampleReport(), 'review');
    expect(() => checkXml(xml.replace('</testsuites>', ''))).toThrow();
    expect(() => checkXml(xml.replace('&amp;', '&'))).toThrow();
    expect(() => checkXml(xml.replace('&lt;script&gt;', '<script>'))).toThrow();
    expect(() => checkXml(xml.replace('&quot;&gt;&lt;img', '"><img'))).toThrow();
    expect(() => checkXml(`${xml.slice(0, 60)}\u0007${xml.slice(60)}`)).toThrow();
  });

  it('has a suite per rule and a case per record in the rule window', () => {
    const doc = read(renderJunit(sampleReport(), 'violation'));
    expect(doc.testsuites.testsuite.map((s) => s['@_name'])).toEqual(sampleReport().ruleCatalog.map((r) => r.id));
    // Every record's span starts in 2019 or later: none reaches the rule that ended in 2016.
    expect(suite(doc, 'old-rule-superseded')['@_tests']).toBe('0');
    expect(suite(doc, 'old-rule-superseded').testcase).toBeUndefined();
    const arms = suite(doc, 'arms-procurement-from-dprk');
    expect(arms['@_tests']).toBe('6');
    expect(arms.testcase!.map((c) => c['@_name'])).toEqual(sampleReport().activities.map((a) => a.id));
    expect(arms.testcase!.every((c) => c['@_classname'] === 'arms-procurement-from-dprk')).toBe(true);
    expect(doc.testsuites['@_tests']).toBe('24');
    expect(doc.testsuites['@_errors']).toBe('0');
  });

  it.each([
    ['violation', 3],
    ['review', 4],
    ['none', 0],
  ] as const)('counts failures at or above %s', (failOn, expected) => {
    const doc = read(renderJunit(sampleReport(), failOn));
    expect(doc.testsuites['@_failures']).toBe(String(expected));
    let failed = 0;
    for (const s of doc.testsuites.testsuite) {
      const cases = s.testcase ?? [];
      const suiteFailed = cases.filter((c) => (c.failure ?? []).length > 0).length;
      expect(s['@_tests']).toBe(String(cases.length));
      expect(s['@_failures']).toBe(String(suiteFailed));
      failed += suiteFailed;
    }
    expect(failed).toBe(expected);
  });

  it('writes findings below the threshold, and exempt ones, to system-out', () => {
    const doc = read(renderJunit(sampleReport(), 'violation'));
    const science = suite(doc, 'scientific-cooperation').testcase!;
    const exempt = science.find((c) => c['@_name'] === 'science-protocol')!;
    expect(exempt.failure).toBeUndefined();
    expect(exempt['system-out']).toContain('exempt · reported: science-protocol: scientific cooperation with KP');
    expect(exempt['system-out']).toContain('Exemption: medical-exchange (Medical exchanges are excepted)');
    const review = science.find((c) => c['@_name'] === HOSTILE_RECORD_ID)!;
    expect(review.failure).toBeUndefined();
    expect(review['system-out']).toContain('review · alleged');

    const stricter = read(renderJunit(sampleReport(), 'review'));
    const failing = suite(stricter, 'scientific-cooperation').testcase!.find((c) => c['@_name'] === HOSTILE_RECORD_ID)!;
    expect(failing.failure).toHaveLength(1);
    expect(failing.failure![0]!['@_type']).toBe('review');
    // Exempt never fails.
    expect(suite(stricter, 'scientific-cooperation').testcase!.find((c) => c['@_name'] === 'science-protocol')!.failure).toBeUndefined();
  });

  it('puts the finding in the failure: message, location, provisions, evidence, explanation', () => {
    const doc = read(renderJunit(sampleReport(), 'violation'));
    const failure = suite(doc, 'arms-procurement-from-dprk').testcase!.find((c) => c['@_name'] === 'artillery-deliveries')!.failure![0]!;
    expect(failure['@_message']).toBe('violation · alleged: artillery-deliveries: KP supplied ammunition to RU');
    const details = failure['#text'];
    expect(details).toContain('Record: artillery-deliveries at cases/2023-11/records.yaml:12:5, dated 2023 (2023-01-01 to 2023-12-31)');
    expect(details).toContain('S/RES/2270 (2016) para 6, adopted 2016-03-02 [unverified: content verified; paragraph number from memory]');
    expect(details).toContain('Evidence: alleged, claimed by Governments of the ROK and the US; wording "believe"');
    expect(details).toContain('approved: committeeApproval equal true; actual (absent): did not hold (exemption committee-approved)');
    const straddling = suite(doc, 'labour-repatriation').testcase!.find((c) => c['@_name'] === 'workers-far-east')!.failure![0]!;
    expect(straddling['#text']).toContain('Note: The activity straddles 2019-12-22');
  });

  it('escapes hostile text and removes characters XML forbids', () => {
    const xml = renderJunit(sampleReport(), 'review');
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain('<img');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    const doc = read(xml);
    const failure = suite(doc, 'scientific-cooperation').testcase!.find((c) => c['@_name'] === HOSTILE_RECORD_ID)!.failure![0]!;
    // What the parser reads back is the text as written, less the control characters.
    expect(failure['@_message']).toContain(HOSTILE.script);
    expect(failure['@_message']).toContain(HOSTILE.img);
    expect(failure['#text']).toContain(`Quote ${HOSTILE.script}`);
    expect(failure['#text']).toContain('bell null vt del');
    expect(failure['#text']).not.toContain('[31m');
  });

  it('lists a record with a finding even outside the rule window', () => {
    const report = sampleReport();
    const finding = report.findings[0]!;
    report.ruleCatalog = report.ruleCatalog.map((r) => (r.id === finding.ruleId ? { ...r, applies: { from: '2030-01-01' } } : r));
    const doc = read(renderJunit(report, 'violation'));
    const cases = suite(doc, finding.ruleId).testcase!;
    expect(cases.map((c) => c['@_name'])).toEqual([finding.recordId]);
    expect(cases[0]!.failure).toHaveLength(1);
  });

  it('gives findings of a rule missing from the catalog a suite of their own', () => {
    const report = sampleReport();
    report.ruleCatalog = report.ruleCatalog.filter((r) => r.id !== 'satellite-launch-technology');
    const doc = read(renderJunit(report, 'violation'));
    const launch = suite(doc, 'satellite-launch-technology');
    expect(launch.testcase!.map((c) => c['@_name'])).toEqual(['satellite-launch']);
    expect(doc.testsuites['@_failures']).toBe('3');
  });

  it('is deterministic, with a timestamp only when asOf is set', () => {
    const xml = renderJunit(sampleReport(), 'violation');
    expect(renderJunit(sampleReport(), 'violation')).toBe(xml);
    expect(suite(read(xml), 'labour-repatriation')['@_timestamp']).toBe('2024-03-01T00:00:00');
    const report = sampleReport();
    delete report.asOf;
    expect(renderJunit(report, 'violation')).not.toContain('timestamp=');
  });
});

describe('failsAt', () => {
  it('orders violation above review above exempt', () => {
    expect(failsAt({ outcome: 'violation' }, 'violation')).toBe(true);
    expect(failsAt({ outcome: 'review' }, 'violation')).toBe(false);
    expect(failsAt({ outcome: 'violation' }, 'review')).toBe(true);
    expect(failsAt({ outcome: 'review' }, 'review')).toBe(true);
    expect(failsAt({ outcome: 'exempt' }, 'review')).toBe(false);
    expect(failsAt({ outcome: 'violation' }, 'none')).toBe(false);
  });
});

describe('spanReaches', () => {
  const applies = { from: '2016-03-02', until: '2017-12-21' };
  it('holds for spans that touch the window at either end', () => {
    expect(spanReaches(span('2016-03-02', '2016-03-02'), applies)).toBe(true);
    expect(spanReaches(span('2015-01-01', '2016-03-02'), applies)).toBe(true);
    expect(spanReaches(span('2017-12-21', '2018-05-31'), applies)).toBe(true);
    expect(spanReaches(span('2010-01-01', '2020-12-31'), applies)).toBe(true);
  });
  it('fails for spans wholly before or after it', () => {
    expect(spanReaches(span('2015-01-01', '2016-03-01'), applies)).toBe(false);
    expect(spanReaches(span('2017-12-22', '2018-01-31'), applies)).toBe(false);
    expect(spanReaches(span('2099-01-01', '2099-01-01'), { from: '2016-03-02' })).toBe(true);
  });
});
