import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { AesGcmCodec, ENCRYPTED_ENCODING, KEY_ID_METADATA, PayloadDecryptionError } from '../../src/codec/aes-gcm-codec';
import { parseKeyRing } from '../../src/codec/keyring';
import { loadSettings } from '../../src/config';

const key = () => randomBytes(32).toString('base64');
const OLD = `k2025:${key()}`;
const NEW = `k2026:${key()}`;
const text = (b?: Uint8Array | null) => Buffer.from(b ?? []).toString('utf8');
const ticket = (): Payload => defaultPayloadConverter.toPayload({ text: 'I was charged twice for invoice 4471' });

describe('parseKeyRing', () => {
  it('takes the first key as the one that encrypts and keeps every key for decryption', () => {
    const ring = parseKeyRing(`${NEW}, ${OLD}`);
    expect(ring.active.id).toBe('k2026');
    expect([...ring.all.keys()]).toEqual(['k2026', 'k2025']);
  });

  it.each([
    ['', /holds no key/],
    ['k1', /entry 1 is not id:base64key/],
    [`bad id!:${key()}`, /key id must be/],
    [`k1:${key()},k1:${key()}`, /entry 2 \(k1\): key id k1 appears twice/],
    ['k1:c2hvcnQ=', /must be 32 bytes in base64/],
    [`k1:${key().replace(/[+/=]/g, '')}*`, /must be 32 bytes in base64/],
  ])('refuses %j', (spec, message) => {
    expect(() => parseKeyRing(spec)).toThrow(message);
  });

  it('never repeats key material in its errors or in the configuration error', () => {
    const material = randomBytes(31).toString('base64');
    expect(() => parseKeyRing(`k1:${material}`)).toThrow(/entry 1 \(k1\)/);
    let message = '';
    try {
      loadSettings({ PAYLOAD_ENCRYPTION_KEYS: `k1:${material}` });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/PAYLOAD_ENCRYPTION_KEYS: entry 1 \(k1\): the key must be 32 bytes/);
    expect(message).not.toContain(material);
  });
});

describe('AesGcmCodec', () => {
  it('round-trips a payload, metadata included, and hides its text', async () => {
    const codec = new AesGcmCodec(parseKeyRing(NEW));
    const [sealed] = await codec.encode([ticket()]);
    expect(text(sealed!.metadata!.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(text(sealed!.metadata![KEY_ID_METADATA])).toBe('k2026');
    expect(text(sealed!.data)).not.toContain('charged twice');
    expect(text(sealed!.data)).not.toContain('json/plain');
    const [opened] = await codec.decode([sealed!]);
    expect(defaultPayloadConverter.fromPayload(opened!)).toEqual({ text: 'I was charged twice for invoice 4471' });
  });

  it('uses a fresh IV each time: the same payload never encrypts to the same bytes', async () => {
    const codec = new AesGcmCodec(parseKeyRing(NEW));
    const [a, b] = await codec.encode([ticket(), ticket()]);
    expect(Buffer.from(a!.data!).equals(Buffer.from(b!.data!))).toBe(false);
  });

  it('after rotation, decrypts what the old key wrote and encrypts with the new one', async () => {
    const before = new AesGcmCodec(parseKeyRing(OLD));
    const after = new AesGcmCodec(parseKeyRing(`${NEW},${OLD}`));
    const [old] = await before.encode([ticket()]);
    expect(defaultPayloadConverter.fromPayload((await after.decode([old!]))[0]!)).toEqual({ text: 'I was charged twice for invoice 4471' });
    const [fresh] = await after.encode([ticket()]);
    expect(text(fresh!.metadata![KEY_ID_METADATA])).toBe('k2026');
  });

  it('names the key id it lacks rather than returning garbage', async () => {
    const [sealed] = await new AesGcmCodec(parseKeyRing(OLD)).encode([ticket()]);
    await expect(new AesGcmCodec(parseKeyRing(NEW)).decode([sealed!])).rejects.toThrow(
      new PayloadDecryptionError('payload encrypted with key id "k2025", which is not configured (PAYLOAD_ENCRYPTION_KEYS has k2026)'),
    );
  });

  it('refuses altered ciphertext and a different key under the same id', async () => {
    const codec = new AesGcmCodec(parseKeyRing(NEW));
    const [sealed] = await codec.encode([ticket()]);
    const altered = Buffer.from(sealed!.data!);
    altered[20]! ^= 1;
    await expect(codec.decode([{ ...sealed!, data: altered }])).rejects.toThrow(/failed authentication/);
    const impostor = new AesGcmCodec(parseKeyRing(`k2026:${key()}`));
    await expect(impostor.decode([sealed!])).rejects.toThrow(/failed authentication/);
    await expect(codec.decode([{ ...sealed!, data: new Uint8Array(5) }])).rejects.toThrow(/truncated/);
  });

  it('passes through payloads that were never encrypted (histories from before encryption was on)', async () => {
    const plain = ticket();
    expect(await new AesGcmCodec(parseKeyRing(NEW)).decode([plain])).toEqual([plain]);
  });
});
