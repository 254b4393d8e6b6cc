// `sanctions-check verify`: re-runs a JSON report from its manifest and says whether it is reproduced.
import { Command } from 'commander';
import { changedFiles, compareFindings, readReportToVerify, ruleSetChanges } from '../../accountability/verify.js';
import { buildManifest } from '../../accountability/manifest.js';
import { DEFAULT_RULES_DIR } from '../../default-rules.js';
import { InputError } from '../../diagnostics/input-error.js';
import { runCheck } from '../../pipeline.js';
import { terminalSafe } from '../../report/plain-text.js';
import { printDiagnostics } from '../diagnostics-output.js';
import { exitCodeForVerify } from '../exit-codes.js';
import type { Io } from '../io.js';

export function verifyCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('verify')
    .description(
      're-run a JSON report from its manifest (in the folder it was made in): exit 0 when the files and findings are the same, 1 when not',
    )
    .argument('<report>', 'a JSON report written by `check --format json`')
    .action(async (file: string) => {
      const { manifest, findings } = readReportToVerify(file);
      const w = (s: string) => io.stdout.write(terminalSafe(s) + '\n');
      const files = changedFiles(manifest);
      const { options } = manifest;
      let result;
      try {
        result = await runCheck({
          records: manifest.arguments.records,
          ...(manifest.arguments.rules.length ? { rules: manifest.arguments.rules } : {}),
          skipInvalid: options.skipInvalid,
          ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
          ...(options.dispositions !== undefined ? { dispositions: options.dispositions.path } : {}),
          ...(options.baseline !== undefined ? { baseline: options.baseline.path } : {}),
          ...(options.expiryDay !== undefined ? { today: options.expiryDay } : {}),
        });
      } catch (e) {
        // A file changed or gone may leave nothing to re-run: that is a difference, not bad input.
        if (!(e instanceof InputError)) throw e;
        const now = buildManifest({
          records: manifest.arguments.records,
          rules: manifest.arguments.rules,
          ruleRoots: manifest.arguments.rules.length ? manifest.arguments.rules : [DEFAULT_RULES_DIR],
          skipInvalid: options.skipInvalid,
        });
        const changed = [...files, ...ruleSetChanges(manifest, now).filter((c) => !c.endsWith('no longer read'))];
        if (changed.length === 0) throw e;
        printDiagnostics(io, e.diagnostics);
        for (const c of changed) w(c);
        w(`the report cannot be re-run: ${changed.length} file(s) changed, added or gone since the report`);
        setExit(exitCodeForVerify(false));
        return;
      }
      printDiagnostics(
        io,
        result.diagnostics.filter((d) => d.severity === 'error'),
      );
      // A file no longer read is already named as unreadable.
      const changes = [
        ...files,
        ...ruleSetChanges(manifest, result.report.manifest!).filter(
          (c) => !c.endsWith('no longer read') || !files.some((f) => f.startsWith(c.split(': ')[0]!)),
        ),
      ];
      if (manifest.tool.version !== result.report.manifest!.tool.version)
        changes.push(`tool version was ${manifest.tool.version}, is ${result.report.manifest!.tool.version}`);
      const differences = compareFindings(findings, result.report.findings);
      for (const c of changes) w(c);
      for (const d of differences) w(d);
      const same = differences.length === 0;
      w(same ? `findings identical (${findings.length})` : `findings differ (${differences.length} difference(s))`);
      if (changes.length) w(`${changes.length} file(s) or version changed since the report`);
      else w('every file named in the manifest has the same SHA-256');
      setExit(exitCodeForVerify(same && changes.length === 0));
    });
}
