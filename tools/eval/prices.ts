import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { schemaProblems } from '../../src/domain/schema-problems';
import { OFFLINE_MODEL } from '../../src/model/offline-provider';
import type { Price } from './metrics';

const PriceTable = z.record(z.string(), z.object({ inputPerMTok: z.number().min(0), outputPerMTok: z.number().min(0) }).strict());
export type PriceTable = z.infer<typeof PriceTable>;

/**
 * US dollars per million tokens. These are examples to be checked against the provider's current
 * price list, not quotes: pass `--prices file.json` (same shape) to use your own.
 */
export const DEFAULT_PRICES: PriceTable = {
  [OFFLINE_MODEL]: { inputPerMTok: 0, outputPerMTok: 0 },
  'gpt-5.4-mini': { inputPerMTok: 0.75, outputPerMTok: 4.5 },
  'gpt-5.4': { inputPerMTok: 2.5, outputPerMTok: 15 },
};

export function loadPrices(file?: string): PriceTable {
  if (!file) return DEFAULT_PRICES;
  const parsed = PriceTable.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${schemaProblems(parsed.error).join('; ')}`);
  return { ...DEFAULT_PRICES, ...parsed.data };
}

/** The model's price; an unknown model is an error, not a silent $0. */
export function priceOf(table: PriceTable, model: string): Price {
  const price = table[model];
  if (!price) throw new Error(`no price for model "${model}": add it to a --prices file (known: ${Object.keys(table).join(', ')})`);
  return price;
}
