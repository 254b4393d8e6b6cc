// Opens the HTML report in Chromium: nothing loads or runs, the timeline has a mark per activity,
// and the page prints to A4 without cutting findings or tables.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
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

      // In print, findings, tables and their rows are kept whole, and table heads repeat.
      await page.emulateMedia({ media: 'print' });
      const breaks = await page.$$eval('.finding, table, tr', (nodes) =>
        nodes.map((n) => `${n.tagName.toLowerCase()}.${n.className}: ${getComputedStyle(n).breakInside}`),
      );
      expect(breaks.length).toBeGreaterThan(report.findings.length);
      expect(breaks.filter((b) => !b.endsWith(': avoid'))).toEqual([]);
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
});
