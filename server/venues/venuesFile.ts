import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { type FixVenueConfig, FixVenueConfigError, parseFixVenueConfig } from './fix/fixVenueConfig.ts';
import { type RoutingTable, RoutingTableError, parseRoutingTable } from './routing/routingTable.ts';

/**
 * Where orders can go, as one file (VENUES_FILE): the FIX counterparties to
 * connect to and the routing table over them and the internal venue.
 *
 * {
 *   "fix": [{ "name": "BROKER", "host": "127.0.0.1", "port": 5001, "senderCompId": "TERMINAL",
 *             "targetCompId": "EXECUTOR", "storeDir": "fix-store" }],
 *   "routing": { "rules": [{ "venue": "BROKER", "assetClass": "fx" }], "default": "INTERNAL" }
 * }
 *
 * A relative storeDir is taken from the file's own folder, so a file and its
 * FIX store travel together. Without a file every order goes to the internal venue.
 */
export interface VenuesFile {
  readonly fix: readonly FixVenueConfig[];
  readonly routing: RoutingTable;
}

const FileSchema = z.object({ fix: z.array(z.unknown()).default([]), routing: z.unknown() }).strict();

export class VenuesFileError extends Error {
  override readonly name = 'VenuesFileError';
}

export function parseVenuesFile(input: unknown, source: string, baseDir: string): VenuesFile {
  const parsed = FileSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new VenuesFileError(`bad ${source}:\n${lines.join('\n')}`);
  }
  try {
    const fix = parsed.data.fix.map((raw, i) => {
      try {
        const c = parseFixVenueConfig(raw);
        return { ...c, storeDir: isAbsolute(c.storeDir) ? c.storeDir : resolve(baseDir, c.storeDir) };
      } catch (err) {
        throw new VenuesFileError(`${source}, fix[${i}]: ${(err as Error).message}`);
      }
    });
    const names = fix.map((f) => f.name);
    const twice = names.filter((n, i) => names.indexOf(n) !== i);
    if (twice.length > 0) throw new VenuesFileError(`${source}: FIX venue names must be unique; repeated: ${[...new Set(twice)].join(', ')}`);
    return { fix, routing: parseRoutingTable(parsed.data.routing, `${source}, routing`) };
  } catch (err) {
    if (err instanceof VenuesFileError || err instanceof RoutingTableError || err instanceof FixVenueConfigError) throw err;
    throw new VenuesFileError(`${source}: ${(err as Error).message}`);
  }
}

export function loadVenuesFile(path: string): VenuesFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new VenuesFileError(`cannot read the venues file ${path}: ${(err as Error).message}`);
  }
  return parseVenuesFile(json, `venues file ${path}`, dirname(resolve(path)));
}
