import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SettingsFields } from '../../src/config';
import { ALL_SEARCH_ATTRIBUTES } from '../../src/domain/search-attributes';

// No Docker engine here: the compose file is checked for what the worker needs, not run.
const compose = parse(readFileSync(join(__dirname, '..', '..', 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, { environment?: Record<string, unknown>; command?: string[]; depends_on?: Record<string, { condition: string }> }>;
};

describe('docker-compose.yml', () => {
  const worker = compose.services.worker!;

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
