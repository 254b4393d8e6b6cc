// Values that remember where they stood in their file: the path to a value, and how to find a path's location.
import type { SourceLocation } from '../types.js';

/** One step of a path into parsed data: a mapping key or a list index. */
export type PathKey = string | number;

/** The location of the value at a path (or of its key, with `key`), or of its nearest parent. */
export type Locate = (path: readonly PathKey[], opts?: { key?: boolean }) => SourceLocation;

/** A parsed value (a record, say) with its path inside its document and the means to locate its fields. */
export interface LocatedValue {
  value: unknown;
  /** Path of the value inside its document, for locating fields. */
  path: PathKey[];
  locate: Locate;
  location: SourceLocation;
}
