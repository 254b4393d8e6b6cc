// With broken rules, check reads its records in one pass and lists their errors beside the rules' errors, standard input included.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics/input-error.js';
import { runCheck, runCheckSpooled, type CheckOptions } from '../../src/pipeline.js';

const RULES = 'tests/fixtures/broken/rules/unknown-fact.yaml';
const BAD_NDJSON = 'tests/fixtures/broken/records/ndjson-bad-line-in-middle.ndjson';

/** A standard input that can be read once only: a second pass over it would find nothing. */
function onceStdin(text: string): NonNullable<CheckOptions['stdin']> & { reads: number } {
  const source = Readable.from([text]);
  const holder = {
    reads: 0,
    stream: {
      [Symbol.asyncIterator]: () => {
        holder.reads++;
        return source[Symbol.asyncIterator]();
      },
    } as AsyncIterable<Buffer | string>,
  };
  return holder;
}

async function problems(p: Promise<unknown>): Promise<string[]> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(InputError);
  return (e as InputError).diagnostics.map((d) => `${d.location.file}:${d.location.line}: ${d.code}`).sort();
}

describe('broken rules', () => {
  it("runCheck lists the rules' errors and the record files' errors", async () => {
    const listed = await problems(runCheck({ records: [BAD_NDJSON], rules: [RULES] }));
    expect(listed).toEqual([`${RULES}:11: unknown-fact`, `${RULES}:12: unknown-fact`, `${BAD_NDJSON}:8: invalid-json`].sort());
  });

  it('runCheck reads standard input once and lists its errors too', async () => {
    const stdin = onceStdin(readFileSync(BAD_NDJSON, 'utf8'));
    const listed = await problems(runCheck({ records: ['-'], rules: [RULES], stdin }));
    expect(listed).toEqual([`${RULES}:11: unknown-fact`, `${RULES}:12: unknown-fact`, '<stdin>:8: invalid-json'].sort());
    expect(stdin.reads).toBe(1);
  });

  it('runCheckSpooled lists the same problems', async () => {
    const listed = await problems(runCheckSpooled({ records: [BAD_NDJSON], rules: [RULES], fails: () => false }));
    expect(listed).toEqual([`${RULES}:11: unknown-fact`, `${RULES}:12: unknown-fact`, `${BAD_NDJSON}:8: invalid-json`].sort());
  });

  it('a broken dispositions file is not read while the rules are broken', async () => {
    const listed = await problems(runCheck({ records: [BAD_NDJSON], rules: [RULES], dispositions: 'no/such/dispositions.yaml' }));
    expect(listed.every((l) => !l.startsWith('no/such'))).toBe(true);
  });
});
