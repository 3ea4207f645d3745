import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isHex } from '../domain/signatures';

/** An approver's private key, read from its file, with the public half decisions are verified by. */
export interface SigningKey {
  privateKey: KeyObject;
  /** 64 hex digits, as pinned in a case. */
  publicKey: string;
  /** Where it was read from; none for a key that lives in memory only. */
  file?: string;
}

export class KeyFileError extends Error {
  override name = 'KeyFileError';
}

const hexOf = (base64url: string) => Buffer.from(base64url, 'base64url').toString('hex');

/** The raw public key of an Ed25519 key object, as hex. */
export function publicKeyHex(key: KeyObject): string {
  const { x, crv } = key.export({ format: 'jwk' });
  if (crv !== 'Ed25519' || !x) throw new KeyFileError(`not an Ed25519 key (${crv ?? key.asymmetricKeyType})`);
  return hexOf(x);
}

/** The files of a named key pair in a folder: `<name>.key` (PKCS#8 PEM, 0600) and `<name>.pub` (hex). */
export function keyFiles(dir: string, name: string): { privateFile: string; publicFile: string } {
  if (!/^[\w.@-]+$/.test(name) || name.startsWith('.')) throw new KeyFileError(`"${name}" cannot name a key file: use letters, digits, . _ @ -`);
  return { privateFile: join(dir, `${name}.key`), publicFile: join(dir, `${name}.pub`) };
}

/**
 * Makes an Ed25519 key pair for `name` in `dir`: the private key readable by its owner only, the
 * public key as the hex to put in APPROVERS. Refuses to overwrite an existing key.
 */
export function generateKeyFiles(dir: string, name: string): { privateFile: string; publicFile: string; publicKey: string } {
  const files = keyFiles(dir, name);
  if (existsSync(files.privateFile)) throw new KeyFileError(`${files.privateFile} already exists: remove it first to make a new key for ${name}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  writeFileSync(files.privateFile, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  const hex = publicKeyHex(publicKey);
  writeFileSync(files.publicFile, `${hex}\n`, { mode: 0o644 });
  return { ...files, publicKey: hex };
}

/** A key pair that lives in memory only: for tools that start cases and approve them themselves. */
export function ephemeralSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey: publicKeyHex(publicKey) };
}

/**
 * Reads a private key file: refused when others may read it (mode must be 0600 or stricter), or when
 * it is not an Ed25519 key in PEM (`npm run client -- keygen` or `openssl genpkey -algorithm ed25519`).
 */
export function readSigningKey(file: string): SigningKey {
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch {
    throw new KeyFileError(`no key file at ${file}: make one with \`npm run client -- keygen <name>\` or pass --key FILE`);
  }
  if (mode & 0o077) throw new KeyFileError(`${file} may be read by others (mode ${(mode & 0o777).toString(8)}): run \`chmod 600 ${file}\``);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readFileSync(file));
  } catch {
    throw new KeyFileError(`${file} is not a private key in PEM`);
  }
  return { privateKey, publicKey: publicKeyHex(createPublicKey(privateKey)), file };
}

/** A public key as written in config or a .pub file: 64 hex digits, or a PEM public key (openssl's). */
export function readPublicKey(text: string, where: string): string {
  const trimmed = text.trim();
  if (isHex(trimmed.toLowerCase(), 32)) return trimmed.toLowerCase();
  try {
    return publicKeyHex(createPublicKey(trimmed));
  } catch {
    throw new KeyFileError(`${where} is not an Ed25519 public key (64 hex digits or PEM)`);
  }
}
