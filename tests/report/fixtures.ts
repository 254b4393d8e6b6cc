// Hand-built reports for the renderer tests: a realistic case, a hostile record, and an empty run.

import type { ActivitySummary, Finding, Provision, Report, RuleSummary } from '../../src/types.js';

/** Strings that must never reach a page as markup or a terminal as control codes. */
export const HOSTILE = {
  script: '<script>window.__pwned=1</script>',
  img: '"><img src=x onerror=window.__pwned=1>',
  jsUrl: 'javascript:window.__pwned=1',
  ansi: '\u001b[31mRED\u001b[0m',
  controls: 'bell\u0007 null\u0000 vt\u000b del\u007f',
  quote: `it's "quoted" & <b>bold</b>`,
} as const;

/** Everything hostile in one string. */
export const HOSTILE_TEXT = `${HOSTILE.script} ${HOSTILE.img} ${HOSTILE.ansi} ${HOSTILE.controls} ${HOSTILE.quote}`;

export const HOSTILE_RECORD_ID = 'hostile-record';

const p1718_8b: Provision = {
  resolution: 1718,
  symbol: 'S/RES/1718 (2006)',
  paragraph: '8(b)',
  adopted: '2006-10-14',
  text: 'The DPRK shall cease the export of all items covered in subparagraphs (a) (i) and (a) (ii) above and that all Member States shall prohibit the procurement of such items from the DPRK by their nationals, or using their flagged vessels or aircraft',
  verified: true,
  note: 'letter (b) confirmed in the German UN text',
};

const p2270_6: Provision = {
  resolution: 2270,
  symbol: 'S/RES/2270 (2016)',
  paragraph: '6',
  adopted: '2016-03-02',
  text: 'Decides that the measures in paragraphs 8 (a) and 8 (b) of resolution 1718 (2006) shall also apply to all arms and related materiel, including small arms and light weapons',
  verified: false,
  note: 'content verified; paragraph number from memory',
};

const p2397_8: Provision = {
  resolution: 2397,
  symbol: 'S/RES/2397 (2017)',
  paragraph: '8',
  adopted: '2017-12-22',
  text: 'Decides that Member States shall repatriate to the DPRK all DPRK nationals earning income in that Member State’s jurisdiction … immediately but no later than 24 months from the date of adoption of this resolution',
  verified: true,
};

const p2321_11: Provision = {
  resolution: 2321,
  symbol: 'S/RES/2321 (2016)',
  paragraph: '11',
  adopted: '2016-11-30',
  text: 'Decides that all Member States shall suspend scientific and technical cooperation involving persons or groups officially sponsored by or representing the DPRK except for medical exchanges unless',
  verified: true,
};

const p2321_46: Provision = {
  resolution: 2321,
  symbol: 'S/RES/2321 (2016)',
  paragraph: '46',
  adopted: '2016-11-30',
  verified: true,
};

const prst2012_13: Provision = {
  symbol: 'S/PRST/2012/13',
  adopted: '2012-04-16',
  text: 'this satellite launch, as well as any launch that uses ballistic missile technology, even if characterized as a satellite launch or space launch vehicle, is a serious violation of Security Council resolutions 1718 (2006) and 1874 (2009)',
  verified: true,
};

/** A record whose every text field carries markup, a script, a javascript: address, terminal
 * escapes and control characters. */
export function hostileActivity(): ActivitySummary {
  return {
    id: HOSTILE_RECORD_ID,
    type: 'other',
    summary: `Summary ${HOSTILE_TEXT}`,
    date: { text: '2023-11-20', precision: 'day', start: '2023-11-20', end: '2023-11-20' },
    evidence: 'alleged',
    location: { file: `cases/odd dir/${HOSTILE.img}.yaml`, line: 3, column: 7 },
    parties: [
      { name: `Party ${HOSTILE.script}`, country: 'KP', role: 'supplier' },
      { name: `Party ${HOSTILE.img} ${HOSTILE.ansi}`, role: HOSTILE.controls },
    ],
  };
}

