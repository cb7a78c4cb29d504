import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ASSET_CLASSES, type AssetClass } from '../../../src/core/instrument.ts';

/** One rule: every condition it names must hold (an account among its accounts, and …). */
export interface RoutingRule {
  readonly venue: string;
  readonly accounts: ReadonlySet<string> | null;
  readonly symbols: ReadonlySet<string> | null;
  readonly assetClasses: ReadonlySet<AssetClass> | null;
  readonly description: string;
}

/** Rules in order, first match wins; orders no rule takes go to the default venue. */
export interface RoutingTable {
  readonly rules: readonly RoutingRule[];
  readonly defaultVenue: string;
}

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);
const name = z.string().min(1);

const RuleSchema = z
  .object({
    venue: name,
    account: oneOrMany(name).optional(),
    symbol: oneOrMany(name).optional(),
    assetClass: oneOrMany(z.enum(ASSET_CLASSES)).optional(),
    description: z.string().optional(),
  })
  .strict()
  .refine((r) => r.account || r.symbol || r.assetClass, 'a rule needs at least one of account, symbol, assetClass (the default takes everything else)');

/** The file form: `{ "rules": [{ "venue": "BROKER", "assetClass": "fx" }], "default": "INTERNAL" }`. */
export const RoutingTableSchema = z
  .object({
    rules: z.array(RuleSchema).default([]),
    default: name,
  })
  .strict();

export class RoutingTableError extends Error {
  override readonly name = 'RoutingTableError';
}

const setOf = <T>(values: readonly T[] | undefined): ReadonlySet<T> | null => (values ? new Set(values) : null);

/** Checks a routing table, naming every fault by its place in the file. */
export function parseRoutingTable(input: unknown, source = 'routing table'): RoutingTable {
  const parsed = RoutingTableSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new RoutingTableError(`bad ${source}:\n${lines.join('\n')}`);
  }
  return {
    defaultVenue: parsed.data.default,
    rules: parsed.data.rules.map((r, i) => ({
      venue: r.venue,
      accounts: setOf(r.account),
      symbols: setOf(r.symbol),
      assetClasses: setOf(r.assetClass),
      description: r.description ?? `rule ${i + 1}`,
    })),
  };
}

export function loadRoutingTable(path: string): RoutingTable {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new RoutingTableError(`cannot read the routing table ${path}: ${(err as Error).message}`);
  }
  return parseRoutingTable(json, `routing table ${path}`);
}

/** Every venue the table can send to, the default included. */
export function venuesOf(table: RoutingTable): ReadonlySet<string> {
  return new Set([...table.rules.map((r) => r.venue), table.defaultVenue]);
}
