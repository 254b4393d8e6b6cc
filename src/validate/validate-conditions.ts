// Checks a rule's condition tree (operators, facts, values, references) and inlines named conditions.
import { OPERATORS, OPERATOR_NAMES, isKnownOperator } from '../vocabulary/operators.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { PathKey } from '../diagnostics/locate.js';
import type { ConditionLeaf, ConditionTree, Diagnostic, DiagnosticCode } from '../types.js';
import { KNOWN_FACTS } from '../vocabulary/facts.js';
import { contradictions, leafSense, type PlacedLeaf } from './condition-sense.js';
import { closest } from './suggest.js';
import type { Locate } from './schema-check.js';

/** Named conditions of one rule file, raw, with where each stands. */
export interface NamedConditions {
  trees: ReadonlyMap<string, unknown>;
  path(name: string): PathKey[];
}

const LEAF_KEYS = new Set(['name', 'fact', 'operator', 'value', 'path']);
const PATH_SYNTAX = /^\$(\.[A-Za-z0-9_-]+|\[\d+\])*$/;
/** Levels of all/any/not a condition tree may nest. */
export const MAX_DEPTH = 64;
/**
 * Conditions one rule may expand to once named conditions are filled in. Names that refer to
 * each other twice at each of thirty levels would otherwise expand to a billion leaves.
 */