/** A finding for the hostile record, with hostile text in every field a report shows. */
export function hostileFinding(): Finding {
  return {
    recordId: HOSTILE_RECORD_ID,
    ruleId: 'scientific-cooperation',
    ruleTitle: 'Scientific and technical cooperation with DPRK-sponsored persons',
    provisions: [p2321_11],
    outcome: 'review',
    evidence: 'alleged',
    evidenceDetail: {
      level: 'alleged',
      claimant: `Claimant ${HOSTILE.script}`,
      wording: [HOSTILE.img, HOSTILE.ansi],
      sources: [
        {
          publisher: `Publisher ${HOSTILE.img}`,
          author: HOSTILE.quote,
          date: '2023-11-20',
          title: `Title ${HOSTILE.script}`,
          url: HOSTILE.jsUrl,
          quote: `Quote ${HOSTILE_TEXT}`,
        },
        {
          publisher: 'Attribute breaker',
          title: 'Link whose address tries to close the attribute',
          url: `https://example.org/x${HOSTILE.img}`,
          quote: 'second source',
        },
      ],
    },
    message: `Message ${HOSTILE_TEXT}`,
    location: { file: `cases/odd dir/${HOSTILE.img}.yaml`, line: 3, column: 7 },
    date: { text: '2023-11-20', precision: 'day', start: '2023-11-20', end: '2023-11-20' },
    notes: [`Note ${HOSTILE.script}`],
    explanation: [
      {
        condition: `cond ${HOSTILE.img}`,
        fact: 'facts',
        operator: 'equal',
        expected: HOSTILE.script,
        actual: { nested: HOSTILE.img },
        held: true,
      },
    ],
  };
}

/** The report with the hostile record and its finding added (once), counts updated. */
export function addHostileRecord(report: Report): Report {
  if (report.activities.some((a) => a.id === HOSTILE_RECORD_ID)) return report;
  const finding = hostileFinding();
  return {
    ...report,
    records: report.records + 1,
    activities: [...report.activities, hostileActivity()],
    findings: [...report.findings, finding],
    summary: { ...report.summary, [finding.outcome]: report.summary[finding.outcome] + 1 },
    byEvidence: { ...report.byEvidence, [finding.evidence]: report.byEvidence[finding.evidence] + 1 },
  };
}

function ruleCatalog(): RuleSummary[] {
  return [
    {
      id: 'arms-procurement-from-dprk',
      title: 'Procurement of arms and related materiel from the DPRK',
      outcome: 'violation',
      status: 'stable',
      tags: ['arms', 'procurement'],
      provisions: [p1718_8b, p2270_6],
      applies: { from: '2006-10-14' },
    },
    {
      id: 'labour-repatriation',
      title: 'DPRK nationals earning income abroad after the repatriation deadline',
      outcome: 'violation',
      status: 'stable',
      tags: ['labour'],
      provisions: [p2397_8],
      applies: { from: '2019-12-22' },
    },
    {
      id: 'old-rule-superseded',
      title: 'A rule that governed only until 2016',
      outcome: 'review',
      status: 'deprecated',
      tags: ['arms', 'arms'],
      provisions: [p1718_8b],
      applies: { from: '2006-10-14', until: '2016-03-01' },
    },
    {
      id: 'satellite-launch-technology',
      title: 'Launch using ballistic missile technology',
      outcome: 'violation',
      status: 'draft',
      tags: ['launch'],
      provisions: [prst2012_13],
      applies: { from: '2012-04-16' },
    },
    {
      id: 'scientific-cooperation',
      title: 'Scientific and technical cooperation with DPRK-sponsored persons',
      outcome: 'review',
      status: 'stable',
      tags: ['science'],
      provisions: [p2321_11],
      applies: { from: '2016-11-30' },
    },
  ];
}

