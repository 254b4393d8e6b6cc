// Romanized Korean to a comparison key: the spellings of one syllable in McCune–Reischauer, Revised Romanization and the DPRK's own system meet in one key.
//
// Sources for the equivalence tables below:
// - McCune–Reischauer: G. M. McCune and E. O. Reischauer, "The Romanization of the Korean Language, Based upon
//   Its Phonetic Structure", Transactions of the Korea Branch of the Royal Asiatic Society 29 (1939); letter table as
//   summarised at https://en.wikipedia.org/wiki/McCune%E2%80%93Reischauer (breves ŏ ŭ for ㅓ ㅡ; an apostrophe
//   marks the aspirated ch' k' t' p'; plain ㅈ ㄱ ㄷ ㅂ are ch k t p, voiced between vowels j g d b).
// - Revised Romanization of Korean: Ministry of Culture and Tourism, Proclamation No. 2000-8 of 7 July 2000, as
//   published by the National Institute of Korean Language, https://www.korean.go.kr/eng_hangeul/principle/005.html,
//   and submitted to the UN (E/CONF.94/INF.68, Eighth UN Conference on the Standardization of Geographical Names,
//   2002): ㅓ eo, ㅡ eu, ㅐ ae, ㅚ oe; ㄱ ㄷ ㅂ ㅈ g d b j before a vowel, ㅋ ㅌ ㅍ ㅊ k t p ch; no breves or apostrophes.
// - DPRK system: Academy of Social Sciences (Sahoe Kwahagwŏn), adopted 1992, presented to the 17th session of
//   UNGEGN (1994), updated 2002 (UNGEGN Working Group on Romanization Systems, "Updates to the report on the current
//   status of United Nations romanization systems for geographical names"); table as summarised at
//   https://en.wikipedia.org/wiki/Romanization_of_Korean_(North_Korean_system): ㅓ ŏ, ㅡ ŭ (names written without
//   breves: Chol, Jong), ㅈ j, ㅊ ch, ㅋ ㅌ ㅍ kh th ph, ㄹ initial r (Ri, Ryu, Ro), given-name syllables written apart.
//
// The key keeps what all three systems agree on and folds what they spell differently: ㅓ (eo, ŏ, o) and ㅗ both
// key O; ㅡ (eu, ŭ, u) and ㅜ both key U; plain, tense and aspirated stops key alike (g k kk → K, d t tt → T,
// b p pp → P, j ch tch jj → C); l and r key R; ㅐ and ㅔ key E; ㅚ ㅙ ㅞ (oe, oi, wae, we) key WE.

/** One piece of a key and where it came from: the span of the (NFC, lower-cased) word and the rule used. */
export interface KeyPiece {
  key: string;
  from: number;
  to: number;
  rule?: string;
  /** The text of the span (set by keyWord). */
  text?: string;
}

interface Pattern {
  text: string;
  key: string;
  rule?: string;
}

const R_EO = 'RR eo / MR ŏ -> DPRK o';
const R_EU = 'RR eu / MR ŭ -> DPRK u';
const R_YEO = 'RR yeo / MR yŏ -> DPRK yo';
const R_WEO = 'RR wo / MR wŏ -> DPRK wo';
const R_UI = 'RR ui / MR ŭi -> DPRK ui';
const R_OE = 'oe = oi = we = wae (ㅚ ㅙ ㅞ)';
const R_AE = 'ae = e (ㅐ ㅔ)';
const R_ASP = 'MR apostrophe (aspiration) dropped';
const R_J = 'j = ch = tch = jj (ㅈ ㅊ ㅉ)';
const R_K = 'g = k = kk (ㄱ ㅋ ㄲ)';
const R_T = 'd = t = tt (ㄷ ㅌ ㄸ)';
const R_P = 'b = p = pp (ㅂ ㅍ ㅃ)';
const R_S = 's = ss = sh (ㅅ ㅆ)';
const R_L = 'l = r (ㄹ)';
const R_EE = 'ee = i, oo = u (English-style spelling)';
const R_H = 'final h dropped (Oh = O)';
const R_KH = "DPRK kh / th / ph = MR k' / t' / p' (aspirated)";

