import { cueTokens } from './cues';
import { stripInjections } from './injection';
import { normalizeText } from './normalize';

/** How a ticket's text becomes tokens; stored with the model, so training and prediction agree. */
export interface FeatureOptions {
  /** Shortest and longest character n-gram, counted with the word's boundaries (" refund "). */
  minN: number;
  maxN: number;
  /** How many times a cue group's token is added: its weight against the many n-grams. */
  cueRepeat: number;
  /** How many times the priority head reads the ticket's category (gold in training, predicted after). */
  categoryRepeat: number;
  /** Whether the priority head reads the n-grams too, or only cue, shape and category tokens. */
  priorityNgrams: boolean;
}

/** The tokens the priority head reads, from the ticket's tokens and its category. */
export function priorityTokens(tokens: readonly string[], category: string, o: FeatureOptions): string[] {
  return [...(o.priorityNgrams ? tokens : tokens.filter((t) => t.startsWith('#'))), ...categoryTokens(category, o)];
}

/** The tokens that tell the priority head the ticket's category: urgency means different things per category. */
export function categoryTokens(category: string, o: FeatureOptions): string[] {
  return Array.from({ length: o.categoryRepeat }, (_, r) => `#category=${category}:${r}`);
}

const PEOPLE =
  'people|persons?|users|employees|staff|agents|colleagues|members|of us|team|offices|stores|shops|clinics|customers|seats|' +
  'leute|personen|nutzer|mitarbeiter\\w*|ma|kollegen|filialen|kunden|plaetze|platze|' +
  'personas|usuarios|empleados|agentes|clientes|oficinas|tiendas|licencias|' +
  'personnes|utilisateurs|salaries|collaborateurs|techniciens|commerciaux|livreurs|clients|' +
  'pessoas|usuarios|funcionarios|colaboradores|atendentes|lojas|' +
  'persone|utenti|dipendenti|operatori|tecnici|colleghi|sedi|negozi|' +
  'mensen|man|gebruikers|medewerkers|collegas|\\w*medewerkers|\\w*kundigen|filialen|winkels|' +
  'osob|osoby|uzytkownikow|pracownikow|ludzi|stanowisk|sklepow|' +
  'pers|personer|anvandare|anstallda|medarbetare|butiker';
const MANY_PEOPLE = new RegExp(`\\b([5-9]|[1-9]\\d{1,4})\\s+([a-z]+\\s+)?(${PEOPLE})\\b`);

// How a ticket is written, which normalizing erases: what tells urgency and questions apart.
const SHAPES: ReadonlyArray<[string, (text: string) => boolean]> = [
  ['question', (t) => /[?¿]/.test(t)],
  ['exclaim', (t) => /!.*!/s.test(t)],
  ['shouting', (t) => /\b\p{Lu}{4,}\b(?:\W+\b\p{Lu}{2,}\b)+/u.test(t) || /\b(?:URGENT|DRINGEND|URGENTE|PILNE|AKUT|ASAP)\b/u.test(t)],
  ['money', (t) => /[€$£]\s?\d|\d\s?[€$£]|\d\s?(?:zł|kr|USD|EUR|CHF|SEK|PLN|BRL)\b/u.test(t)],
  // A head count: "40 osób", "all 60 of us", "unsere 6 Filialen", "Hela supportavdelningen (35 pers)".
  ['many_people', (t) => MANY_PEOPLE.test(normalizeText(t))],
  ['short', (t) => t.length < 80],
  ['long', (t) => t.length > 600],
];

/** One token per shape the raw ticket has, e.g. "#shape:question". */
export function shapeTokens(text: string): string[] {
  return SHAPES.filter(([, has]) => has(text)).map(([name]) => `#shape:${name}`);
}

/**
 * The tokens the classifier reads: character n-grams of every word with its boundaries (robust to typos,
 * inflection and compounds in any language), one token per multilingual cue group found and one per
 * shape of the text (a question, shouting, an amount of money, very short or long). Sentences
 * that try to steer the classification are dropped first.
 */
export function ticketTokens(text: string, o: FeatureOptions): string[] {
  const kept = stripInjections(text);
  const normalized = normalizeText(kept);
  // No letter or digit: nothing to read, not even a shape.
  if (!normalized) return [];
  const tokens: string[] = [];
  for (const word of normalized.split(' ')) {
    if (!word) continue;
    const padded = ` ${word} `;
    for (let n = o.minN; n <= o.maxN; n += 1) {
      for (let i = 0; i + n <= padded.length; i += 1) {
        const gram = padded.slice(i, i + n);
        if (gram !== ' ') tokens.push(gram);
      }
    }
  }
  // Distinct copies, so the weight holds when the classifier counts each token once per ticket.
  for (const cue of [...cueTokens(normalized), ...shapeTokens(kept)]) for (let r = 0; r < o.cueRepeat; r += 1) tokens.push(`${cue}:${r}`);
  return tokens;
}