function activities(): ActivitySummary[] {
  return [
    {
      id: 'artillery-deliveries',
      type: 'arms-transfer',
      summary: 'Artillery rounds delivered by the DPRK to Russia',
      date: { text: '2023', precision: 'year', start: '2023-01-01', end: '2023-12-31' },
      evidence: 'alleged',
      location: { file: 'cases/2023-11/records.yaml', line: 12, column: 5 },
      parties: [
        { name: "Democratic People's Republic of Korea", country: 'KP', role: 'supplier' },
        { name: 'Russian Federation', country: 'RU', role: 'recipient' },
      ],
    },
    {
      id: 'commission-meeting',
      type: 'meeting',
      summary: 'Intergovernmental commission meets in Pyongyang',
      date: { text: '2023-11-15', precision: 'day', start: '2023-11-15', end: '2023-11-15' },
      evidence: 'confirmed',
      location: { file: 'cases/2023-11/records.yaml', line: 40, column: 5 },
      parties: [
        { name: "Democratic People's Republic of Korea", country: 'KP', role: 'partner' },
        { name: 'Russian Federation', country: 'RU', role: 'partner' },
      ],
    },
    {
      id: 'workers-far-east',
      type: 'labour-deployment',
      summary: 'DPRK workers in Russian Far East logging',
      date: { text: '2019-06..2023-11', precision: 'range', start: '2019-06-01', end: '2023-11-30' },
      evidence: 'speculative',
      location: { file: 'cases/2023-11/records.yaml', line: 61, column: 5 },
      parties: [
        { name: "Democratic People's Republic of Korea", country: 'KP', role: 'worker' },
        { name: 'Russian Federation', country: 'RU', role: 'employer' },
      ],
    },
    {
      id: 'science-protocol',
      type: 'scientific-cooperation',
      summary: 'Protocol on scientific and technical cooperation signed',
      date: { text: '2023-11', precision: 'month', start: '2023-11-01', end: '2023-11-30' },
      evidence: 'reported',
      location: { file: 'cases/2023-11/records.yaml', line: 80, column: 5 },
      parties: [
        { name: "Democratic People's Republic of Korea", country: 'KP', role: 'partner' },
        { name: 'Russian Federation', country: 'RU', role: 'partner' },
      ],
    },
    {
      id: 'satellite-launch',
      type: 'launch',
      summary: 'Malligyong-1 reconnaissance satellite launched',
      date: { text: '2023-11-21', precision: 'day', start: '2023-11-21', end: '2023-11-21' },
      evidence: 'confirmed',
      location: { file: 'cases/2023-11/records.yaml', line: 99, column: 5 },
      parties: [{ name: "Democratic People's Republic of Korea", country: 'KP', role: 'launcher' }],
    },
    hostileActivity(),
  ];
}

function findings(): Finding[] {
  return [
    {
      recordId: 'artillery-deliveries',
      ruleId: 'arms-procurement-from-dprk',
      ruleTitle: 'Procurement of arms and related materiel from the DPRK',
      provisions: [p1718_8b, p2270_6],
      outcome: 'violation',
      evidence: 'alleged',
      evidenceDetail: {
        level: 'alleged',
        claimant: 'Governments of the ROK and the US',
        wording: ['believe'],
        sources: [
          {
            ref: 'article',
            publisher: 'Example News',
            author: 'A. Writer',
            date: '2023-11-16',
            title: 'North Korea and Russia discuss cooperation',
            url: 'https://example.org/story?a=1&b=2',
            quote: 'Seoul and Washington believe that North Korea has recently delivered millions of artillery rounds to Russia',
          },
        ],
      },
      message: 'artillery-deliveries: KP supplied ammunition to RU',
      location: { file: 'cases/2023-11/records.yaml', line: 12, column: 5 },
      date: { text: '2023', precision: 'year', start: '2023-01-01', end: '2023-12-31' },
      notes: [],
      explanation: [
        { condition: 'is-arms-transfer', fact: 'type', operator: 'in', expected: ['arms-transfer'], actual: 'arms-transfer', held: true },
        { condition: 'supplier-is-dprk', fact: 'supplierCountries', operator: 'includesAny', expected: ['KP'], actual: ['KP'], held: true },
        {
          condition: 'approved',
          fact: 'committeeApproval',
          operator: 'equal',
          expected: true,
          actual: undefined,
          held: false,
          exemption: 'committee-approved',
        },
      ],
    },
    {
      recordId: 'workers-far-east',
      ruleId: 'labour-repatriation',
      ruleTitle: 'DPRK nationals earning income abroad after the repatriation deadline',
      provisions: [p2397_8],
      outcome: 'violation',
      evidence: 'speculative',
      evidenceDetail: {
        level: 'speculative',
        claimant: 'Experts',
        wording: ['may involve'],
        sources: [
          {
            publisher: 'Example News',
            date: '2023-11-16',
            quote: 'the growing rapprochement between Pyongyang and Moscow may involve new shipments of North Korean workers',
          },
        ],
      },
      message: 'workers-far-east: DPRK nationals earning income in RU after 2019-12-22',
      location: { file: 'cases/2023-11/records.yaml', line: 61, column: 5 },
      date: { text: '2019-06..2023-11', precision: 'range', start: '2019-06-01', end: '2023-11-30' },
      notes: ['The activity straddles 2019-12-22: it began before the rule applies and continued after.'],
      explanation: [
        { condition: 'workers-from-dprk', fact: 'workerCountries', operator: 'includesAny', expected: ['KP'], actual: ['KP'], held: true },
        {
          condition: 'host-is-national',
          fact: 'nationalOfHostState',
          operator: 'equal',
          expected: true,
          actual: null,
          held: null,
          negated: true,
        },
      ],
    },
    {
      recordId: 'science-protocol',
      ruleId: 'scientific-cooperation',
      ruleTitle: 'Scientific and technical cooperation with DPRK-sponsored persons',
      provisions: [p2321_11],
      outcome: 'exempt',
      evidence: 'reported',
      evidenceDetail: {
        level: 'reported',
        claimant: 'KCNA',
        wording: ['said'],
        sources: [{ publisher: 'KCNA', date: '2023-11-16', quote: 'A protocol of the meeting was signed' }],
      },
      message: 'science-protocol: scientific cooperation with KP',
      location: { file: 'cases/2023-11/records.yaml', line: 80, column: 5 },
      date: { text: '2023-11', precision: 'month', start: '2023-11-01', end: '2023-11-30' },
      exemption: { id: 'medical-exchange', title: 'Medical exchanges are excepted', provisions: [p2321_11, p2321_46] },
      notes: [],
      explanation: [
        {
          condition: 'is-cooperation',
          fact: 'type',
          operator: 'in',
          expected: ['scientific-cooperation'],
          actual: 'scientific-cooperation',
          held: true,
        },
        {
          condition: 'medical',
          fact: 'field',
          operator: 'equal',
          expected: 'medical',
          actual: 'medical',
          held: true,
          exemption: 'medical-exchange',
        },
      ],
    },
    {
      recordId: 'satellite-launch',
      ruleId: 'satellite-launch-technology',
      ruleTitle: 'Launch using ballistic missile technology',
      provisions: [prst2012_13],
      outcome: 'violation',
      evidence: 'confirmed',
      evidenceDetail: { level: 'confirmed', wording: [], sources: [] },
      message: 'satellite-launch: launch using ballistic missile technology by KP',
      location: { file: 'cases/2023-11/records.yaml', line: 99, column: 5 },
      date: { text: '2023-11-21', precision: 'day', start: '2023-11-21', end: '2023-11-21' },
      notes: [],
      explanation: [{ condition: 'is-launch', fact: 'type', operator: 'in', expected: ['launch'], actual: 'launch', held: true }],
    },
    hostileFinding(),
  ];
}

