import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { schemaProblems } from '../domain/schema-problems';
import { OFFLINE_MODEL } from './offline-provider';

/** Price of one model, in US dollars per million tokens. */
export interface Price {
  inputPerMTok: number;
  outputPerMTok: number;
}

const PriceTable = z.record(z.string(), z.object({ inputPerMTok: z.number().min(0), outputPerMTok: z.number().min(0) }).strict());
export type PriceTable = z.infer<typeof PriceTable>;

/**
 * US dollars per million tokens. These are examples to be checked against the provider's current
 * price list, not quotes: the eval takes `--prices file.json`, the worker MODEL_PRICES_FILE (same shape).
 */
export const DEFAULT_PRICES: PriceTable = {
  [OFFLINE_MODEL]: { inputPerMTok: 0, outputPerMTok: 0 },
  'gpt-5.4-mini': { inputPerMTok: 0.75, outputPerMTok: 4.5 },
  'gpt-5.4': { inputPerMTok: 2.5, outputPerMTok: 15 },
};

/** The default table, with a JSON file's entries over it; a bad file throws, naming what is wrong. */
export function loadPrices(file?: string): PriceTable {
  if (!file) return DEFAULT_PRICES;
  const parsed = PriceTable.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${schemaProblems(parsed.error).join('; ')}`);
  return { ...DEFAULT_PRICES, ...parsed.data };
}

/**
 * The model's price, or undefined. A dated snapshot the API reports ("gpt-5.4-mini-2026-03-05")
 * takes the price of the longest table entry it extends.
 */
export function findPrice(table: PriceTable, model: string): Price | undefined {
  if (table[model]) return table[model];
  const base = Object.keys(table)
    .filter((name) => model.startsWith(`${name}-`))
    .sort((a, b) => b.length - a.length)[0];
  return base === undefined ? undefined : table[base];
}

/** The model's price; an unknown model is an error, not a silent $0. */
export function priceOf(table: PriceTable, model: string): Price {
  const price = findPrice(table, model);
  if (!price) throw new Error(`no price for model "${model}": add it to a --prices file (known: ${Object.keys(table).join(', ')})`);
  return price;
}

export function costUsd(tokens: { inputTokens: number; outputTokens: number }, price: Price): number {
  return (tokens.inputTokens * price.inputPerMTok + tokens.outputTokens * price.outputPerMTok) / 1_000_000;
}
