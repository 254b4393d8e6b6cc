// Option parsers shared by the commands.
import { isDay } from '../dates/date-span.js';
import { UsageError } from '../diagnostics/input-error.js';
import { FAIL_ON, type FailOn } from './exit-codes.js';

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function parseFailOn(value: string): FailOn {
  if (!FAIL_ON.includes(value as FailOn)) throw new UsageError(`--fail-on takes ${FAIL_ON.join(', ')}; got '${value}'`);
  return value as FailOn;
}

export function parseDay(value: string, option: string): string {
  if (!isDay(value)) throw new UsageError(`${option} takes a day such as 2024-01-31; got '${value}'`);
  return value;
}

export function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if (!allowed.includes(value as T)) throw new UsageError(`${option} takes one of ${allowed.join(', ')}; got '${value}'`);
  return value as T;
}
