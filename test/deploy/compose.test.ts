import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SettingsFields } from '../../src/config';
import { ALL_SEARCH_ATTRIBUTES } from '../../src/workflows/search-attributes';
import { tempDir } from '../helpers/files';

// No Docker engine here: the compose file is checked for what the worker needs, not run.
const compose = parse(readFileSync(join(__dirname, '..', '..', 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, { environment?: Record<string, unknown>; command?: string[]; depends_on?: Record<string, { condition: string }> }>;
};

const ROOT = join(__dirname, '..', '..');

describe('docker-compose.yml', () => {
  const worker = compose.services.worker!;

  it('is accepted by compose-go, the loader Docker Compose uses (schema, interpolation, references)', () => {
    // `go run` builds tools/compose-validate once (the Go build cache keeps it) from pinned modules.
    const out = execFileSync('go', ['run', '.', join(ROOT, 'docker-compose.yml')], { cwd: join(ROOT, 'tools', 'compose-validate'), encoding: 'utf8' });
    expect(out.trim().split('\n')).toEqual(['postgresql', 'temporal', 'temporal-schema', 'temporal-setup', 'temporal-ui', 'worker']);
  }, 300_000);

  it('adds the codec server, built from the same image, under the encryption profile', () => {
    const out = execFileSync('go', ['run', '.', join(ROOT, 'docker-compose.yml')], {
      cwd: join(ROOT, 'tools', 'compose-validate'),
      encoding: 'utf8',
      env: { ...process.env, COMPOSE_PROFILES: 'encryption' },
    });
    expect(out.trim().split('\n')).toContain('codec-server');
    const codec = compose.services['codec-server']!;
    // lib/codec/main.js is what `npm run build` makes of src/codec/main.ts.
    expect(codec.command?.slice(0, 2)).toEqual(['node', 'lib/codec/main.js']);
    expect(existsSync(join(ROOT, 'src', 'codec', 'main.ts'))).toBe(true);
    expect(codec.environment?.PAYLOAD_ENCRYPTION_KEYS).toBe(worker.environment?.PAYLOAD_ENCRYPTION_KEYS);
    expect(compose.services['temporal-ui']?.environment?.TEMPORAL_CODEC_ENDPOINT).toBeDefined();
  }, 300_000);

  it('would be refused by compose-go if a dependency condition were wrong (the check can fail)', () => {
    const broken = join(tempDir(), 'docker-compose.yml');
    writeFileSync(broken, readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8').replace(/service_completed_successfully/g, 'service_done'));
    expect(() => execFileSync('go', ['run', '.', broken], { cwd: join(ROOT, 'tools', 'compose-validate'), stdio: 'pipe' })).toThrow(/condition value must be one of/);
  }, 300_000);

  it('sets every setting the worker reads, and the Temporal address', () => {
    const keys = Object.keys(SettingsFields.shape);
    expect(keys.length).toBeGreaterThan(10);
    for (const key of keys) expect(Object.keys(worker.environment ?? {})).toContain(key);
    expect(worker.environment?.TEMPORAL_ADDRESS).toBe('temporal:7233');
  });

  it('creates every search attribute the workflows set', () => {
    const setup = compose.services['temporal-setup']?.command?.join('\n') ?? '';
    for (const key of ALL_SEARCH_ATTRIBUTES) expect(setup).toContain(key.name);
  });

  it('starts the worker only after schema and namespace set-up', () => {
    expect(worker.depends_on?.['temporal-setup']?.condition).toBe('service_completed_successfully');
    expect(compose.services.temporal?.depends_on?.['temporal-schema']?.condition).toBe('service_completed_successfully');
  });
});
