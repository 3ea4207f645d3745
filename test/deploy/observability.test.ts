import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// No Docker engine here: the observability profile is checked by compose-go and against what the
// worker serves, not run. (The same Jaeger, built from source, was run against a real worker: README.)
const ROOT = join(__dirname, '..', '..');
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, { environment?: Record<string, string>; ports?: string[]; profiles?: string[]; volumes?: string[] }>;
};
const prometheus = parse(readFileSync(join(ROOT, 'deploy', 'prometheus.yml'), 'utf8')) as {
  scrape_configs: Array<{ job_name: string; static_configs: Array<{ targets: string[] }> }>;
};

describe('docker-compose.yml, observability profile', () => {
  it('adds Jaeger and Prometheus, accepted by compose-go, only under the profile', () => {
    const validate = (profiles: string) =>
      execFileSync('go', ['run', '.', join(ROOT, 'docker-compose.yml')], {
        cwd: join(ROOT, 'tools', 'compose-validate'),
        encoding: 'utf8',
        env: { ...process.env, COMPOSE_PROFILES: profiles },
      })
        .trim()
        .split('\n');
    expect(validate('observability')).toEqual(expect.arrayContaining(['jaeger', 'prometheus', 'worker']));
    expect(validate('')).not.toContain('jaeger');
  }, 300_000);

  it("scrapes the worker's METRICS_BIND port, and mounts that config", () => {
    const worker = compose.services.worker!;
    const port = worker.environment!.METRICS_BIND!.split(':')[1];
    expect(prometheus.scrape_configs.flatMap((c) => c.static_configs.flatMap((s) => s.targets))).toEqual([`worker:${port}`]);
    expect(compose.services.prometheus?.volumes).toContain('./deploy/prometheus.yml:/etc/prometheus/prometheus.yml:ro');
  });

  it("gives the worker the standard OTLP variables, and Jaeger's OTLP/HTTP port is open", () => {
    const env = compose.services.worker!.environment!;
    expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('${OTEL_EXPORTER_OTLP_ENDPOINT:-}');
    expect(env.OTEL_SERVICE_NAME).toBeDefined();
    expect(compose.services.jaeger?.ports).toEqual(expect.arrayContaining(['4318:4318', '16686:16686']));
  });
});
