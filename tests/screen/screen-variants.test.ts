// Spellings the evaluation's generator does not make: Hangul, McCune–Reischauer marks, spacing, legal forms, vessel numbers and IMO numbers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Screener, type ScreenQuery } from '../../src/screen/screener.js';
import type { DesignationList } from '../../src/types.js';

const list = JSON.parse(readFileSync('rules/unsc-dprk/lists/un-1718.json', 'utf8')) as DesignationList;
const screener = new Screener([list]);
const top = (q: Omit<ScreenQuery, 'id'>) => {
  const m = screener.screen({ id: '', ...q })[0];
  return m ? `${m.ref} ${m.decision}` : 'nothing';
};

describe('screening variants beyond the evaluation set', () => {
  it.each([
    ['최춘식', 'person', 'KPi.013'],
    ['문정철', 'person', 'KPi.012'],
    ['윤호진', 'person', 'KPi.001'],
    ["Mun Chŏng-ch'ŏl", 'person', 'KPi.012'],
    ["Mun Cho'ng-Ch'o'l", 'person', 'KPi.012'],
    ['Mun Jeong-cheol', 'person', 'KPi.012'],
    ['Chun Sik Choe', 'person', 'KPi.013'],
    ['HOJIN YUN', 'person', 'KPi.001'],
    ['Nam Chon Gang Trading Corp.', 'organisation', 'KPe.004'],
    ['Namchongang Trading Co., Ltd.', 'organisation', 'KPe.004'],
    ['Namchongang Trading Company Limited', 'organisation', 'KPe.004'],
    ["Ch'ŏngch'ŏn'gang Shipping Company", 'organisation', 'KPe.022'],
    ['Chong-Chon-Gang Shipping', 'organisation', 'KPe.022'],
    ['Tan Chon Commercial Bank Ltd.', 'organisation', 'KPe.003'],
    ['M/V Kum Un San No. 3', 'vessel', 'IMO 8705539'],
    ['KUMUNSAN 3', 'vessel', 'IMO 8705539'],
  ] as const)('%s (%s) is a match for %s', (name, kind, ref) => {
    expect(top({ name, kind })).toBe(`${ref} match`);
  });

  it('keeps vessel numbers apart and lets an IMO number decide', () => {
    expect(top({ name: 'KUM UN SAN 2', kind: 'vessel' })).toBe('nothing');
    expect(top({ name: 'Kum Un San No. 3' })).toBe('IMO 8705539 match');
    expect(top({ name: 'Ocean Star', kind: 'vessel', imo: '8705539' })).toBe('IMO 8705539 match');
    expect(top({ name: 'KUM UN SAN 3', kind: 'vessel', imo: '9999999' })).toBe('IMO 8705539 possible');
  });

  it('holds words aligned across their edges to their own: another syllable is another name', () => {
    const m = screener.screen({ id: '', name: 'TSANG KYUNG YUAN', kind: 'person' }).find((x) => x.ref === 'KPi.080');
    expect(m?.decision).toBe('possible');
    expect(m?.explanation.join('\n')).toContain('a different syllable');
    expect(top({ name: 'TSANG YUNG YUAN', kind: 'person' })).toBe('KPi.080 match');
  });

  it('finds a company by a slip in its only distinctive word', () => {
    expect(top({ name: 'KOREA MYONGDO SHIPPING CO', kind: 'organisation' })).toBe('KPe.063 match');
  });

  it('asks for the year of birth before calling a very common name a match', () => {
    expect(top({ name: "Kim Ch'ŏng-sik", kind: 'person' })).toBe('KPi.066 possible');
    expect(top({ name: 'Gim Jeong-sik', kind: 'person', born: '1968' })).toBe('KPi.066 match');
  });
});
