/**
 * The fold (0..k-1) a ticket falls in, from its id alone (FNV-1a hash): stable when tickets are added,
 * reordered or relabelled, so cross-validation figures compare across runs.
 */
export function foldOf(id: string, k: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % k;
}
