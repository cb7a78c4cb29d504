import { z } from 'zod';
import { FIX_VERSIONS } from './fixTags.ts';

const compId = z.string().regex(/^[\x21-\x7e]+$/, 'a CompID is printable ASCII without spaces');

/** One FIX counterparty, as a configuration file names it. */
export const FixVenueConfigSchema = z.object({
  /** The venue name the routing table uses. */
  name: z.string().min(1),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  version: z.enum(FIX_VERSIONS).default('FIX.4.4'),
  senderCompId: compId,
  targetCompId: compId,
  heartbeatSeconds: z.number().int().min(1).max(300).default(30),
  /** Sequence numbers and the ClOrdID journal; keep it across restarts, or the counterparty sees a reset. */
  storeDir: z.string().min(1),
  reconnectSeconds: z.number().int().min(1).max(600).default(5),
});

export type FixVenueConfig = z.output<typeof FixVenueConfigSchema>;

export class FixVenueConfigError extends Error {
  override readonly name = 'FixVenueConfigError';
}

/** Checks a FIX venue's configuration, naming every bad field. */
export function parseFixVenueConfig(input: unknown): FixVenueConfig {
  const parsed = FixVenueConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new FixVenueConfigError(`bad FIX venue configuration:\n${lines.join('\n')}`);
}