/** Spellings, longest first at each position; `'` stands for any apostrophe the input used. */
const PATTERNS: Pattern[] = [
  // vowels written with a breve or an apostrophe after the vowel (the UN list writes ŏ as O', ŭ as U')
  { text: 'yŏ', key: 'YO', rule: R_YEO },
  { text: "yo'", key: 'YO', rule: R_YEO },
  { text: 'yeo', key: 'YO', rule: R_YEO },
  { text: 'wŏ', key: 'WO', rule: R_WEO },
  { text: "wo'", key: 'WO', rule: R_WEO },
  { text: 'weo', key: 'WO', rule: R_WEO },
  { text: 'ŭi', key: 'UI', rule: R_UI },
  { text: "u'i", key: 'UI', rule: R_UI },
  { text: 'eui', key: 'UI', rule: R_UI },
  { text: 'wae', key: 'WE', rule: R_OE },
  { text: 'oe', key: 'WE', rule: R_OE },
  { text: 'oi', key: 'WE', rule: R_OE },
  { text: 'we', key: 'WE', rule: R_OE },
  { text: 'ŏ', key: 'O', rule: R_EO },
  { text: "o'", key: 'O', rule: R_EO },
  { text: 'eo', key: 'O', rule: R_EO },
  { text: 'ŭ', key: 'U', rule: R_EU },
  { text: "u'", key: 'U', rule: R_EU },
  { text: 'eu', key: 'U', rule: R_EU },
  { text: 'ae', key: 'E', rule: R_AE },
  { text: 'ee', key: 'I', rule: R_EE },
  { text: 'oo', key: 'U', rule: R_EE },
  { text: 'ä', key: 'E', rule: R_AE },
  { text: 'ö', key: 'WE', rule: R_OE },
  { text: 'ü', key: 'WI' },
  // consonants
  { text: "tch'", key: 'C', rule: R_J },
  { text: 'tch', key: 'C', rule: R_J },
  { text: "ch'", key: 'C', rule: R_ASP },
  { text: 'ch', key: 'C', rule: R_J },
  { text: 'jj', key: 'C', rule: R_J },
  { text: 'j', key: 'C', rule: R_J },
  { text: "ts'", key: 'C', rule: R_J },
  { text: 'kh', key: 'K', rule: R_KH },
  { text: 'th', key: 'T', rule: R_KH },
  { text: 'ph', key: 'P', rule: R_KH },
  { text: "k'", key: 'K', rule: R_ASP },
  { text: 'kk', key: 'K', rule: R_K },
  { text: 'gg', key: 'K', rule: R_K },
  { text: 'g', key: 'K', rule: R_K },
  { text: 'k', key: 'K' },
  { text: "t'", key: 'T', rule: R_ASP },
  { text: 'tt', key: 'T', rule: R_T },
  { text: 'dd', key: 'T', rule: R_T },
  { text: 'd', key: 'T', rule: R_T },
  { text: 't', key: 'T' },
  { text: "p'", key: 'P', rule: R_ASP },
  { text: 'pp', key: 'P', rule: R_P },
  { text: 'bb', key: 'P', rule: R_P },
  { text: 'b', key: 'P', rule: R_P },
  { text: 'p', key: 'P' },
  { text: 'ss', key: 'S', rule: R_S },
  { text: 'sh', key: 'S', rule: R_S },
  { text: 's', key: 'S' },
  { text: 'rh', key: 'R', rule: R_L },
  { text: 'r', key: 'R', rule: R_L },
  { text: 'll', key: 'R', rule: R_L },
  { text: 'l', key: 'R', rule: R_L },
  { text: 'c', key: 'C', rule: R_J },
];

const BY_FIRST = new Map<string, Pattern[]>();
for (const p of PATTERNS) {
  const first = p.text[0]!;
  const list = BY_FIRST.get(first) ?? [];
  list.push(p);
  BY_FIRST.set(first, list);
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b.text.length - a.text.length);

