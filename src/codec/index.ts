import type { DataConverter } from '@temporalio/common';
import { AesGcmCodec } from './aes-gcm-codec';
import { parseKeyRing } from './keyring';

/** The codec PAYLOAD_ENCRYPTION_KEYS asks for, or none (payloads stored as plain JSON). */
export function codecFromSettings(settings: { PAYLOAD_ENCRYPTION_KEYS?: string }): AesGcmCodec | undefined {
  return settings.PAYLOAD_ENCRYPTION_KEYS ? new AesGcmCodec(parseKeyRing(settings.PAYLOAD_ENCRYPTION_KEYS)) : undefined;
}

/** What worker and client both pass to Temporal: the same codec on both sides, or the default. */
export function dataConverterFromSettings(settings: { PAYLOAD_ENCRYPTION_KEYS?: string }): DataConverter | undefined {
  const codec = codecFromSettings(settings);
  return codec && { payloadCodecs: [codec] };
}
