// Romanization equivalences (McCune–Reischauer, Revised Romanization, DPRK style, Hangul) and the matcher's decisions.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { romanizeHangul } from '../../src/screen/hangul.js';
import { personForms } from '../../src/screen/name-forms.js';
import { romanizedWords } from '../../src/screen/romanization.js';
import { Screener } from '../../src/screen/screener.js';
import type { DesignationList } from '../../src/types.js';

const key = (s: string): string =>
  romanizedWords(s)
    .map((w) => w.key)
    .join('');
const list = JSON.parse(readFileSync('rules/unsc-dprk/lists/un-1718.json', 'utf8')) as DesignationList;
const screener = new Screener([list]);
const top = (name: string, extra: Partial<Parameters<Screener['screen']>[0]> = {}) => screener.screen({ id: 'q', name, ...extra })[0];

describe('syllable equivalences', () => {
  it.each([
    ['Cheol', 'Chol', "Ch'ŏl"], // 철: RR, DPRK, MR
    ['Jeong', 'Jong', 'Chŏng'], // 정: RR, DPRK, MR
    ['Eun', 'Un', 'Ŭn'], // 은
    ['Yeong', 'Yong', 'Yŏng'], // 영
    ['Beom', 'Bom', 'Pŏm'], // 범
    ['Gwang', 'Kwang', 'Kwang'], // 광
    ["CH'O'L", 'Ch’o’l', 'Chol'], // the UN list writes ŏ as O' and aspiration as '
    ['Taekhwa', "T'aek'wa", 'Taekhwa'], // DPRK kh = MR k'
    ['Phyong', "P'yŏng", 'Pyeong'], // 평: DPRK ph, MR p', RR p
  ])('%s = %s = %s', (a, b, c) => {
    expect(key(a)).toBe(key(b));
    expect(key(b)).toBe(key(c));
  });

  it('keeps apart syllables no system confuses', () => {
    expect(key('Chol')).not.toBe(key('Chun'));
    expect(key('Sik')).not.toBe(key('Sok'));
    expect(key('Il')).not.toBe(key('Ik'));
  });

  it('folds surname spellings by family', () => {
    const family = (s: string) => personForms(`${s} Je Son`)[0]!.key;
    for (const [a, others] of [
      ['Ri', ['Rhee', 'Lee', 'Yi', 'I']],
      ['Choe', ['Choi', 'Chwe']],
      ['Pak', ['Park', 'Bak']],
      ['Jon', ['Jeon', 'Chon', 'Chun']],
      ['Kim', ['Gim']],
      ['Ryu', ['Yu', 'Yoo']],
      ['Rim', ['Im', 'Lim']],
      ['Ro', ['No', 'Roh']],
      ['O', ['Oh']],
      ['Kang', ['Gang']],
      ['Jang', ['Chang']],
    ] as const) {
      for (const o of others) expect(family(o), `${a} = ${o}`).toBe(family(a));
    }
    expect(family('Kim')).not.toBe(family('Pak'));
  });

  it('romanizes Hangul by syllable decomposition', () => {
    expect(romanizeHangul('김정은')).toBe('gim jeong eun');
    expect(romanizeHangul('리철')).toBe('ri cheol');
    expect(key(romanizeHangul('문정철'))).toBe(key("MUN CHO'NG-CH'O'L"));
  });

  it('joins and splits given names: Jong-un, Jong Un and Jongun key alike', () => {
    expect(key('Jong-un')).toBe(key('Jong Un'));
    expect(key('Jong Un')).toBe(key('Jongun'));
  });
});

describe('screening the bundled list', () => {
  it('finds a person under another romanization, family name last, and explains each syllable with its rule', () => {
    const m = top('Cheong-cheol Mun', { kind: 'person' })!;
    expect(m.ref).toBe('KPi.012');
    expect(m.decision).toBe('match');
    expect(m.explanation.join('\n')).toMatch(/family name last/);
    expect(m.explanation).toContain("Cheong = CHO'NG (RR eo / MR ŏ -> DPRK o)");
  });

  it('names the surname family it equated', () => {
    const m = top('Choi Chun-sik')!;
    expect(m.ref).toBe('KPi.013');
    expect(m.explanation).toContain('Choi = CHOE (surname: Choe = Choi = Chwe (최))');
  });

  it('keeps a very common name at "possible" unless the year of birth agrees, and lowers it when the year differs', () => {
    expect(top('Ri Je-son')!.decision).toBe('possible');
    expect(top('Ri Je-son', { born: '1938' })!.decision).toBe('match');
    const other = screener.screen({ id: 'q', name: 'Mun Chong Chol', born: '1990' })[0]!;
    expect(other.score).toBeLessThan(0.9);
    expect(other.explanation.join('\n')).toMatch(/year of birth 1990 differs/);
  });

  it('tolerates a typing slip and shows the edit', () => {
    const m = top('Namchongnag Trading')!;
    expect(m.ref).toBe('KPe.004');
    expect(m.explanation.join('\n')).toMatch(/edit distance [12]/);
  });

  it('ignores legal forms and spacing for entities, and knows abbreviations', () => {
    expect(top('Nam Chon Gang Co., Ltd.')!.ref).toBe('KPe.004');
    expect(top('Korea Ryeonbong General Corp.')!.ref).toBe('KPe.002');
    expect(top('KOMID')!.ref).toBe('KPe.001');
    expect(top('GBAE')!.ref).toBe('KPe.007');
  });

  it('requires vessel numbers to agree and takes an IMO number as decisive', () => {
    expect(top('KUM UN SAN 3', { kind: 'vessel' })!.ref).toBe('IMO 8705539');
    expect(screener.screen({ id: 'q', name: 'KUM UN SAN 2', kind: 'vessel' }).filter((m) => m.ref === 'IMO 8705539')).toEqual([]);
    const renamed = top('SEA STAR', { kind: 'vessel', imo: '8705539' })!;
    expect(renamed.ref).toBe('IMO 8705539');
    expect(renamed.decision).toBe('match');
  });

  it('gives nothing for South Korean public figures and a changed syllable', () => {
    for (const n of ['Moon Jae-in', 'Yoon Suk-yeol', 'Ban Ki-moon', 'Lee Jae-myung', 'Kim Min-jun'])
      expect(screener.screen({ id: 'q', name: n }), n).toEqual([]);
    expect(screener.screen({ id: 'q', name: 'Choe Chun Nam' }).some((m) => m.decision === 'match')).toBe(false);
  });

  it('leaves out entries listed after the day asked about', () => {
    expect(screener.screen({ id: 'q', name: 'Ri Song Hyok' }, '2010-01-01')).toEqual([]);
    expect(screener.screen({ id: 'q', name: 'Ri Song Hyok' }, '2018-01-01')[0]?.ref).toBe('KPi.077');
  });

  it('is deterministic', () => {
    expect(JSON.stringify(screener.screen({ id: 'q', name: 'Kim Yeong-cheol' }))).toBe(
      JSON.stringify(new Screener([list]).screen({ id: 'q', name: 'Kim Yeong-cheol' })),
    );
  });
});
