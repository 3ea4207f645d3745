import { z } from 'zod';
import type { StringValue } from '@temporalio/common';
import { msToNumber } from '@temporalio/common/lib/time';
import { parseKeyRing } from './codec/keyring';
import { DEFAULT_AGENT_LIMITS } from './domain/guardrails';
import { DEFAULT_REVIEW_THRESHOLD } from './domain/policy';
import { OFFLINE_MODEL } from './model/offline-provider';

const number = (name: string, def: number, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`)
    .default(def);

/** The project's own settings, one field per variable (Temporal's connection comes from @temporalio/envconfig). */
export const SettingsFields = z.object({
  TASK_QUEUE: z.string().trim().min(1, 'TASK_QUEUE must not be empty').default('switchboard'),
  MODEL_PROVIDER: z.enum(['offline', 'openai'], { error: 'MODEL_PROVIDER must be "offline" or "openai"' }).optional(),
  OPENAI_API_KEY: z.string().trim().min(1).optional(),
  OPENAI_BASE_URL: z.url({ error: 'OPENAI_BASE_URL must be a URL such as http://localhost:4010/v1' }).optional(),
  OPENAI_MODEL: z.string().trim().min(1).default('gpt-5.4-mini'),
  OPENAI_TIMEOUT_MS: number('OPENAI_TIMEOUT_MS', 30_000, 100, 600_000),
  REVIEW_CONFIDENCE_THRESHOLD: number('REVIEW_CONFIDENCE_THRESHOLD', DEFAULT_REVIEW_THRESHOLD, 0, 1),
  APPROVERS: z
    .string()
    .default('demo-approver')
    .transform((v) => v.split(',').map((a) => a.trim()).filter(Boolean))
    .refine((list) => list.length > 0, 'APPROVERS must name at least one approver (comma-separated)'),
  APPROVAL_TIMEOUT: z
    .string()
    .default('4h')
    .refine((v) => {
      try {
        return msToNumber(v as StringValue) > 0;
      } catch {
        return false;
      }
    }, 'APPROVAL_TIMEOUT must be a duration such as 4h, 30m or 90s'),
  AGENT_MIN_CONFIDENCE: number('AGENT_MIN_CONFIDENCE', DEFAULT_AGENT_LIMITS.minConfidence, 0, 1),
  AGENT_MAX_STEPS: number('AGENT_MAX_STEPS', DEFAULT_AGENT_LIMITS.maxSteps, 1, 50).pipe(z.number().int('AGENT_MAX_STEPS must be a whole number')),
  AGENT_TOKEN_BUDGET: number('AGENT_TOKEN_BUDGET', DEFAULT_AGENT_LIMITS.tokenBudget, 1, 10_000_000),
  WORKFLOW_BUNDLE: z.string().trim().min(1).optional(),
  LOG_LEVEL: z.enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'], { error: 'LOG_LEVEL must be TRACE, DEBUG, INFO, WARN or ERROR' }).default('INFO'),
  LOG_FORMAT: z.enum(['pretty', 'json'], { error: 'LOG_FORMAT must be "pretty" or "json"' }).default('pretty'),
  METRICS_BIND: z
    .string()
    .regex(/^[^:]+:\d{1,5}$/, 'METRICS_BIND must be host:port, e.g. 0.0.0.0:9464')
    .optional(),
  WORKER_MAX_CONCURRENT_ACTIVITIES: number('WORKER_MAX_CONCURRENT_ACTIVITIES', 100, 1, 10_000).pipe(z.number().int()),
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: number('WORKER_MAX_CONCURRENT_WORKFLOW_TASKS', 40, 2, 10_000).pipe(z.number().int()),
  MODEL_RATE_LIMIT_PER_SECOND: z.coerce
    .number({ error: 'MODEL_RATE_LIMIT_PER_SECOND must be a number' })
    .positive('MODEL_RATE_LIMIT_PER_SECOND must be above 0')
    .optional(),
  WORKER_MAX_CACHED_WORKFLOWS: number('WORKER_MAX_CACHED_WORKFLOWS', 1_000, 0, 100_000).pipe(z.number().int()),
  OUTBOX_DIR: z.string().trim().min(1).default('.data/outbox'),
  TEMPORAL_UI_URL: z.url({ error: 'TEMPORAL_UI_URL must be a URL' }).default('http://localhost:8233'),
  PAYLOAD_ENCRYPTION_KEYS: z
    .string()
    .trim()
    .superRefine((spec, ctx) => {
      try {
        parseKeyRing(spec);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
      }
    })
    .optional(),
  CODEC_SERVER_PORT: number('CODEC_SERVER_PORT', 8888, 1, 65_535).pipe(z.number().int('CODEC_SERVER_PORT must be a whole number')),
  CODEC_SERVER_TOKEN: z.string().trim().min(16, 'CODEC_SERVER_TOKEN must be at least 16 characters').optional(),
  CODEC_CORS_ORIGINS: z
    .string()
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.url({ error: 'CODEC_CORS_ORIGINS must be comma-separated URLs such as http://localhost:8233' })))
    .optional(),
});

/** The settings as the code uses them: the provider defaulted from the key, and checked against it. */
export const Settings = SettingsFields
  .transform((s) => ({ ...s, MODEL_PROVIDER: s.MODEL_PROVIDER ?? (s.OPENAI_API_KEY ? 'openai' : 'offline') }))
  .refine((s) => s.MODEL_PROVIDER !== 'openai' || s.OPENAI_API_KEY !== undefined, {
    message: 'MODEL_PROVIDER=openai needs OPENAI_API_KEY (or set MODEL_PROVIDER=offline)',
    path: ['OPENAI_API_KEY'],
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
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || 'settings'}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The model name results will carry, for display before any call is made. */
export function modelLabel(settings: Settings): string {
  return settings.MODEL_PROVIDER === 'openai' ? settings.OPENAI_MODEL : OFFLINE_MODEL;
}
