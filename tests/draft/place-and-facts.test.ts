// Place and exemption facts are drafted only where the clause states them; the rest is listed to check.
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/draft/article.js';
import { draftRecords } from '../../src/draft/draft-records.js';
import { exemptionFacts } from '../../src/draft/exemption-facts.js';
import { placeOf } from '../../src/draft/place.js';

describe('place', () => {
  it.each([
    ['the coal was loaded at Vostochny port', 'trade-shipment', { name: 'Vostochny', country: 'RU' }],
    ['workers at logging operations in Russia’s Far East', 'labour-deployment', { name: 'Russian Far East', country: 'RU' }],
    ['a transfer in the East China Sea', 'ship-to-ship-transfer', { name: 'East China Sea' }],
    ['the tanker unloaded in the port of Nampo', 'port-call', { name: 'Nampho', country: 'KP' }],
    ['the meeting was held in Pyongyang on Wednesday', 'meeting', { name: 'Pyongyang', country: 'KP' }],
    ['North Korean workers were sent to China', 'labour-deployment', { country: 'CN' }],
    ['the banks operate in Russia', 'financial-service', { country: 'RU' }],
    ['delivered coal to ports in China’s Zhejiang province', 'trade-shipment', { name: 'Zhejiang province', country: 'CN' }],
    ['North Korea launched the satellite from the Sohae launch site', 'launch', { name: 'Sohae', country: 'KP' }],
  ])('%s → %j', (clause, type, place) => {
    expect(placeOf(clause, type)?.place).toEqual(place);
  });

  it('gives none where the text does not say, for a recipient ("to Iran") or a possessive ("in Russia’s war")', () => {
    expect(placeOf('North Korea sold missiles to Iran.', 'arms-transfer')).toBeUndefined();
    expect(placeOf('shells for use in Russia’s war against Ukraine', 'arms-transfer')).toBeUndefined();
    expect(placeOf('the DPRK launched a missile on Tuesday', 'launch')).toBeUndefined();
  });
});

describe('exemption facts', () => {
  it('drafts the facts the clause states, for the types whose exemptions use them', () => {
    expect(
      exemptionFacts('The shipment of medicine was approved by the 1718 Committee as humanitarian aid.', 'trade-shipment').facts,
    ).toEqual({ committeeApproval: true, purpose: 'humanitarian' });
    expect(exemptionFacts('Russian coal exported through the port of Rajin', 'trade-shipment').facts).toEqual({ routeVia: 'Rajin' });
    expect(exemptionFacts('the Rajin-Khasan joint venture that ships Russian coal', 'joint-venture').facts).toEqual({
      routeVia: 'Rajin',
      venturePurpose: 'russian-coal-export-via-rajin',
    });
    expect(exemptionFacts('fishing for livelihood purposes', 'trade-shipment').facts).toEqual({ purpose: 'livelihood' });
    expect(exemptionFacts('the vessel entered the port in an emergency', 'port-call').facts).toEqual({ portEntryReason: 'emergency' });
    expect(exemptionFacts('the arms were seized by customs', 'arms-transfer').facts).toEqual({ shipmentStage: 'intercepted' });
    expect(exemptionFacts('sold without the committee’s approval', 'trade-shipment').facts).toEqual({ committeeApproval: false });
  });

  it("drafts none that the clause does not state, and lists the type's exemption facts to check", () => {
    const r = exemptionFacts('North Korea delivered artillery rounds to Russia.', 'arms-transfer');
    expect(r.facts).toEqual({});
    expect(r.unstated).toEqual(['committeeApproval', 'committeeNotified', 'stateDetermination', 'purpose']);
    // humanitarian words in a launch's clause are not a launch's fact: launches have no exemption
    expect(exemptionFacts('the launch drew humanitarian concern', 'launch')).toEqual({ facts: {}, rules: [], unstated: [] });
  });

  it('puts place and facts in the draft, with the words they came from, or notes them as not stated', () => {
    const article = parseArticle(
      'Date: 2024-03-10\n\nA Russian company shipped coal to North Korea through the port of Rajin last month.\nNorth Korea sold coal to China.\n',
    );
    const [a, b] = draftRecords(article, { day: '2024-03-10' }).records;
    expect(a).toMatchObject({ type: 'trade-shipment', facts: { routeVia: 'Rajin' } });
    expect(a!.draft!.rules).toContain('fact routeVia: "Rajin" from “through the port of Rajin”');
    expect(b!.place).toBeUndefined();
    expect(b!.facts).toBeUndefined();
    expect(b!.draft!.undetermined).toContain('place: the text does not say where');
    expect(b!.draft!.undetermined).toContain(
      'exemption facts not stated in the text: committeeApproval, committeeNotified, purpose, routeVia, contractDate',
    );
  });
});
