import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { addHostileRecord, emptyReport, HOSTILE, HOSTILE_RECORD_ID, sampleReport } from './fixtures.js';
import { tagsOf, unescapeMarkup } from './markup.js';

describe('renderHtml', () => {
  const html = renderHtml(sampleReport());
  const tags = tagsOf(html);

  it('writes one complete document', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(tags.filter((t) => t.name === 'body' && !t.closing)).toHaveLength(1);
  });

  it('is deterministic', () => {
    expect(renderHtml(sampleReport())).toBe(html);
    expect(renderHtml(structuredClone(sampleReport()))).toBe(html);
  });

  it('writes the date only when asOf is set', () => {
    expect(html).toContain('<dt>As of</dt><dd>2024-03-01</dd>');
    const report = sampleReport();
    delete report.asOf;
    const undated = renderHtml(report);
    expect(undated).not.toContain('As of');
    expect(undated).not.toContain('2024-03-01');
  });

  it('loads nothing and runs nothing', () => {
    expect(tags.map((t) => t.name)).not.toContain('script');
    expect(tags.map((t) => t.name)).not.toContain('link');
    expect(tags.map((t) => t.name)).not.toContain('img');
    for (const tag of tags) {
      expect(tag.attributes.has('src')).toBe(false);
      for (const name of tag.attributes.keys()) expect(name.startsWith('on'), `${tag.name} ${name}`).toBe(false);
    }
    expect(html).not.toMatch(/@import|url\(/);
    const policy = tags.find((t) => t.name === 'meta' && t.attributes.get('http-equiv') === 'Content-Security-Policy');
    expect(unescapeMarkup(policy?.attributes.get('content') ?? '')).toContain("default-src 'none'");
  });

  it('shows hostile text as text', () => {
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=window.__pwned=1&gt;');
    expect(html).toContain('it&#39;s &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;');
    // The record's summary, party names, quote and message all arrive, escaped.
    expect(html).toContain('Summary &lt;script&gt;');
    expect(html).toContain('Party &lt;script&gt;');
    expect(html).toContain('Quote &lt;script&gt;');
    expect(html).toContain('Message &lt;script&gt;');
  });

  it('links only http(s) addresses', () => {
    const hrefs = tags.filter((t) => t.name === 'a' && !t.closing).map((t) => unescapeMarkup(t.attributes.get('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|#)/);
    expect(hrefs).toContain('https://example.org/story?a=1&b=2');
    expect(hrefs).toContain('https://undocs.org/S/RES/2270(2016)');
    expect(hrefs).toContain('https://undocs.org/S/PRST/2012/13');
    expect(hrefs).toContain(`https://example.org/x${HOSTILE.img}`);
    expect(hrefs.some((h) => h.includes('javascript:'))).toBe(false);
    expect(html).toContain('(javascript:window.__pwned=1)');
  });

  it('drops terminal escapes and characters XML forbids', () => {
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    expect(html).toContain('RED');
    expect(html).not.toContain('[31m');
  });

  it('draws one timeline mark per activity, with a tooltip', () => {
    const report = sampleReport();
    const svgStart = html.indexOf('<svg');
    const svg = html.slice(svgStart, html.indexOf('</svg>', svgStart));
    const marks = tagsOf(svg).filter((t) => t.attributes.has('data-record-id'));
    expect(marks.map((t) => unescapeMarkup(t.attributes.get('data-record-id') ?? '')).sort()).toEqual(
      report.activities.map((a) => a.id).sort(),
    );
    // Outside the timeline, nothing carries the attribute.
    expect(tagsOf(html).filter((t) => t.attributes.has('data-record-id'))).toHaveLength(report.activities.length);
    expect(svg.match(/<g class="tl-activity"[^>]*><title>/g)).toHaveLength(report.activities.length);
  });

  it('colours each activity by its most severe finding', () => {
    const outcomes = new Map(
      tags
        .filter((t) => t.attributes.has('data-record-id'))
        .map((t) => [t.attributes.get('data-record-id'), t.attributes.get('data-outcome')]),
    );
    expect(Object.fromEntries(outcomes)).toEqual({
      'artillery-deliveries': 'violation',
      'commission-meeting': 'none',
      'workers-far-east': 'violation',
      'science-protocol': 'exempt',
      'satellite-launch': 'violation',
      [HOSTILE_RECORD_ID]: 'review',
    });
  });

  it('draws adoption dates and the deadline', () => {
    expect(html).toContain('<g class="tl-milestone tl-deadline"><title>2019-12-22: Repatriation deadline (2397 para 8)</title>');
    expect(html).toContain('<title>2006-10-14: S/RES/1718 (2006) adopted</title>');
  });

  it('adds the adoption of a cited resolution that the timeline leaves out', () => {
    const report = sampleReport();
    report.timeline = [];
    const out = renderHtml(report);
    expect(out).toContain('<title>2016-03-02: S/RES/2270 (2016) adopted</title>');
    expect(out).toContain('<title>2012-04-16: S/PRST/2012/13 adopted</title>');
  });

  it('keeps outcome and evidence as two badges', () => {
    expect(html).toContain(
      '<span class="badge o-violation">violation</span><span class="sep" aria-hidden="true"> · </span><span class="badge e-alleged" title="evidence level">alleged</span>',
    );
  });

  it('marks unverified provisions with their note', () => {
    expect(html).toContain(
      'paragraph 6 <span class="adopted">· adopted 2016-03-02</span> <span class="badge unverified">unverified</span></p><p class="verification-note">Not verified: content verified; paragraph number from memory</p>',
    );
  });

  it('shows each finding with location, notes, evidence, exemption and explanation', () => {
    expect(tags.filter((t) => t.name === 'article' && !t.closing)).toHaveLength(sampleReport().findings.length);
    expect(html).toContain('<code>cases/2023-11/records.yaml:12:5</code>');
    expect(html).toContain('<li>The activity straddles 2019-12-22');
    expect(html).toContain('claimed by <strong>Governments of the ROK and the US</strong>');
    expect(html).toContain('<blockquote>Seoul and Washington believe');
    expect(html).toContain(
      '<h4>Exemption that applies</h4><p><strong>Medical exchanges are excepted</strong> <code>medical-exchange</code>',
    );
    expect(html).toContain('<td><code>(absent)</code></td><td class="held-no">no</td>');
    expect(html).toContain('<td class="held-na">not evaluated</td>');
    expect(html).toContain('exemption committee-approved');
  });

  it('summarises by outcome, evidence, provision and party', () => {
    expect(html).toMatch(/<div class="card o-violation"><div class="count">3<\/div>/);
    expect(html).toContain(
      '<div class="card o-total"><div class="count">5</div><div class="what">findings from 6 records and 5 rules</div>',
    );
    // S/RES/2321 para 11 is cited by one finding for review and one exempt.
    expect(html).toMatch(
      /S\/RES\/2321 \(2016\) para 11<\/a><\/span><\/th><td class="num zero">0<\/td><td class="num">1<\/td><td class="num">1<\/td><td class="num">2<\/td>/,
    );
    // Russia is a party to two violations and one exempt finding; the meeting had none.
    expect(html).toMatch(
      /<th scope="row">Russian Federation<\/th><td>RU<\/td><td>employer, partner, recipient<\/td><td class="num">2<\/td><td class="num zero">0<\/td><td class="num">1<\/td><td class="num">3<\/td>/,
    );
    expect(html).toContain('UN Security Council Consolidated List (DPRK entries) <code>un-1718</code>, dated 2024-02-20');
  });

  it('prints to A4 keeping rows and small blocks whole, letting findings and tables run on', () => {
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(/\.card, tr, \.citation, blockquote, \.finding-head, figure\.timeline svg \{ break-inside: avoid; \}/);
    expect(html).not.toMatch(/(?:\.finding|table|figure\.timeline)\s*[,{][^}]*break-inside: avoid/);
    expect(html).toContain('thead { display: table-header-group; }');
  });

  it('renders an empty run', () => {
    const out = renderHtml(emptyReport());
    expect(() => tagsOf(out)).not.toThrow();
    expect(out).toContain('No findings: no record met a rule.');
    expect(out).toContain('No dated activities or milestones to draw.');
    expect(out).toContain('<h1>Sanctions compliance report</h1>');
  });
});

describe('addHostileRecord', () => {
  it('adds the hostile record to a report once', () => {
    const base = emptyReport();
    const added = addHostileRecord(base);
    expect(added.activities.map((a) => a.id)).toEqual([HOSTILE_RECORD_ID]);
    expect(added.summary.review).toBe(1);
    expect(addHostileRecord(added)).toBe(added);
    expect(renderHtml(added)).toContain('Message &lt;script&gt;');
  });
});
