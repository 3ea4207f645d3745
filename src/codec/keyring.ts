/** One AES-256 key and the id written next to every payload it encrypts. */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

/** The first key encrypts; every key decrypts, so a rotated-out key still reads old histories. */
export interface KeyRing {
  active: EncryptionKey;
  all: ReadonlyMap<string, EncryptionKey>;
}

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
const KEY_BYTES = 32;

/**
 * Parses PAYLOAD_ENCRYPTION_KEYS: `id:base64key[,id:base64key…]`, newest first.
 * Errors name the entry by position and id, never by its key material.
 */
export function parseKeyRing(spec: string): KeyRing {
  const entries = spec
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new Error('holds no key (expected id:base64key[,id:base64key…])');
  const all = new Map<string, EncryptionKey>();
  entries.forEach((entry, i) => {
    const at = entry.indexOf(':');
    const id = at < 0 ? '' : entry.slice(0, at);
    const where = `entry ${i + 1}${KEY_ID.test(id) ? ` (${id})` : ''}`;
    if (at < 0) throw new Error(`${where} is not id:base64key`);
    if (!KEY_ID.test(id)) throw new Error(`${where}: key id must be 1-64 letters, digits, dots, dashes or underscores`);
    if (all.has(id)) throw new Error(`${where}: key id ${id} appears twice`);
    const material = entry.slice(at + 1);
    const key = Buffer.from(material, 'base64');
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(material) || key.length !== KEY_BYTES) {
      throw new Error(`${where}: the key must be ${KEY_BYTES} bytes in base64 (make one with \`openssl rand -base64 32\`)`);
    }
    all.set(id, { id, key });
  });
  return { active: all.values().next().value as EncryptionKey, all };
}
