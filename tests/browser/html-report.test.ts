// Opens the HTML report in Chromium: nothing loads or runs, the timeline has a mark per activity,
// bidirectional controls in input show as markers, labels never overlap even over the years 1000 to
// 9999, tables fit a 420 px screen, and the page prints to A4 with tables running across pages.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import type { Report } from '../../src/types.js';
import { absurdReport } from '../report/absurd-report.js';
import { loadBrowserTestReport } from './report-under-test.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--no-first-run',
  '--disable-quic',
  '--disable-component-update',
  '--disable-sync',
];

const chromiumFound = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';
const skip = !chromiumFound && !inCi;
if (skip) {
  console.warn(`Skipping the browser test: ${CHROMIUM} is missing. Install it with "apt-get install -y chromium".`);
}

describe('HTML report in Chromium', () => {
  it.skipIf(skip)('loads nothing, runs no input, draws the timeline, and prints to A4', async () => {
    if (!chromiumFound) {
      throw new Error(`${CHROMIUM} is missing: CI must install Chromium (apt-get install -y chromium) to run the browser test.`);
    }
    const report = await loadBrowserTestReport();
    const out = mkdtempSync(path.join(os.tmpdir(), 'sanctions-check-html-'));
    const profile = mkdtempSync(path.join(os.tmpdir(), 'sanctions-check-profile-'));
    const file = path.join(out, 'report.html');
    writeFileSync(file, renderHtml(report));
    const url = pathToFileURL(file).href;

    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1200, height: 900 },
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('request', (request) => requests.push(request.url()));

      await page.goto(url, { waitUntil: 'load' });

      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);

      // Hostile input is shown as text and never runs.
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await page.evaluate(() => document.scripts.length)).toBe(0);
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('[onerror]').count()).toBe(0);
      const bodyText = await page.evaluate(() => document.body.innerText);
      expect(bodyText).toContain('<script>window.__pwned=1</script>');
      expect(bodyText).toContain('"><img src=x onerror=window.__pwned=1>');
      expect(await page.evaluate(() => [...document.querySelectorAll('a')].every((a) => /^(https?:|file:.*#)/.test(a.href)))).toBe(true);

      // One timeline mark per activity.
      const marked = await page.$$eval('svg [data-record-id]', (nodes) => nodes.map((n) => n.getAttribute('data-record-id')));
      expect(marked.sort()).toEqual(report.activities.map((a) => a.id).sort());
      const box = await page.locator('svg [data-record-id]').first().boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(0);

      const screenshot = path.join(out, 'report.png');
      await page.screenshot({ path: screenshot, fullPage: true });

      // In print, rows are kept whole, findings and tables may run across pages, and table heads repeat.
      await page.emulateMedia({ media: 'print' });
      const rows = await page.$$eval('tr', (nodes) => nodes.map((n) => getComputedStyle(n).breakInside));
      expect(rows.length).toBeGreaterThan(report.findings.length);
      expect(rows.filter((b) => b !== 'avoid')).toEqual([]);
      const containers = await page.$$eval('.finding, table, section, figure', (nodes) =>
        nodes.map((n) => `${n.tagName.toLowerCase()}.${n.className}: ${getComputedStyle(n).breakInside}`),
      );
      expect(containers.filter((b) => b.endsWith(': avoid'))).toEqual([]);
      expect(await page.$$eval('.finding', (nodes) => nodes.length)).toBe(report.findings.length);
      expect(await page.$$eval('thead', (nodes) => nodes.every((n) => getComputedStyle(n).display === 'table-header-group'))).toBe(true);

      const pdfPath = path.join(out, 'report.pdf');
      const pdf = await page.pdf({ format: 'A4', path: pdfPath, printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(1);
      expect(readFileSync(pdfPath).length).toBe(pdf.length);

      console.log(`HTML report screenshot: ${screenshot}`);
      console.log(`HTML report PDF (${pages.length} A4 pages): ${pdfPath}`);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
  it.skipIf(skip)('shows bidi controls, keeps labels apart over 1000–9999, fits 420 px, and prints long tables across pages', async () => {
    if (!chromiumFound)
      throw new Error(`${CHROMIUM} is missing: CI must install Chromium (apt-get install -y chromium) to run the browser test.`);
    const out = mkdtempSync(path.join(os.tmpdir(), 'sanctions-check-html-'));
    const profile = mkdtempSync(path.join(os.tmpdir(), 'sanctions-check-profile-'));
    const write = (name: string, report: Report): string => {
      const file = path.join(out, name);
      writeFileSync(file, renderHtml(report));
      return pathToFileURL(file).href;
    };
    // A right-to-left override before "AEROK" would display it as "KOREA".
    const base = await loadBrowserTestReport();
    const bidi: Report = {
      ...base,
      activities: base.activities.map((a, i) => (i === 0 ? { ...a, summary: `Ship \u202eAEROK\u202c named in the report` } : a)),
    };
    const pages = {
      bidi: write('bidi.html', bidi),
      few: write('few.html', absurdReport(40)),
      many: write('many.html', absurdReport(1000)),
    };

    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1200, height: 900 },
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(pages.bidi, { waitUntil: 'load' });
      const shown = await page.evaluate(() => document.body.innerText);
      expect(shown).toContain('Ship \u27e8U+202E\u27e9AEROK\u27e8U+202C\u27e9 named in the report');
      expect(shown).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);

      // No two text labels of the timeline overlap, with few records (labelled) and many (dense).
      for (const url of [pages.few, pages.many]) {
        await page.goto(url, { waitUntil: 'load' });
        const overlaps = await page.$$eval('figure.timeline svg text', (nodes) => {
          const boxes = nodes.map((n) => ({ text: n.textContent ?? '', r: n.getBoundingClientRect() }));
          const found: string[] = [];
          for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i]!.r;
              const b = boxes[j]!.r;
              if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {
                found.push(`${boxes[i]!.text} / ${boxes[j]!.text}`);
              }
            }
          }
          return { found, count: boxes.length };
        });
        expect(overlaps.count).toBeGreaterThan(5);
        expect(overlaps.found).toEqual([]);
        const svgBytes = await page.$eval('figure.timeline svg', (svg) => svg.outerHTML.length);
        expect(svgBytes).toBeLessThan(200_000);
      }

      // At 420 px the page and every table fit the width: long words wrap inside their cells.
      await page.setViewportSize({ width: 420, height: 800 });
      for (const url of [pages.bidi, pages.few]) {
        await page.goto(url, { waitUntil: 'load' });
        const fit = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          tables: [...document.querySelectorAll('table')]
            .map((t) => ({
              caption: t.caption?.textContent ?? t.className,
              right: t.getBoundingClientRect().right,
              parent: (t.parentElement as HTMLElement).getBoundingClientRect().right,
            }))
            .filter((t) => t.right > t.parent + 0.5),
        }));
        expect(fit.tables).toEqual([]);
        expect(fit.page).toBeLessThanOrEqual(420);
      }

      // Printed to A4, a long table runs across pages with its head repeated: the activities table of
      // 40 records takes more than one page, and no page before it is left blank.
      await page.setViewportSize({ width: 1200, height: 900 });
      await page.goto(pages.few, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      expect(await page.$$eval('thead', (nodes) => nodes.every((n) => getComputedStyle(n).display === 'table-header-group'))).toBe(true);
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      const pageCount = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
      expect(pageCount).toBeGreaterThan(1);
      console.log(`A4 pages for 46 records: ${pageCount}`);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  });
});