const APOSTROPHES = /['’‘`ʼʻ´]/g;
const VOWEL = /[aeiouyw]/;

/** Text ready for keying: NFC, lower case, every apostrophe as "'". Lengths match the input's NFC form. */
export function foldText(text: string): string {
  // ASCII text is its own NFC form
  const ascii = /^[\x00-\x7f]*$/.test(text);
  const lower = (ascii ? text : text.normalize('NFC')).toLowerCase();
  return lower.includes('`') || !ascii ? lower.replace(APOSTROPHES, "'") : lower;
}

/**
 * The key pieces of one word (a run of letters and digits, apostrophes included), `offset` being where the
 * word starts in the folded text. A word-initial r or l before i or y is dropped (DPRK Ri, Ryu, Rim = RR I, Yu,
 * Im) and before other vowels keyed N (DPRK Ro, Ra = RR No, Na): the initial-sound rule of South Korean spelling.
 */
export function keyWord(word: string, offset: number): KeyPiece[] {
  const out: KeyPiece[] = [];
  let i = 0;
  if ((word[0] === 'r' || word[0] === 'l') && word.length > 1) {
    const skip = word[1] === 'h' ? 2 : 1;
    const next = word[skip];
    if (next === 'i' || next === 'y' || (next === 'e' && word[skip + 1] === 'e')) {
      out.push({ key: '', from: offset, to: offset + skip, rule: 'initial r/l dropped before i, y (DPRK Ri = RR I / Yi / Lee)' });
      i = skip;
    } else if (next !== undefined && VOWEL.test(next)) {
      out.push({ key: 'N', from: offset, to: offset + skip, rule: 'initial r/l = n (DPRK Ro = RR No)' });
      i = skip;
    }
  }
  if (word === 'yi') return [{ key: 'I', from: offset, to: offset + 2, rule: 'Yi = I (ㅢ/이 surname)', text: 'yi' }];
  while (i < word.length) {
    const c = word[i]!;
    if (c === "'") {
      i++;
      continue;
    }
    if (c === 'h' && i === word.length - 1 && i > 0 && VOWEL.test(word[i - 1]!)) {
      out.push({ key: '', from: offset + i, to: offset + i + 1, rule: R_H });
      i++;
      continue;
    }
    const candidates = BY_FIRST.get(c);
    let matched: Pattern | undefined;
    if (candidates)
      for (const p of candidates)
        if (word.startsWith(p.text, i)) {
          matched = p;
          break;
        }
    if (matched) {
      out.push({
        key: matched.key,
        from: offset + i,
        to: offset + i + matched.text.length,
        ...(matched.rule ? { rule: matched.rule } : {}),
      });
      i += matched.text.length;
    } else {
      out.push({ key: c.toUpperCase(), from: offset + i, to: offset + i + 1 });
      i++;
    }
  }
  for (const p of out) p.text = word.slice(p.from - offset, p.to - offset);
  return out;
}

export interface Word {
  /** The word as written (NFC), for explanations. */
  text: string;
  /** Its folded form. */
  folded: string;
  key: string;
  pieces: KeyPiece[];
}

/** Latin letters (with the breves and umlauts seen in romanized Korean: U+00E0 to U+024F), digits and apostrophes. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39 || (c >= 0xe0 && c <= 0x24f);
}

/** Words already made, by their text as written: names repeat their words (Kim, Chol, Trading). Never changed once made. */
const WORDS = new Map<string, Word>();

/** The words of a romanized name, each keyed. Brackets, hyphens and other punctuation separate words. */
export function romanizedWords(name: string): Word[] {
  const nfc = /^[\x00-\x7f]*$/.test(name) ? name : name.normalize('NFC');
  const folded = foldText(nfc);
  const words: Word[] = [];
  const n = folded.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(folded.charCodeAt(i))) {
      i++;
      continue;
    }
    let start = i;
    while (i < n && isWordChar(folded.charCodeAt(i))) i++;
    let end = i;
    // apostrophes at the edges are quotes, not letters (o' and u' are the list's breves)
    while (start < end && folded.charCodeAt(start) === 39) start++;
    while (end > start && folded.charCodeAt(end - 1) === 39 && !(end - start >= 2 && (folded[end - 2] === 'o' || folded[end - 2] === 'u')))
      end--;
    if (start === end) continue;
    const text = nfc.slice(start, end);
    let word = WORDS.get(text);
    if (word === undefined) {
      const w = folded.slice(start, end);
      const keyed = keyedWord(w);
      word = { text, folded: w, key: keyed.key, pieces: keyed.pieces };
      if (WORDS.size >= KEYED_MAX) WORDS.clear();
      WORDS.set(text, word);
    }
    words.push(word);
  }
  return words;
}

/** Words already keyed: names repeat their words (Kim, Chol, Trading), so each is keyed once. Never changed once made. */
const KEYED = new Map<string, { key: string; pieces: KeyPiece[] }>();
/** The memo is emptied when it holds this many words (a bound on memory, not a limit on names). */
const KEYED_MAX = 100_000;

