import { keyTerms } from '../../domain/guardrails';

// Names a fix acts on, most telling first: an identifier with an underscore (SMTP_RELAY_HOST), then
// a dotted, dashed or slashed name (search-indexer, api.example.net, /var/lib/spool).
const IDENTIFIER = /(?<![\w./-])[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+/;
const COMPOUND_NAME = /(?<![\w-])(?:\/?[A-Za-z][A-Za-z0-9]*(?:[-./][A-Za-z0-9]+)+)(?![\w-])/;
// A URL's host names the service; its scheme and path do not.
const URL_HOST = /\bhttps?:\/\/([A-Za-z0-9.-]+)[^\s,;]*/g;

/**
 * What a fix for the cause this sentence states acts on, spelled as the sentence spells it (so the
 * workflow's check finds it in the observation): an identifier, a compound name, else the
 * sentence's first meaningful word.
 */
export function actionTarget(sentence: string): string {
  const named = IDENTIFIER.exec(sentence)?.[0] ?? COMPOUND_NAME.exec(sentence.replace(URL_HOST, '$1'))?.[0];
  if (named) return named.replace(/[.:/]+$/, '');
  const [first] = keyTerms(sentence);
  return first ?? sentence.trim();
}