export const MAX_CONDITIONS = 5000;

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export class ConditionChecker {
  readonly diagnostics: Diagnostic[] = [];
  private readonly reported = new Set<string>();
  /** Where each checked leaf stands, for warnings about leaves of one `all`. */
  private readonly leafPaths = new WeakMap<object, PathKey[]>();
  private expanded = 0;
  /** The tree being checked from its top (a rule's `when` or an exemption's). */
  private root: PathKey[] = [];
  constructor(
    private readonly locate: Locate,
    private readonly named: NamedConditions,
  ) {}

  private error(code: DiagnosticCode, message: string, path: PathKey[], key = false): void {
    this.diagnostics.push(diagnostic(code, message, this.locate(path, { key })));
  }

  private warn(code: DiagnosticCode, message: string, path: PathKey[]): void {
    const d = diagnostic(code, message, this.locate(path), 'warning');
    // A named condition used in several places is checked in each: warn about it once.
    const key = `${d.location.line}:${d.location.column}:${code}:${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.diagnostics.push(d);
  }

  /** Returns the checked tree with references replaced by their trees, or undefined when invalid. */
  check(tree: unknown, path: PathKey[], stack: string[] = [], depth = 0): ConditionTree | undefined {
    if (depth === 0) this.root = path;
    if (++this.expanded > MAX_CONDITIONS) {
      if (this.expanded === MAX_CONDITIONS + 1) {
        this.error(
          'condition-too-large',
          `these conditions expand to more than ${MAX_CONDITIONS} once named conditions are filled in; do named conditions use each other over and over?`,
          this.root,
        );
      }
      return undefined;
    }
    if (depth > MAX_DEPTH) {
      this.error('condition-too-deep', `conditions are nested more than ${MAX_DEPTH} levels deep`, path);
      return undefined;
    }
    if (!isObject(tree)) {
      this.error(
        'invalid-condition',
        'a condition must be a mapping: all, any, not, condition, or a leaf {name, fact, operator, value}',
        path,
      );
      return undefined;
    }
    const keys = Object.keys(tree);
    for (const op of ['all', 'any'] as const) {
      if (op in tree) {
        if (keys.length !== 1) this.error('invalid-condition', `'${op}' must stand alone in its mapping`, path);
        const list = tree[op];
        if (!Array.isArray(list)) {
          this.error('invalid-condition', `'${op}' takes a list of conditions`, [...path, op]);
          return undefined;
        }
        if (list.length === 0) {
          this.warn('condition-constant', `an empty '${op}' ${op === 'all' ? 'always holds' : 'never holds'}`, [...path, op]);
        }
        const items = list.map((c, i) => this.check(c, [...path, op, i], stack, depth + 1));
        if (items.some((c) => c === undefined)) return undefined;
        if (op === 'all') this.checkTogether(items as ConditionTree[]);
        return op === 'all' ? { all: items as ConditionTree[] } : { any: items as ConditionTree[] };
      }
    }
    if ('not' in tree) {
      if (keys.length !== 1) this.error('invalid-condition', "'not' must stand alone in its mapping", path);
      const inner = this.check(tree.not, [...path, 'not'], stack, depth + 1);
      return inner && { not: inner };
    }
    if ('condition' in tree) return this.reference(tree, path, stack, depth);
    return this.leaf(tree, path);
  }

  private reference(tree: Record<string, unknown>, path: PathKey[], stack: string[], depth: number): ConditionTree | undefined {
    const name = tree.condition;
    if (typeof name !== 'string' || Object.keys(tree).length !== 1) {
      this.error('invalid-condition', 'a reference is written {condition: name}, alone in its mapping', path);
      return undefined;
    }
    if (!this.named.trees.has(name)) {
      const known = [...this.named.trees.keys()].sort();
      this.error('unknown-condition', `no named condition '${name}' in this file${known.length ? ` (defined: ${known.join(', ')})` : ''}`, [
        ...path,
        'condition',
      ]);
      return undefined;
    }
    if (stack.includes(name)) {
      this.error('condition-cycle', `named condition '${name}' refers back to itself: ${[...stack, name].join(' → ')}`, [
        ...path,
        'condition',
      ]);
      return undefined;
    }
    return this.check(this.named.trees.get(name), this.named.path(name), [...stack, name], depth + 1);
  }

  private leaf(tree: Record<string, unknown>, path: PathKey[]): ConditionTree | undefined {
    let ok = true;
    for (const k of Object.keys(tree)) {
      if (!LEAF_KEYS.has(k)) {
        this.error('unknown-field', `unknown field '${k}' in a condition`, [...path, k], true);
        ok = false;
      }
    }
    for (const k of ['name', 'fact', 'operator'] as const) {
      if (typeof tree[k] !== 'string' || tree[k] === '') {
        this.error('missing-field', `a condition leaf needs '${k}' (a string)${k === 'name' ? ': the explanation shows it' : ''}`, path);
        ok = false;
      }
    }
    if (!('value' in tree)) {
      this.error('missing-field', "a condition leaf needs 'value'", path);
      ok = false;
    }
    if (!ok) return undefined;
    const { name, fact, operator, value } = tree as { name: string; fact: string; operator: string; value: unknown };
    if (!isKnownOperator(operator)) {
      const guess = closest(operator, OPERATOR_NAMES);
      this.error(
        'unknown-operator',
        `unknown operator '${operator}'; ${guess ? `did you mean '${guess}'? ` : ''}use one of ${OPERATOR_NAMES.join(', ')}`,
        [...path, 'operator'],
      );
      return undefined;
    }
    const bad = OPERATORS[operator]!.checkValue(value);
    if (bad) {
      this.error('invalid-operator-value', `operator '${operator}' ${bad}`, [...path, 'value']);
      return undefined;
    }
    if (!KNOWN_FACTS.has(fact)) {
      const guess = closest(fact, [...KNOWN_FACTS]);
      this.error(
        'unknown-fact',
        `unknown fact '${fact}'${guess ? `; did you mean '${guess}'?` : ''} (see "Facts a rule can test" in docs/formats.md)`,
        [...path, 'fact'],
      );
      return undefined;
    }
    const p = tree.path;
    if (p !== undefined && (typeof p !== 'string' || !PATH_SYNTAX.test(p))) {
      this.error('invalid-path', `path must be of the form $.a.b[0].c`, [...path, 'path']);
      return undefined;
    }
    const leaf: ConditionLeaf = p === undefined ? { name, fact, operator, value } : { name, fact, operator, value, path: p };
    for (const s of leafSense(leaf)) this.warn(s.code, s.message, [...path, s.at]);
    this.leafPaths.set(leaf, path);
    return leaf;
  }

  /** Warns about leaves of one `all` (its nested `all`s included) that cannot all hold. */
  private checkTogether(items: readonly ConditionTree[]): void {
    const leaves: PlacedLeaf<PathKey[]>[] = [];
    const collect = (list: readonly ConditionTree[]): void => {
      for (const c of list) {
        if ('all' in c) collect(c.all);
        else if ('fact' in c) {
          const at = this.leafPaths.get(c);
          if (at) leaves.push({ leaf: c, at, line: this.locate(at).line });
        }
      }
    };
    collect(items);
    for (const c of contradictions(leaves)) this.warn('condition-contradiction', c.message, c.at);
  }
}
