import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError } from '../../src/config';
import type { ModelResponse } from '../../src/domain/usage';
import { DEFAULT_PRICES, findPrice, priceOf } from '../../src/model/prices';
import { observeWith, type ModelCallObserver } from '../../src/telemetry/model-call';
import { tracesUrl } from '../../src/telemetry/tracing';
import { tracedBundlePath } from '../../src/telemetry/workflow-modules';

const ROOT = join(__dirname, '..', '..');

describe('tracing settings', () => {
  it('is on only with an OTLP endpoint, and the standard variables can turn it off', () => {
    expect(tracesUrl({})).toBeUndefined();
    expect(tracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318/' })).toBe('http://jaeger:4318/v1/traces');
    expect(tracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://b:4318/custom' })).toBe(
      'http://b:4318/custom',
    );
    expect(tracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_SDK_DISABLED: 'true' })).toBeUndefined();
    expect(tracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_TRACES_EXPORTER: 'none' })).toBeUndefined();
  });

  it('refuses an endpoint that is not an http(s) URL, naming the variable', () => {
    expect(() => tracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'jaeger:4318' })).toThrow(ConfigError);
    expect(() => tracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'localhost' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT must be an http\(s\) URL/);
  });

  it('loads no OpenTelemetry module when off, in a worker or a client process', () => {
    const script = `
      const { startTracing } = require('./src/telemetry/tracing');
      require('./src/worker'); require('./src/cli/main');
      startTracing('worker', {}).then((t) => {
        const loaded = Object.keys(require.cache).filter((m) => m.includes('opentelemetry'));
        console.log(JSON.stringify({ tracing: t === undefined ? 'off' : 'on', loaded }));
      });`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: '' },
    });
    expect(JSON.parse(out.trim().split('\n').at(-1)!)).toEqual({ tracing: 'off', loaded: [] });
  }, 60_000);

  it('lets a command succeed when its spans cannot be delivered, and says so on stderr', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--help'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: switchboard');
    expect(run.stderr).toContain('spans not delivered');
  }, 60_000);

  it('names the traced twin of a pre-built bundle', () => {
    expect(tracedBundlePath('/app/lib/workflow-bundle.js')).toBe('/app/lib/workflow-bundle.traced.js');
  });
});

describe('model call observers', () => {
  it('nest in the order given and pass the answer through unchanged', async () => {
    const seen: string[] = [];
    const tag =
      (name: string): ModelCallObserver =>
      async (labels, call) => {
        seen.push(`${name} in ${labels.task}`);
        const response = await call();
        seen.push(`${name} out`);
        return response;
      };
    const answer: ModelResponse<string> = {
      output: 'x',
      model: 'm',
      usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3, calls: 1 },
      latencyMs: 5,
      requestId: null,
    };
    const result = await observeWith(tag('outer'), tag('inner'))({ task: 't', model: 'm', attempt: 1 }, async () => answer);
    expect(result).toBe(answer);
    expect(seen).toEqual(['outer in t', 'inner in t', 'inner out', 'outer out']);
  });
});

describe('prices', () => {
  it('price a dated snapshot as its base model, and know no price for an unknown model', () => {
    expect(findPrice(DEFAULT_PRICES, 'gpt-5.4-mini-2026-03-05')).toEqual(DEFAULT_PRICES['gpt-5.4-mini']);
    expect(findPrice(DEFAULT_PRICES, 'gpt-5.4-2026-03-05')).toEqual(DEFAULT_PRICES['gpt-5.4']);
    expect(findPrice(DEFAULT_PRICES, 'gpt-5.4mini')).toBeUndefined();
    expect(() => priceOf(DEFAULT_PRICES, 'claude-x')).toThrow(/no price for model "claude-x"/);
  });
});
