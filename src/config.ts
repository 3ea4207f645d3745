import { z } from 'zod';
import { parseKeyRing } from './codec/keyring';
import { DEFAULT_APPROVAL_TIMEOUT, LIMITS, type Limit } from './domain/limits';
import { durationMs } from './domain/durations';
import { schemaProblems } from './domain/schema-problems';
import { STRUCTURED_OUTPUT_DIALECTS } from './model/structured-output';
import { loadPrices } from './model/prices';
import { isHex } from './domain/signatures';

/** One APPROVERS entry: `alice` or `alice=<public key hex>`. */
function approverEntry(entry: string): { name: string; publicKey?: string } {
  const [name = '', publicKey] = entry.split('=').map((part) => part.trim());
  return publicKey === undefined ? { name } : { name, publicKey: publicKey.toLowerCase() };
}

const number = (name: string, def: number, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`)
    .default(def);

/** An optional setting checked by the parser that will read it: its error (which never repeats a key) is the message. */
const checkedBy = (parse: (value: string) => unknown, prefix = '') =>
  z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      try {
        parse(value);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: `${prefix}${(err as Error).message}` });
      }
    })
    .optional();

/** A setting for one of the domain's limits: its default and range come from there. */
const limitSetting = (name: string, l: Limit) => {
  const n = number(name, l.default, l.min, l.max);
  return l.integer ? n.pipe(z.number().int(`${name} must be a whole number`)) : n;
};

/** The project's own settings, one field per variable (Temporal's connection comes from @temporalio/envconfig). */
export const SettingsFields = z.object({
  TASK_QUEUE: z.string().trim().min(1, 'TASK_QUEUE must not be empty').default('switchboard'),
  MODEL_PROVIDER: z.enum(['offline', 'openai'], { error: 'MODEL_PROVIDER must be "offline" or "openai"' }).optional(),
  OPENAI_API_KEY: z.string().trim().min(1).optional(),
  OPENAI_BASE_URL: z.url({ error: 'OPENAI_BASE_URL must be a URL such as http://localhost:4010/v1' }).optional(),
  OPENAI_MODEL: z.string().trim().min(1).default('gpt-5.4-mini'),
  OPENAI_API: z.enum(['responses', 'chat'], { error: 'OPENAI_API must be "responses" or "chat" (Chat Completions)' }).default('responses'),
  OPENAI_STRUCTURED_OUTPUT: z
    .enum(STRUCTURED_OUTPUT_DIALECTS, { error: 'OPENAI_STRUCTURED_OUTPUT must be "json_schema" or "json_object_schema" (llama.cpp)' })
    .default('json_schema'),
  OPENAI_TIMEOUT_MS: number('OPENAI_TIMEOUT_MS', 30_000, 100, 600_000),
  // Unset by default: a reasoning model's limit counts its reasoning too. A small local model can loop until its context is full.
  OPENAI_MAX_OUTPUT_TOKENS: z.coerce
    .number({ error: 'OPENAI_MAX_OUTPUT_TOKENS must be a number' })
    .int('OPENAI_MAX_OUTPUT_TOKENS must be a whole number')
    .min(16, 'OPENAI_MAX_OUTPUT_TOKENS must be at least 16')
    .optional(),
  REVIEW_CONFIDENCE_THRESHOLD: limitSetting('REVIEW_CONFIDENCE_THRESHOLD', LIMITS.reviewThreshold),
  // name, or name=<public key>; a bare name's key is read from APPROVER_KEYS_DIR/<name>.pub when a case starts.
  APPROVERS: z
    .string()
    .default('demo-approver')
    .transform((v) =>
      v
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean)
        .map(approverEntry),
    )
    .refine((list) => list.length > 0, 'APPROVERS must name at least one approver (comma-separated)')
    .refine(
      (list) => list.every((a) => a.name && (a.publicKey === undefined || isHex(a.publicKey, 32))),
      'APPROVERS entries are name or name=<public key: 64 hex digits>',
    ),
  APPROVER_KEYS_DIR: z.string().trim().min(1).default('.data/keys'),
  APPROVER_KEY_FILE: z.string().trim().min(1).optional(),
  APPROVAL_TIMEOUT: z
    .string()
    .default(DEFAULT_APPROVAL_TIMEOUT)
    .refine((v) => durationMs(v) !== undefined, 'APPROVAL_TIMEOUT must be a duration such as 4h, 30m or 90s'),
  AGENT_MIN_CONFIDENCE: limitSetting('AGENT_MIN_CONFIDENCE', LIMITS.minConfidence),
  AGENT_MAX_STEPS: limitSetting('AGENT_MAX_STEPS', LIMITS.maxSteps),
  AGENT_TOKEN_BUDGET: limitSetting('AGENT_TOKEN_BUDGET', LIMITS.tokenBudget),
  WORKFLOW_BUNDLE: z.string().trim().min(1).optional(),
  LOG_LEVEL: z.enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'], { error: 'LOG_LEVEL must be TRACE, DEBUG, INFO, WARN or ERROR' }).default('INFO'),
  LOG_FORMAT: z.enum(['pretty', 'json'], { error: 'LOG_FORMAT must be "pretty" or "json"' }).default('pretty'),
  METRICS_BIND: z
    .string()
    .regex(/^[^:]+:\d{1,5}$/, 'METRICS_BIND must be host:port, e.g. 0.0.0.0:9464')
    .optional(),
  WAITING_CASES_REFRESH: z
    .string()
    .default('15s')
    .refine((v) => durationMs(v) !== undefined, 'WAITING_CASES_REFRESH must be a duration such as 15s'),
  MODEL_PRICES_FILE: checkedBy(loadPrices, 'MODEL_PRICES_FILE '),
  WORKER_MAX_CONCURRENT_ACTIVITIES: number('WORKER_MAX_CONCURRENT_ACTIVITIES', 100, 1, 10_000).pipe(z.number().int()),
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: number('WORKER_MAX_CONCURRENT_WORKFLOW_TASKS', 40, 2, 10_000).pipe(z.number().int()),
  MODEL_RATE_LIMIT_PER_SECOND: z.coerce
    .number({ error: 'MODEL_RATE_LIMIT_PER_SECOND must be a number' })
    .positive('MODEL_RATE_LIMIT_PER_SECOND must be above 0')
    .optional(),
  // Each cached case costs ~0.6 MiB of worker memory; an evicted one is replayed on its next event (tens of ms). See README.
  WORKER_MAX_CACHED_WORKFLOWS: number('WORKER_MAX_CACHED_WORKFLOWS', 250, 0, 100_000).pipe(z.number().int()),
  OUTBOX_DIR: z.string().trim().min(1).default('.data/outbox'),
  TEMPORAL_UI_URL: z.url({ error: 'TEMPORAL_UI_URL must be a URL' }).default('http://localhost:8233'),
  PAYLOAD_ENCRYPTION_KEYS: checkedBy(parseKeyRing),
  CODEC_SERVER_PORT: number('CODEC_SERVER_PORT', 8888, 1, 65_535).pipe(z.number().int('CODEC_SERVER_PORT must be a whole number')),
  CODEC_SERVER_TOKEN: z.string().trim().min(16, 'CODEC_SERVER_TOKEN must be at least 16 characters').optional(),
  CODEC_CORS_ORIGINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ error: 'CODEC_CORS_ORIGINS must be comma-separated URLs such as http://localhost:8233' })))
    .optional(),
});

/** The settings as the code uses them: the provider defaulted from the key, and checked against it. */
export const Settings = SettingsFields.transform((s) => ({ ...s, MODEL_PROVIDER: s.MODEL_PROVIDER ?? (s.OPENAI_API_KEY ? 'openai' : 'offline') }))
  .refine((s) => s.MODEL_PROVIDER !== 'openai' || s.OPENAI_API_KEY !== undefined, {
    message: 'MODEL_PROVIDER=openai needs OPENAI_API_KEY (or set MODEL_PROVIDER=offline)',
    path: ['OPENAI_API_KEY'],
  })
  .refine((s) => s.OPENAI_STRUCTURED_OUTPUT === 'json_schema' || s.OPENAI_API === 'chat', {
    message: 'OPENAI_STRUCTURED_OUTPUT=json_object_schema is a Chat Completions form: set OPENAI_API=chat too',
    path: ['OPENAI_STRUCTURED_OUTPUT'],
  });
export type Settings = z.infer<typeof Settings>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates settings; throws ConfigError naming every bad variable. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  // An empty variable means "not set", as in most shells' .env habits.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Settings.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(`invalid configuration:\n  ${schemaProblems(parsed.error, 'settings').join('\n  ')}`);
  }
  return parsed.data;
}
