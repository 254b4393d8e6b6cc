// The facts the rules' exemptions turn on (purpose, committee approval or notification, the Rajin
// route, a joint venture's purpose, a port entry's reason, what became of a shipment), drafted only
// where the clause states them; the ones it does not state are listed for the analyst to check.

export type FactValue = boolean | string;

export interface DraftedFacts {
  facts: Record<string, FactValue>;
  /** One line per fact drafted: the fact, its value and the words it was read from. */
  rules: string[];
  /** The exemption facts of this type that the clause does not state. */
  unstated: string[];
}

interface FactCue {
  fact: string;
  value: FactValue | ((m: RegExpMatchArray) => FactValue);
  pattern: RegExp;
  /** Only for these record types (all when absent). */
  types?: readonly string[];
  /** Only when the whole clause also says this. */
  with?: RegExp;
}

const RAJIN = /\b(?:Rajin|Rason|Najin)(?:[-–](?:Khasan))?\b|\bKhasan[-–]Rajin\b/;

/** The cues, in the order they are tried; the first cue for a fact wins. */
const CUES: readonly FactCue[] = [
  {
    fact: 'committeeApproval',
    value: false,
    pattern:
      /\bwithout (?:(?:the|an?|any) )?(?:(?:UN |Security Council |sanctions |1718 )*[Cc]ommittee(?:['’]s)? )?(?:approval|exemption|authori[sz]ation)\b/,
  },
  {
    fact: 'committeeApproval',
    value: true,
    pattern:
      /\b(?:approved|authori[sz]ed|exempted|granted an exemption) by the (?:UN |United Nations |Security Council(?:['’]s)? )?(?:1718 |sanctions )*[Cc]ommittee\b|\b(?:[Cc]ommittee|UN) (?:approved|granted) (?:an |the )?(?:exemption|approval)\b|\bwith (?:the )?(?:approval|an exemption) (?:of|from) the (?:UN |Security Council(?:['’]s)? )?(?:1718 |sanctions )*[Cc]ommittee\b|\b(?:sanctions|humanitarian) exemption (?:granted|approved) by the (?:UN|[Cc]ommittee)\b/,
  },
  {
    fact: 'committeeNotified',
    value: true,
    pattern: /\bnotified the (?:UN |Security Council(?:['’]s )?)?(?:1718 |sanctions )*[Cc]ommittee\b/,
  },
  {
    fact: 'purpose',
    value: 'humanitarian',
    pattern: /\bhumanitarian (?:aid|assistance|purposes?|supplies|relief|use|reasons)\b|\bfor humanitarian\b/i,
  },
  { fact: 'purpose', value: 'livelihood', pattern: /\blivelihood(?:s| purposes)?\b/i },
  { fact: 'purpose', value: 'medical', pattern: /\bfor (?:medical|treatment) (?:purposes|use)\b/i },
  {
    fact: 'purpose',
    value: 'civil-aviation',
    pattern: /\b(?:civil|civilian|passenger) (?:aviation|aircraft|airliners?|flights?)\b/i,
    types: ['trade-shipment'],
  },
  { fact: 'purpose', value: 'denuclearization', pattern: /\bdenucleari[sz]ation (?:work|activities|verification)\b/i },
  {
    fact: 'purpose',
    value: 'military',
    pattern:
      /\bfor (?:military|the military|the army|the Korean People['’]s Army) (?:use|purposes)?\b|\bfor use in (?:its|the|Russia['’]s) war\b|\bto use in (?:its|the) war\b/i,
  },
  {
    fact: 'routeVia',
    value: 'Rajin',
    pattern: /\b(?:via|through|from|at|out of)\s+(?:the\s+)?(?:port of\s+)?(?:Rajin|Rason|Najin)\b|\bRajin[-–]Khasan\b|\bKhasan[-–]Rajin\b/,
    types: ['trade-shipment', 'joint-venture', 'ship-to-ship-transfer', 'port-call'],
  },
  { fact: 'venturePurpose', value: 'russian-coal-export-via-rajin', pattern: /\bcoal\b/i, types: ['joint-venture'], with: RAJIN },
  { fact: 'venturePurpose', value: 'hydroelectric-infrastructure', pattern: /\bhydro(?:electric|power)\b/i, types: ['joint-venture'] },
  {
    fact: 'portEntryReason',
    value: 'emergency',
    pattern: /\b(?:emergency|in distress|to shelter from (?:a |the )?(?:storm|typhoon))\b/i,
    types: ['port-call'],
  },
  {
    fact: 'portEntryReason',
    value: 'return-to-port-of-origination',
    pattern: /\breturn(?:ed|ing)? to its (?:home )?port\b/i,
    types: ['port-call'],
  },
  {
    fact: 'shipmentStage',
    value: 'intercepted',
    pattern: /\b(?:intercepted|seized|impounded|confiscated)\b/i,
    types: ['trade-shipment', 'arms-transfer', 'ship-to-ship-transfer', 'vessel-transfer'],
  },
  {
    fact: 'shipmentStage',
    value: 'attempted',
    pattern: /\b(?:attempted|tried|sought) to (?:ship|deliver|sell|export|import|transfer|smuggle)\b/i,
    types: ['trade-shipment', 'arms-transfer', 'ship-to-ship-transfer', 'vessel-transfer'],
  },
];

/** The exemption facts each type's rules turn on (docs/drafting.md), listed when the text does not state them. */
const EXEMPTION_FACTS_OF: Record<string, readonly string[]> = {
  'arms-transfer': ['committeeApproval', 'committeeNotified', 'stateDetermination', 'purpose'],
  'trade-shipment': ['committeeApproval', 'committeeNotified', 'purpose', 'routeVia', 'contractDate'],
  'ship-to-ship-transfer': ['committeeApproval', 'purpose', 'routeVia'],
  'port-call': ['portEntryReason', 'committeeApproval', 'purpose'],
  'vessel-transfer': ['committeeApproval', 'purpose'],
  'vessel-service': ['committeeApproval', 'purpose'],
  'joint-venture': ['committeeApproval', 'venturePurpose', 'routeVia', 'sector'],
  'labour-deployment': ['committeeApproval', 'contractDate', 'nationalOfHostState', 'repatriationProhibited'],
  'technical-assistance': ['committeeApproval', 'committeeNotified', 'purpose'],
  training: ['committeeApproval', 'committeeNotified', 'purpose'],
  'scientific-cooperation': ['committeeApproval', 'committeeNotified', 'stateDetermination', 'field'],
  'financial-service': ['committeeApproval', 'purpose'],
  'financial-transfer': ['committeeApproval', 'purpose'],
  travel: ['committeeApproval', 'purpose'],
};

/** The exemption facts a clause states for a draft of type `type`, and those of its type it leaves unstated. */
export function exemptionFacts(clause: string, type: string): DraftedFacts {
  const facts: Record<string, FactValue> = {};
  const rules: string[] = [];
  for (const cue of CUES) {
    if (cue.fact in facts) continue;
    if (cue.types && !cue.types.includes(type)) continue;
    // Only the facts this type's exemptions use (and what became of a shipment).
    if (cue.fact !== 'shipmentStage' && !EXEMPTION_FACTS_OF[type]?.includes(cue.fact)) continue;
    if (cue.with && !cue.with.test(clause)) continue;
    const m = cue.pattern.exec(clause);
    if (!m) continue;
    const value = typeof cue.value === 'function' ? cue.value(m) : cue.value;
    facts[cue.fact] = value;
    rules.push(`fact ${cue.fact}: ${JSON.stringify(value)} from “${m[0]}”`);
  }
  const unstated = (EXEMPTION_FACTS_OF[type] ?? []).filter((f) => !(f in facts));
  return { facts, rules, unstated };
}