function keyedWord(word: string): { key: string; pieces: KeyPiece[] } {
  let keyed = KEYED.get(word);
  if (keyed === undefined) {
    const pieces = keyWord(word, 0);
    let key = '';
    for (const p of pieces) key += p.key;
    keyed = { key, pieces };
    if (KEYED.size >= KEYED_MAX) KEYED.clear();
    KEYED.set(word, keyed);
  }
  return keyed;
}

/** Surname spellings that no letter rule joins, each to the key its family shares. */
export const SURNAMES: ReadonlyMap<string, { key: string; family: string }> = new Map(
  (
    [
      ['I', 'Ri = Rhee = Lee = Yi = I (리/이)', ['ri', 'rhee', 'lee', 'yi', 'i', 'li', 'rhie', 'ree', 'yee', 'rie']],
      ['CWE', 'Choe = Choi = Chwe (최)', ['choe', 'choi', 'chwe', 'choy', "ch'oe", 'chey']],
      ['PAK', 'Pak = Park = Bak (박)', ['pak', 'park', 'bak', 'bark', 'pahk', 'paik']],
      ['CON', 'Jon = Jeon = Chon = Chun (전)', ['jon', 'jeon', 'chon', "ch'ŏn", 'chun', 'jun', 'cheon', "cho'n", 'chŏn', 'jŏn']],
      ['KIM', 'Kim = Gim (김)', ['kim', 'gim', 'ghim']],
      ['YU', 'Ryu = Yu = Yoo = Lyu (류/유)', ['ryu', 'yu', 'yoo', 'lyu', 'you', 'yuh', 'rhyu']],
      ['IM', 'Rim = Im = Lim (림/임)', ['rim', 'im', 'lim', 'yim']],
      ['NO', 'Ro = No = Roh = Noh (로/노)', ['ro', 'no', 'roh', 'noh']],
      ['O', 'O = Oh (오)', ['o', 'oh']],
      ['CANG', 'Jang = Chang (장)', ['jang', 'chang', "ch'ang"]],
      ['KANG', 'Kang = Gang (강)', ['kang', 'gang']],
      ['SIN', 'Sin = Shin (신)', ['sin', 'shin']],
      ['NA', 'Ra = Na = La (라/나)', ['ra', 'na', 'la']],
      ['YANG', 'Ryang = Yang (량/양)', ['ryang', 'yang']],
      ['YON', 'Ryon = Yon = Yeon (련/연)', ['ryon', 'yon', 'yeon', "yo'n", 'yŏn']],
      ['PE', 'Pae = Bae (배)', ['pae', 'bae']],
      ['PEK', 'Paek = Baek = Paik (백)', ['paek', 'baek', 'baik']],
      ['CO', 'Jo = Cho (조)', ['jo', 'cho']],
      ['CU', 'Ju = Chu (주)', ['ju', 'chu']],
      ['HAN', 'Han (한)', ['han']],
      ['HYON', 'Hyon = Hyeon = Hyun (현)', ['hyon', 'hyeon', 'hyun', "hyo'n", 'hyŏn']],
      ['KU', 'Ku = Gu = Koo (구)', ['ku', 'gu', 'koo']],
      ['KO', 'Ko = Go = Koh (고)', ['ko', 'go', 'koh']],
      ['SON', 'Son = Sohn (손)', ['son', 'sohn']],
      ['MUN', 'Mun = Moon (문)', ['mun', 'moon']],
      ['YUN', 'Yun = Yoon (윤)', ['yun', 'yoon']],
      ['SONG', 'Song = Sung (성)', ['song', 'sung', 'seong']],
      ['HWANG', 'Hwang (황)', ['hwang']],
      ['CONG', 'Jong = Jeong = Chung = Chong (정)', ['jong', 'jeong', 'chung', 'chong', "cho'ng", 'chŏng', 'jung']],
    ] as const
  ).flatMap(([key, family, spellings]) => spellings.map((s) => [s, { key, family }] as const)),
);

/** Surnames so common that a name made of one of them and a short given name never matches on the name alone. */
export const COMMON_SURNAME_KEYS: ReadonlySet<string> = new Set(['KIM', 'I', 'PAK']);