/** A report over the November 2023 DPRK–Russia case, with one hostile record among the others. */
export function sampleReport(): Report {
  const all = findings();
  return {
    tool: { name: 'sanctions-check', version: '0.1.0' },
    asOf: '2024-03-01',
    records: 6,
    rules: 5,
    lists: [{ list: 'un-1718', title: 'UN Security Council Consolidated List (DPRK entries)', date: '2024-02-20' }],
    cases: [
      {
        title: 'DPRK–Russia intergovernmental commission, November 2023',
        description: 'Activities reported around the commission’s meeting in Pyongyang.',
      },
      { title: `Case ${HOSTILE.script}` },
    ],
    findings: all,
    activities: activities(),
    ruleCatalog: ruleCatalog(),
    timeline: [
      { date: '2006-10-14', kind: 'adoption', label: 'S/RES/1718 (2006) adopted' },
      { date: '2012-04-16', kind: 'adoption', label: 'S/PRST/2012/13 issued' },
      { date: '2016-03-02', kind: 'adoption', label: 'S/RES/2270 (2016) adopted' },
      { date: '2016-11-30', kind: 'adoption', label: 'S/RES/2321 (2016) adopted' },
      { date: '2017-12-22', kind: 'adoption', label: 'S/RES/2397 (2017) adopted' },
      { date: '2019-12-22', kind: 'deadline', label: 'Repatriation deadline (2397 para 8)' },
    ],
    summary: { violation: 3, review: 1, exempt: 1 },
    byEvidence: { confirmed: 1, reported: 1, alleged: 2, speculative: 1 },
  };
}

/** A run that loaded rules but found nothing to report. */
export function emptyReport(): Report {
  return {
    tool: { name: 'sanctions-check', version: '0.1.0' },
    records: 0,
    rules: 1,
    lists: [],
    cases: [],
    findings: [],
    activities: [],
    ruleCatalog: ruleCatalog().slice(0, 1),
    timeline: [],
    summary: { violation: 0, review: 0, exempt: 0 },
    byEvidence: { confirmed: 0, reported: 0, alleged: 0, speculative: 0 },
  };
}
