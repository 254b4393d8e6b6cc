// Keyword and pattern rules that give a clause its record type(s), and the goods it names with
// their categories and HS codes.
import type { Goods } from '../types.js';

export interface TypeRule {
  type: string;
  /** A short name for the draft note. */
  name: string;
  test: RegExp;
  /** Also required, when given. */
  and?: RegExp;
  /** Types this one stands in for: when this one fires, they are not drafted from the same clause. */
  supersedes?: string[];
}

const TRANSFER =
  /\b(?:deliver\w*|suppl(?:y|ied|ies|ying)|provi(?:de|ded|des|ding|sion)|transfer\w*|s(?:ell|old|ale|ales)|ship(?:ped|ping|ments?)|export\w*|import\w*|acquir\w*|procur\w*|sen[dt]|sending|purchas\w*|bought|buy\w*|receiv\w*|obtain\w*|smuggl\w*|seiz\w*|intercept\w*|confiscat\w*)\b/i;
const ARMS =
  /\b(?:arms|weapons?|munitions?|ammunition|artillery|shells|rounds|rockets?|missiles?|military equipment|firearms|rifles|tanks|drones)\b/i;

/** In priority order. */
export const TYPE_RULES: readonly TypeRule[] = [
  { type: 'nuclear-test', name: 'nuclear test', test: /\bnuclear (?:weapons? )?tests?\b|\bnuclear detonation/i },
  {
    type: 'technical-assistance',
    name: 'assistance, support or advice',
    test: /\b(?:technical|technological|military|scientific|launch)?\s*(?:support|assistance|advice|help|know-how|expertise)\b|\b(?:rocket|missile|engine|military|nuclear|space|satellite|weapons?) technolog(?:y|ies)\b/i,
    and: /\b(?:provid\w*|receiv\w*|seek\w*|give|giv\w*|offer\w*|in return|transfer\w*|assist\w*|get|getting|obtain\w*)\b/i,
    supersedes: ['launch', 'scientific-cooperation'],
  },
  { type: 'arms-transfer', name: 'arms or ammunition moving', test: ARMS, and: TRANSFER, supersedes: ['launch', 'trade-shipment'] },
  {
    type: 'launch',
    name: 'missile or space launch',
    test: /\b(?:(?:missile|rocket|satellite|ICBM|SLBM|IRBM)s?\b[^.]{0,60}\b(?:launch\w*|test\w*|fir(?:e|ed|ing))|(?:launch\w*|fir(?:e|ed|es|ing))\b[^.]{0,60}\b(?:missiles?|rockets?|satellites?|ICBMs?|SLBMs?)|missile (?:tests?|launch\w*))\b/i,
  },
  {
    type: 'labour-deployment',
    name: 'workers or labour',
    test: /\b(?:workers?|labou?r(?:ers)?|labou?r force|employment|employed)\b/i,
    supersedes: ['trade-shipment'],
  },
  { type: 'ship-to-ship-transfer', name: 'ship-to-ship transfer', test: /\bship-to-ship\b|\bSTS transfers?\b/i },
  {
    type: 'port-call',
    name: 'a vessel in port',
    test: /\b(?:call(?:ed|s|ing)? (?:at|in)|dock(?:ed|s|ing)? (?:at|in)|enter(?:ed|s|ing)|arriv(?:ed|es|ing) (?:at|in)|anchor(?:ed|s|ing) (?:at|in|off)|berth(?:ed|s|ing) (?:at|in)|port calls?)\b/i,
    and: /\b(?:port|harbou?r|Namph?o|Rajin|Chongjin|Songrim|Wonsan|Hungnam|Vostochny|Vladivostok|Nakhodka)\b[^.]*|\b(?:vessel|ship|tanker|freighter|carrier)s?\b[^.]*\b(?:port|harbou?r)\b/i,
  },
  { type: 'joint-venture', name: 'joint venture', test: /\bjoint ventures?\b|\bcooperative entit(?:y|ies)\b/i },
  {
    type: 'cyber-theft',
    name: 'theft of funds or virtual assets',
    test: /\b(?:theft|thefts|st(?:ole|olen|eal|ealing)|heist|hack(?:ed|s)?|drain(?:ed)?)\b/i,
    and: /(?:\$\s?\d|\bmillion\b|\bbillion\b|cryptocurrenc|virtual (?:assets?|currenc)|\bether(?:eum)?\b|\bbitcoin\b|\bfunds\b|\bexchange\b|\bUSDC\b|\bETH\b)/i,
    supersedes: ['cyber-intrusion'],
  },
  {
    type: 'cyber-intrusion',
    name: 'intrusion or theft of information',
    test: /\b(?:hack\w*|intrusion|(?:data|security|network) breach\w*|breach\w* (?:of )?(?:the |its |their |an? )?(?:[\w'’]+\s+)?(?:systems?|networks?|servers?|databases?|accounts?|wallets?)|cyber[- ]?attacks?|malware|ransomware|st(?:ole|olen|eal|ealing)\s+(?:\w+\s+){0,3}(?:information|data|source code|credentials))\b/i,
  },
  {
    type: 'money-laundering',
    name: 'laundering or remitting proceeds',
    test: /\b(?:launder\w*|mixers?|tornado cash|cash(?:ed|ing)? out|remit\w*\s+(?:the\s+)?proceeds|proceeds)\b/i,
  },
  {
    type: 'financial-service',
    name: 'banking or financial services',
    test: /\b(?:financial services?|bank(?:s|ing)?\b[^.]{0,80}\b(?:assist\w*|accounts?|services?|support\w*)|accounts? (?:for|with|at)|correspondent|insurance|financial systems?)\b/i,
  },
  {
    type: 'financial-transfer',
    name: 'payments or transfers of money',
    test: /\b(?:payments?|paid|wire transfers?|transferr?ed\s+(?:\$|funds|money)|remittances?|U\.S\. dollars)\b/i,
  },
  {
    type: 'trade-shipment',
    name: 'goods moving',
    test: /\b(?:oil|petroleum|fuel|diesel|coal|iron|ore|seafood|textiles|goods|cargo|machinery|vehicles|luxury|commodit\w*|products)\b/i,
    and: /\b(?:deliver\w*|suppl\w*|ship(?:ped|ping|ments?)|export\w*|import\w*|transport\w*|sell|sold|sales?|smuggl\w*|bought|purchas\w*|traded?|seiz\w*|intercept\w*|confiscat\w*|load(?:ed|ing|s)?|unload\w*|carr(?:y|ied|ying))\b/i,
  },
  {
    type: 'programme-activity',
    name: 'work on a WMD or missile programme',
    test: /\b(?:develop\w*|build\w*|enrich\w*|reactor|programs?|programmes?)\b/i,
    and: /\b(?:weapons of mass destruction|WMD|nuclear|ballistic missiles?)\b/i,
  },
  {
    type: 'agreement',
    name: 'agreement or protocol',
    test: /\b(?:agreements?|protocols?|memorand(?:um|a)|treat(?:y|ies)|accords?|signed|sign(?:s|ing)?)\b/i,
  },
  {
    type: 'travel',
    name: 'visit or travel',
    test: /\b(?:[Vv]isit(?:ed|s|ing)?|[Tt]ravel(?:l?ed|s)?|[Tt]rip)\s+(?:to|in)\b|\b(?:[Vv]isit|[Tt]rip) to\b|’s visit\b|'s visit\b|\b[Vv]isit(?:ed|ing)\s+(?:the\s+)?[A-Z]/,
  },
  { type: 'meeting', name: 'meeting or talks', test: /\b(?:meetings?|talks|summit|met\b|held talks|negotiations?|conference)\b/i },
  {
    type: 'scientific-cooperation',
    name: 'cooperation in science or technology',
    test: /\b(?:scien\w+|technolog\w+|research)\b/i,
    and: /\b(?:cooperat\w+|exchanges?|collaborat\w+)\b/i,
  },
  {
    type: 'other',
    name: 'cooperation in trade or the economy',
    test: /\b(?:trade|econom\w+)\b/i,
    and: /\b(?:cooperat\w+|exchanges?|ties)\b/i,
  },
];

/** The types a clause gives, in rule order, with the names of the rules that fired. */
export function typesOf(clause: string): { type: string; rule: string; at: number }[] {
  const hits = TYPE_RULES.filter((r) => r.test.test(clause) && (!r.and || r.and.test(clause)));
  const superseded = new Set(hits.flatMap((h) => h.supersedes ?? []));
  return hits.filter((h) => !superseded.has(h.type)).map((h) => ({ type: h.type, rule: h.name, at: h.test.exec(clause)?.index ?? 0 }));
}

interface GoodsRule {
  pattern: RegExp;
  category: string;
  hs?: string;
}

/** Goods named in a text, the category they fall in, and their HS heading where one fits. */
const GOODS_RULES: readonly GoodsRule[] = [
  { pattern: /\b(?:artillery (?:rounds|shells)|ammunition|munitions|shells|rounds)\b/i, category: 'ammunition', hs: '9306' },
  { pattern: /\b(?:ballistic missiles?|cruise missiles?|missiles?|ICBMs?|SLBMs?|IRBMs?)\b/i, category: 'missiles' },
  { pattern: /\b(?:space rockets?|satellite launch vehicles?|space launch\w*)\b/i, category: 'space-launch-technology' },
  { pattern: /\b(?:military equipment|weapons?|arms|tanks|drones)\b/i, category: 'arms', hs: '93' },
  { pattern: /\b(?:rifles|pistols|small arms|firearms)\b/i, category: 'small-arms', hs: '9302' },
  { pattern: /\bcrude(?: oil)?\b/i, category: 'crude-oil', hs: '2709' },
  {
    pattern: /\b(?:refined petroleum(?: products)?|petroleum products|diesel|gasoline|fuel oil|kerosene)\b/i,
    category: 'refined-petroleum',
    hs: '2710',
  },
  { pattern: /\bcoal\b/i, category: 'coal', hs: '2701' },
  { pattern: /\biron ore\b/i, category: 'iron-ore', hs: '2601' },
  { pattern: /\biron\b(?! ore)/i, category: 'iron', hs: '72' },
  { pattern: /\b(?:seafood|fish|crabs?|clams?)\b/i, category: 'seafood', hs: '03' },
  { pattern: /\btextiles?\b/i, category: 'textiles' },
  { pattern: /\bgold\b/i, category: 'gold', hs: '7108' },
  { pattern: /\bsilver\b/i, category: 'silver', hs: '7106' },
  { pattern: /\bcopper\b/i, category: 'copper', hs: '74' },
  { pattern: /\bzinc\b/i, category: 'zinc', hs: '79' },
  { pattern: /\bnickel\b/i, category: 'nickel', hs: '75' },
  { pattern: /\b(?:statues|monuments)\b/i, category: 'statues', hs: '9703' },
  { pattern: /\b(?:timber|wood|logs)\b/i, category: 'wood', hs: '44' },
  { pattern: /\b(?:machinery|machines)\b/i, category: 'machinery', hs: '84' },
  { pattern: /\bvehicles?\b/i, category: 'vehicles', hs: '87' },
  { pattern: /\bluxury goods\b/i, category: 'luxury-goods' },
  { pattern: /\b(?:cryptocurrenc\w*|virtual (?:assets?|currenc\w*)|ether(?:eum)?|bitcoin|ETH|USDC)\b/i, category: 'virtual-assets' },
  { pattern: /\bcash\b/i, category: 'cash' },
];

const MONEY = /\$\s?(\d[\d,.]*)\s*(million|billion)?/i;

/** The goods of a clause: each category once, with the words that name it and any money value given. */
export function goodsOf(clause: string, type: string): Goods[] {
  const goods: Goods[] = [];
  for (const r of GOODS_RULES) {
    const m = r.pattern.exec(clause);
    if (!m) continue;
    if (goods.some((g) => g.category === r.category)) continue;
    // "missiles" in an arms transfer are goods; in a launch they are what was launched.
    const g: Goods = { description: m[0], category: r.category, ...(r.hs ? { hs: r.hs } : {}) };
    goods.push(g);
  }
  const money = MONEY.exec(clause);
  if (money && (type === 'cyber-theft' || type === 'money-laundering' || type === 'financial-transfer')) {
    const n = Number(money[1]!.replace(/,/g, '')) * (money[2] ? (money[2].toLowerCase() === 'billion' ? 1e9 : 1e6) : 1);
    let target = goods.find((g) => g.category === 'virtual-assets');
    if (!target && goods.length === 0) {
      target = { description: money[0], category: 'other' };
      goods.push(target);
    }
    if (target && Number.isFinite(n)) target.value = { amount: n, currency: 'USD' };
  }
  return goods;
}
