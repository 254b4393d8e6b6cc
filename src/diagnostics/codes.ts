// Every diagnostic code, with what it means: the one list the code, the docs and the tests share.

/**
 * The codes and their meanings. A new code is added here (and to docs/diagnostics.md, which a test
 * keeps equal to this list); `diagnostic()` accepts no other.
 */
export const DIAGNOSTIC_CODES = {
  // Reading files
  'io-error': 'A file or folder cannot be read (missing, a folder where a file belongs, no permission).',
  'no-input-files': 'A folder given as input holds no files of the kind expected.',
  'no-rules': 'No rule files were found where rules were asked for.',
  'file-too-large': 'A YAML or JSON file is larger than the limit for structured files (give records as NDJSON, which is streamed).',
  'binary-file': 'A file holds a NUL byte: it is binary, not text.',
  'invalid-utf8': 'A file is not UTF-8 text (for example UTF-16), or an NDJSON line holds bytes that are not UTF-8.',
  'line-endings': 'A carriage return stands without a line feed: the file uses old Mac line endings.',
  'line-too-long': 'An NDJSON line is longer than any record can be.',
  'empty-file': 'A rule or record file holds no rules or records.',
  'too-many-problems': 'One file has more problems than are listed; the rest are counted.',
  // Parsing YAML and JSON
  'yaml-syntax': 'The text is not valid YAML (a tab in the indentation, a broken structure).',
  'yaml-duplicate-key': 'A key appears twice in one mapping (also `1` beside "1", which would merge).',
  'yaml-complex-key': 'A key is a list, a mapping or an alias instead of plain text.',
  'yaml-aliases': 'Aliases expand to too much data (an alias bomb) or refer to the value they stand in.',
  'yaml-tag': 'A tag (such as !!binary) that would build anything other than plain data.',
  'yaml-too-deep': 'Lists and mappings are nested deeper than any rule or record needs.',
  'yaml-multiple-documents': 'A file holds more than one YAML document.',
  'yaml-warning': 'A warning from the YAML parser, passed on as it is.',
  'too-many-values': 'A YAML or JSON file holds more values than a structured file may (give records as NDJSON).',
  'yaml-merge-key': 'A YAML merge key (<<) is used; merge keys are not supported: write the keys out.',
  'json-too-deep': 'JSON arrays and objects are nested deeper than any rule or record needs.',
  'json-syntax': 'A .json file is not valid JSON.',
  'invalid-json': 'An NDJSON line is not valid JSON.',
  // The shape of rules, records and lists
  schema: 'A value breaks the schema in a way no more specific code names.',
  'invalid-type': 'A value has the wrong type (text where a list belongs, an unquoted HS code).',
  'invalid-value': 'A value is not one of the values allowed, or is too short, too long, empty or too many.',
  'invalid-number': 'A number is not finite or lies outside its bounds.',
  'invalid-date': 'A date is not a real date, or not written as a year, month, day or range.',
  'invalid-key': 'A key is reserved or not allowed in this mapping.',
  'unknown-field': 'A field that this kind of entry does not have (a suggestion is given when one is close).',
  'missing-field': 'A required field is missing.',
  'unknown-country': 'A country is not an ISO 3166-1 alpha-2 code.',
  'unknown-source': "A record's evidence cites a source not defined under `sources:` in its file.",
  'invalid-list': 'A designation list does not have the shape of one.',
  // Rules and their conditions
  'invalid-condition': 'A condition is not a mapping of one of the forms all, any, not, condition or a leaf.',
  'unknown-condition': 'A reference to a named condition that the file does not define.',
  'condition-cycle': 'Named conditions refer to each other in a circle.',
  'condition-too-deep': 'Conditions are nested deeper than allowed.',
  'condition-too-large': 'Conditions expand to too many leaves once named conditions are filled in.',
  'unknown-operator': 'A condition uses an operator that does not exist.',
  'invalid-operator-value': "A condition's value does not suit its operator.",
  'unknown-fact': 'A condition tests a fact that records do not have.',
  'invalid-path': "A condition's path is not of the form $.a.b[0].c.",
  'condition-never-matches': 'A condition can never hold (warning): a value no record can have.',
  'condition-constant': 'A condition always holds or never holds whatever the record (warning).',
  'condition-contradiction': 'Conditions under one `all` contradict each other, so the rule never holds (warning).',
  'invalid-placeholder': "A rule's message names a placeholder that cannot be filled.",
  'no-designation-list': 'A rule tests designated parties or vessels, but no designation list was loaded.',
  // Identifiers
  'duplicate-rule-id': 'Two rules have the same id.',
  'duplicate-exemption-id': 'Two exemptions of one rule have the same id.',
  'duplicate-example-id': 'Two examples of one rule have the same id.',
  'duplicate-record-id': 'Two records have the same id (also across files).',
  'duplicate-source-id': 'Two sources in one file have the same id.',
  // Dispositions, baselines, manifests and --as-of
  'expired-disposition': "A disposition's expiry day has passed: it no longer applies, and the finding counts again.",
  'stale-disposition': 'A disposition matches no finding of the run.',
  'no-manifest': 'A file given to verify is not a JSON report with a run manifest, or its records came from standard input.',
  'dated-after-as-of': 'A record is dated after the --as-of day: it is checked against the law and list of that day.',
  'disposition-target': 'A disposition must name its finding by fingerprint, or by record and rule, and not both.',
  'duplicate-disposition': 'Two dispositions name the same finding.',
  'invalid-baseline': 'A file given as --baseline is not a JSON report of this tool with fingerprinted findings.',
  // Standard input
  'yaml-on-stdin': 'Standard input holds YAML; it takes NDJSON (one JSON record per line).',
  // Screening queries and list imports
  'invalid-query': 'A screening query (a CSV row or an NDJSON line) is not an object with the fields a query takes.',
  'invalid-field': 'A field of a screening query has the wrong type.',
  'missing-name': 'A screening query has no name.',
  'invalid-kind': "A screening query's kind is not person, organisation or vessel.",
  'invalid-born': "A screening query's birth date is not a year or a date.",
  'invalid-csv': 'A CSV file of screening queries is malformed (no header with a name column, an unclosed quote).',
  'invalid-xml': "A list given to lists import is not the UN consolidated list's XML.",
  'draft-record': 'A record marked status: draft is checked without --include-drafts: review it first.',
} as const satisfies Record<string, string>;

/** A diagnostic's stable code. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** The codes, in the order they are listed above. */
export const DIAGNOSTIC_CODE_LIST = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];
