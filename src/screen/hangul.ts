// Hangul to Revised Romanization, syllable by syllable (Unicode syllable decomposition), so Hangul names key like romanized ones.
//
// A precomposed syllable U+AC00 + (initial × 21 + vowel) × 28 + final decomposes arithmetically (The Unicode
// Standard, chapter 3.12 "Conjoining Jamo Behavior", https://www.unicode.org/versions/latest/ch03.pdf). Letters follow
// the Revised Romanization (Ministry of Culture and Tourism, Notice 2000-8, https://www.korean.go.kr/front_eng/roman/roman_01.do).

const INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const VOWELS = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
const FINALS = [
  '',
  'k',
  'k',
  'k',
  'n',
  'n',
  'n',
  't',
  'l',
  'k',
  'm',
  'l',
  'l',
  'l',
  'p',
  'l',
  'm',
  'p',
  'p',
  't',
  't',
  'ng',
  't',
  't',
  'k',
  't',
  'p',
  't',
];

const FIRST = 0xac00;
const LAST = 0xd7a3;

export function isHangulSyllable(c: number): boolean {
  return c >= FIRST && c <= LAST;
}

export function hasHangul(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isHangulSyllable(text.charCodeAt(i))) return true;
  return false;
}

/** One Hangul syllable in Revised Romanization, e.g. 철 -> cheol. */
export function romanizeSyllable(c: number): string {
  const n = c - FIRST;
  return INITIALS[Math.floor(n / 588)]! + VOWELS[Math.floor((n % 588) / 28)]! + FINALS[n % 28]!;
}

/**
 * A text with each Hangul syllable romanized as a word of its own (김정은 -> "gim jeong eun"); other
 * characters are kept. Korean personal names are written family name first and without spaces, so each
 * syllable becomes a word and the first is the family name.
 */
export function romanizeHangul(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const c = ch.codePointAt(0)!;
    out += isHangulSyllable(c) ? ` ${romanizeSyllable(c)} ` : ch;
  }
  return out.replace(/\s+/g, ' ').trim();
}
