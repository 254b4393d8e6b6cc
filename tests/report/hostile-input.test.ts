import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const CASE = 'tests/fixtures/hostile-case';

describe('input that carries markup, script or terminal escapes', () => {
  it('shows as text in the terminal report: no escape sequence reaches the terminal', async () => {
    const r = await runCli(['check', CASE, '--fail-on', 'none'], {}, true);
    expect(r.code).toBe(0);
    // Our own colours are the only escapes: ESC followed by [<digits>m, nothing else.
    const escapes = r.stdout.match(/\u001b[^m]*m?/g) ?? [];
    expect(escapes.every((e) => /^\u001b\[\d+m$/.test(e))).toBe(true);
    expect(r.stdout).not.toMatch(/\u001b\]|\u0007|\u001b\[2J/);
    expect(r.stdout).toContain('\\u001b[31m');
  });

  it('shows as text in the markdown report', async () => {
    const r = await runCli(['check', CASE, '--format', 'markdown', '--fail-on', 'none']);
    expect(r.stdout).not.toMatch(/<script|<img|<b>/i);
    expect(r.stdout).toContain('&lt;script&gt;');
    expect(r.stdout).not.toMatch(/\u001b/);
    expect(r.stdout).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(r.stdout).not.toMatch(/^# heading/m);
  });

  it('shows as text in the HTML report', async () => {
    const r = await runCli(['check', CASE, '--format', 'html', '--fail-on', 'none']);
    expect(r.stdout).not.toMatch(/<script|<img/i);
    expect(r.stdout).not.toMatch(/<[^>]*onerror=/i);
    expect(r.stdout).toContain('&lt;script&gt;');
    expect(r.stdout).not.toMatch(/\u001b/);
    expect(r.stdout).not.toMatch(/href="javascript:/i);
  });

  it('stays valid JSON and valid XML', async () => {
    const json = await runCli(['check', CASE, '--format', 'json', '--fail-on', 'none']);
    expect(JSON.parse(json.stdout).findings.length).toBeGreaterThan(0);
    const junit = await runCli(['check', CASE, '--format', 'junit', '--fail-on', 'none']);
    expect(junit.stdout).not.toMatch(/<script|\u001b/);
  });
});
