// GitHub code scanning's constraints on a SARIF log that can be checked offline, after the GitHub
// rules (GHnnnn) of the SARIF multitool's validator, plus the level and fingerprint rules code
// scanning applies. Each problem is one line: "RULE at /json/pointer: what is wrong".

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: Json): Json[] | undefined => (Array.isArray(v) ? v : undefined);
const blank = (v: Json): boolean => typeof v !== 'string' || v.trim() === '';
const textOf = (v: Json): Json => (isObject(v) ? v.text : undefined);

/** Default display limits of code scanning (GH1004). */
export const GITHUB_LIMITS = { runs: 20, rulesPerRun: 1000, resultsPerRun: 1000, locationsPerResult: 10, codeFlowsPerResult: 100 };

/** True for a URI reference with a scheme (an absolute URI). */
const hasScheme = (uri: string): boolean => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri);

export function githubProblems(log: Json): string[] {
  const problems: string[] = [];
  const report = (rule: string, where: string, what: string): void => {
    problems.push(`${rule} at ${where}: ${what}`);
  };
  if (!isObject(log)) return ['GH1013 at /: the log is not an object'];
  // GH1011: $schema names the final 2.1.0 schema.
  if (typeof log.$schema !== 'string' || !/2\.1\.0(?:\.json)?$|2\.1\.0-rtm\.6(?:\.json)?$/.test(log.$schema)) {
    report('GH1011', '/$schema', 'does not refer to the final SARIF 2.1.0 schema');
  }
  // GH1013: version and runs.
  if (log.version !== '2.1.0') report('GH1013', '/version', 'is not "2.1.0"');
  const runs = asArray(log.runs);
  if (!runs) return [...problems, 'GH1013 at /runs: no runs array'];
  if (runs.length > GITHUB_LIMITS.runs) report('GH1004', '/runs', `${runs.length} runs exceed ${GITHUB_LIMITS.runs}`);

  runs.forEach((run, r) => {
    const at = `/runs/${r}`;
    if (!isObject(run)) return report('GH1014', at, 'the run is not an object');
    // GH1014 / GH1018: tool.driver with a name and rules; results present.
    const driver = isObject(run.tool) ? run.tool.driver : undefined;
    if (!isObject(driver)) return report('GH1018', `${at}/tool`, 'no tool.driver');
    if (blank(driver.name)) report('GH1018', `${at}/tool/driver`, 'no driver name');
    const rules = asArray(driver.rules);
    if (!rules) report('GH1018', `${at}/tool/driver`, 'no rules array');
    const results = asArray(run.results);
    if (!results) report('GH1014', at, 'no results array');
    if ((rules?.length ?? 0) > GITHUB_LIMITS.rulesPerRun) report('GH1004', `${at}/tool/driver/rules`, 'too many rules');
    if ((results?.length ?? 0) > GITHUB_LIMITS.resultsPerRun) report('GH1004', `${at}/results`, 'too many results');

    // GH2012: every rule has a short and full description and help with text (and, for a
    // readable alert page, Markdown).
    const ruleIds: string[] = [];
    (rules ?? []).forEach((rule, i) => {
      const where = `${at}/tool/driver/rules/${i}`;
      if (!isObject(rule)) return report('GH2012', where, 'the rule is not an object');
      if (blank(rule.id)) report('GH2012', where, 'no id');
      ruleIds.push(String(rule.id));
      if (blank(textOf(rule.shortDescription))) report('GH2012', where, 'no shortDescription.text');
      if (blank(textOf(rule.fullDescription))) report('GH2012', where, 'no fullDescription.text');
      if (!isObject(rule.help)) report('GH2012', where, 'no help object');
      else {
        if (blank(rule.help.text)) report('GH2012', `${where}/help`, 'no help.text');
        if (blank(rule.help.markdown)) report('GH2012', `${where}/help`, 'no help.markdown');
      }
      const level = isObject(rule.defaultConfiguration) ? rule.defaultConfiguration.level : undefined;
      if (level !== undefined && !['error', 'warning', 'note'].includes(String(level))) {
        report('LEVEL', `${where}/defaultConfiguration/level`, `"${String(level)}" is not error, warning or note`);
      }
    });
    if (new Set(ruleIds).size !== ruleIds.length) report('GH2012', `${at}/tool/driver/rules`, 'rule ids are not unique');

    // Declared bases: each top-level base is an absolute URI ending in a slash, or left to the
    // consumer (no uri).
    const bases = isObject(run.originalUriBaseIds) ? run.originalUriBaseIds : {};
    for (const [name, base] of Object.entries(bases)) {
      const uri = isObject(base) ? base.uri : undefined;
      if (uri === undefined) continue;
      if (typeof uri !== 'string' || !hasScheme(uri) || !uri.endsWith('/')) {
        report('SARIF1004', `${at}/originalUriBaseIds/${name}`, 'a base is not an absolute URI ending in "/"');
      }
    }

    const fingerprints = new Map<string, string>();
    (results ?? []).forEach((result, i) => {
      const where = `${at}/results/${i}`;
      if (!isObject(result)) return report('GH1015', where, 'the result is not an object');
      // GH1015: message text, locations, partialFingerprints.
      if (blank(textOf(result.message))) report('GH1015', `${where}/message`, 'no message text');
      const ruleId = result.ruleId;
      if (typeof ruleId !== 'string' || !ruleIds.includes(ruleId))
        report('RULEID', where, `ruleId ${JSON.stringify(ruleId)} names no rule`);
      if (typeof result.ruleIndex === 'number' && ruleIds[result.ruleIndex] !== ruleId) {
        report('RULEID', `${where}/ruleIndex`, 'points at another rule');
      }
      // Level: a result code scanning shows is error, warning or note; only a non-failing result
      // (kind pass) has level none.
      const kind = result.kind ?? 'fail';
      const level = result.level ?? 'warning';
      if (kind === 'fail' && !['error', 'warning', 'note'].includes(String(level))) {
        report('LEVEL', `${where}/level`, `a failing result has level "${String(level)}"`);
      }
      if (kind !== 'fail' && level !== 'none') report('LEVEL', `${where}/level`, `a "${String(kind)}" result has level "${String(level)}"`);
      if (!['fail', 'pass'].includes(String(kind)))
        report('LEVEL', `${where}/kind`, `kind "${String(kind)}" is not one code scanning reads`);

      if (!isObject(result.partialFingerprints)) report('GH1015', where, 'no partialFingerprints');
      else {
        for (const [key, value] of Object.entries(result.partialFingerprints)) {
          if (blank(value)) report('FINGERPRINT', `${where}/partialFingerprints/${key}`, 'is not a non-empty string');
          const seen = fingerprints.get(`${key}\u0000${String(value)}`);
          if (seen !== undefined) report('FINGERPRINT', `${where}/partialFingerprints/${key}`, `repeats the fingerprint of ${seen}`);
          fingerprints.set(`${key}\u0000${String(value)}`, where);
        }
      }

      const locations = asArray(result.locations);
      if (!locations || locations.length === 0) report('GH1001', where, 'no locations');
      if ((locations?.length ?? 0) > GITHUB_LIMITS.locationsPerResult) report('GH1004', `${where}/locations`, 'too many locations');
      const codeFlows = asArray(result.codeFlows) ?? [];
      if (codeFlows.length > GITHUB_LIMITS.codeFlowsPerResult) report('GH1004', `${where}/codeFlows`, 'too many code flows');
      // GH1002: thread flow locations are inline, never by index.
      codeFlows.forEach((flow, f) => {
        const threadFlows = isObject(flow) ? (asArray(flow.threadFlows) ?? []) : [];
        threadFlows.forEach((thread, t) => {
          const steps = isObject(thread) ? (asArray(thread.locations) ?? []) : [];
          steps.forEach((step, s) => {
            if (isObject(step) && step.index !== undefined)
              report('GH1002', `${where}/codeFlows/${f}/threadFlows/${t}/locations/${s}`, 'refers by index');
          });
        });
      });
      // GH1007: related locations carry a message.
      (asArray(result.relatedLocations) ?? []).forEach((loc, l) => {
        if (!isObject(loc) || !isObject(loc.message)) report('GH1007', `${where}/relatedLocations/${l}`, 'no message');
      });

      (locations ?? []).forEach((location, l) => {
        const lw = `${where}/locations/${l}`;
        const physical = isObject(location) ? location.physicalLocation : undefined;
        const artifact = isObject(physical) ? physical.artifactLocation : undefined;
        // GH1001 / GH1016 / GH1017: physicalLocation.artifactLocation.uri.
        if (!isObject(artifact) || blank(artifact.uri)) return report('GH1001', lw, 'no physicalLocation.artifactLocation.uri');
        const uri = artifact.uri as string;
        // GH1005: a file path, relative or file: scheme. GH1006: no absolute file: URI without a
        // checkout path; here stricter: every location is relative to a declared base.
        if (hasScheme(uri) && !uri.startsWith('file:')) report('GH1005', lw, `"${uri}" is not a file path`);
        if (hasScheme(uri)) report('GH1006', lw, `"${uri}" is an absolute URI`);
        else if (typeof artifact.uriBaseId !== 'string') report('GH1006', lw, `"${uri}" has no uriBaseId`);
        else if (!(artifact.uriBaseId in bases))
          report('GH1006', lw, `uriBaseId "${artifact.uriBaseId}" is not declared in originalUriBaseIds`);
        if (uri.split('/').includes('..')) report('SARIF1002', lw, `"${uri}" has a ".." segment`);
        // GH1003: a region with a start line.
        const region = isObject(physical) ? physical.region : undefined;
        if (!isObject(region) || typeof region.startLine !== 'number') report('GH1003', lw, 'no region.startLine');
      });
    });
  });
  return problems;
}
