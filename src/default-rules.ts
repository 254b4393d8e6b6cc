// Where the rules shipped with the package live, found relative to the package, not the working folder.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** src/ and dist/ both sit one level below the package root, beside rules/. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_RULES_DIR = path.join(PACKAGE_ROOT, 'rules');
