// The UN consolidated list XML and the 1718 vessel list, imported into the bundled list format.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics/input-error.js';
import { importUnList, parseConsolidatedXml } from '../../src/screen/un-list-import.js';
import { Screener } from '../../src/screen/screener.js';
import { runCli } from '../helpers/run-cli.js';

const xmlFile = 'tests/fixtures/screen/consolidated-small.xml';
const vesselsFile = 'tests/fixtures/screen/vessels-small.csv';
const xml = readFileSync(xmlFile, 'utf8');

describe('lists import', () => {
  it('keeps the DPRK entries with listing dates, aliases by quality, birth dates, nationalities and original script', () => {
    const { date, entries } = parseConsolidatedXml(xml, xmlFile);
    expect(date).toBe('2024-05-06');
    expect(entries.map((e) => e.ref)).toEqual(['KPe.001', 'KPe.007', 'KPi.012', 'KPi.066']);
    const mun = entries.find((e) => e.ref === 'KPi.012')!;
    expect(mun).toEqual({
      ref: 'KPi.012',
      type: 'individual',
      name: "MUN CHO'NG-CH'O'L",
      aliases: ['Mun Chong-Chol'],
      listedOn: '2013-03-07',
      weakAliases: ['Moon Jung Chul'],
      born: ['1964-12-23'],
      nationalities: ["Democratic People's Republic of Korea"],
      originalScript: ['문정철'],
    });
    expect(entries.find((e) => e.ref === 'KPi.066')!.born).toEqual(['1967/1969']);
    expect(entries.find((e) => e.ref === 'KPe.001')!.aliases).toEqual(['KOMID']);
    expect(entries.find((e) => e.ref === 'KPe.007')!.aliases).toEqual(['GENERAL BUREAU OF ATOMIC ENERGY']);
  });

  it('reads the vessel list, leaving out a vessel without an IMO number', () => {
    const { list, skippedVessels } = importUnList({
      xml,
      xmlFile,
      vessels: { content: readFileSync(vesselsFile, 'utf8'), file: vesselsFile, date: '2020-06-04' },
    });
    expect(list.vessels).toEqual([
      {
        imo: '8705539',
        names: ['KUM UN SAN 3', 'KUM UN SAN'],
        listedOn: '2017-06-21',
        measures: ['1718 8(d) / 2270 12 asset freeze', 'economic resource of OMM (KPe.020)'],
      },
    ]);
    expect(skippedVessels).toEqual(['NO IMO']);
    expect(list.vesselsDate).toBe('2020-06-04');
  });

  it('gives the screener what it needs: Hangul names and birth years', () => {
    const { list } = importUnList({ xml, xmlFile });
    const screener = new Screener([list]);
    expect(screener.screen({ id: '1', name: '문정철' })[0]?.ref).toBe('KPi.012');
    const [m] = screener.screen({ id: '2', name: 'Moon Jung Chul', kind: 'person' });
    expect(m?.decision).toBe('possible');
    expect(m?.explanation.join('\n')).toMatch(/low-quality alias/);
    expect(screener.screen({ id: '3', name: 'Kim Jong-sik', born: '1968' })[0]?.decision).toBe('match');
    expect(screener.screen({ id: '4', name: 'Kim Jong-sik' })[0]?.decision).toBe('possible');
  });

  it('reports broken XML with its line and column', () => {
    const broken = xml.replace('</FIRST_NAME>', '</FIRST>');
    try {
      parseConsolidatedXml(broken, 'x.xml');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const d = (e as InputError).diagnostics[0]!;
      expect(d.location.file).toBe('x.xml');
      expect(d.location.line).toBeGreaterThan(1);
    }
  });

  it('runs from the command line, naming the list and its date', async () => {
    const r = await runCli(['lists', 'import', xmlFile, '--vessels', vesselsFile]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).entries).toHaveLength(4);
    expect(r.stderr).toMatch(
      /1718 Sanctions List \(DPRK\) of 2024-05-06 \(vessels of \d{4}-\d{2}-\d{2}\)|1718 Sanctions List \(DPRK\) of 2024-05-06/,
    );
    const bad = await runCli(['lists', 'import', 'tests/fixtures/screen/vessels-small.csv']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/vessels-small\.csv:\d+:\d+/);
  });
});
