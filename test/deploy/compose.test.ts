import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SettingsFields } from '../../src/config';
import { ALL_SEARCH_ATTRIBUTES } from '../../src/workflows/search-attributes';
import { COMPOSE_FILE, hostPath, loadCompose, pinnedVersions, ROOT, type ComposeProject } from '../helpers/compose';
import { tempDir } from '../helpers/files';

// No Docker engine here: compose-go (the loader Docker Compose uses) reads the file, and these
// checks hold it to what the tests run. test/postgres runs the very commands of these services.
let project: ComposeProject;
beforeAll(() => {
  project = loadCompose();
}, 300_000);

const service = (name: string) => {
  const s = project.services[name];
  if (!s) throw new Error(`docker-compose.yml has no service ${name}`);
  return s;
};

describe('docker-compose.yml', () => {
  it('is accepted by compose-go, with the stack and the worker', () => {
    expect(Object.keys(project.services).sort()).toEqual(['postgresql', 'temporal', 'temporal-schema', 'temporal-setup', 'temporal-ui', 'worker']);
  });

  it('would be refused by compose-go if a dependency condition were wrong (the check can fail)', () => {
    const broken = join(tempDir(), 'docker-compose.yml');
    writeFileSync(broken, readFileSync(COMPOSE_FILE, 'utf8').replace(/service_completed_successfully/g, 'service_done'));
    expect(() => loadCompose(broken)).toThrow(/condition value must be one of/);
  }, 300_000);

  it('runs the images of the versions the tests run', () => {
    const { server, ui } = pinnedVersions();
    expect(service('temporal').image).toBe(`temporalio/server:${server}`);
    expect(service('temporal-schema').image).toBe(`temporalio/admin-tools:${server}`);
    expect(service('temporal-setup').image).toBe(`temporalio/admin-tools:${server}`);
    expect(service('temporal-ui').image).toBe(`temporalio/ui:${ui}`);
  });

  it('runs the deploy/ files the tests run, mounted from the repository', () => {
    const deploy = (name: string) => join(ROOT, 'deploy', name);
    const runs = (name: string) => {
      const s = service(name);
      const argv = [...(s.entrypoint ?? []), ...(s.command ?? [])];
      return argv.map((arg) => hostPath(s, arg)).filter((p): p is string => p !== undefined);
    };
    expect(runs('temporal-schema')).toEqual([deploy('schema.sh')]);
    expect(runs('temporal-setup')).toEqual([deploy('setup-namespace.sh')]);
    expect(runs('temporal')).toEqual([deploy('temporal-server.yaml')]);
    expect(hostPath(service('temporal'), service('temporal').environment!.DYNAMIC_CONFIG_FILE_PATH!)).toBe(deploy('dynamicconfig.yaml'));
    // The UI image reads config/docker.yaml: deploy/temporal-ui.yaml is mounted in its place.
    expect(hostPath(service('temporal-ui'), '/home/ui-server/config/docker.yaml')).toBe(deploy('temporal-ui.yaml'));
    for (const name of ['schema.sh', 'setup-namespace.sh', 'temporal-server.yaml', 'dynamicconfig.yaml', 'temporal-ui.yaml', 'search-attributes.txt']) {
      expect(existsSync(deploy(name))).toBe(true);
    }
  });

  it('lists in deploy/search-attributes.txt exactly the search attributes the workflows set', () => {
    const listed = readFileSync(join(ROOT, 'deploy', 'search-attributes.txt'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.trim().startsWith('#'))
      .map((line) => line.trim().split(/\s+/).join(' '));
    const cliType = {
      KEYWORD: 'Keyword',
      TEXT: 'Text',
      INT: 'Int',
      DOUBLE: 'Double',
      BOOL: 'Bool',
      DATETIME: 'Datetime',
      KEYWORD_LIST: 'KeywordList',
    } as const;
    expect(listed.sort()).toEqual(ALL_SEARCH_ATTRIBUTES.map((key) => `${key.name} ${cliType[key.type]}`).sort());
  });

  it('sets every setting the worker reads, and the Temporal address', () => {
    const env = service('worker').environment ?? {};
    const keys = Object.keys(SettingsFields.shape);
    expect(keys.length).toBeGreaterThan(10);
    for (const key of keys) expect(Object.keys(env)).toContain(key);
    expect(env.TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(service('temporal-setup').environment?.TEMPORAL_NAMESPACE).toBe(env.TEMPORAL_NAMESPACE);
  });

  it('gives the schema job and the server the same database password', () => {
    const project = loadCompose(COMPOSE_FILE, { POSTGRES_PASSWORD: 'not-the-default' });
    expect(project.services['postgresql']?.environment?.POSTGRES_PASSWORD).toBe('not-the-default');
    expect(project.services['temporal-schema']?.environment?.SQL_PASSWORD).toBe('not-the-default');
    expect(project.services['temporal']?.environment?.POSTGRES_PWD).toBe('not-the-default');
  }, 300_000);

  it('starts the server after the schema job, and the worker after the set-up job', () => {
    expect(service('temporal').depends_on?.['temporal-schema']?.condition).toBe('service_completed_successfully');
    expect(service('worker').depends_on?.['temporal-setup']?.condition).toBe('service_completed_successfully');
  });

  it('adds the codec server, built from the same image, under the encryption profile', () => {
    const withCodec = loadCompose(COMPOSE_FILE, { COMPOSE_PROFILES: 'encryption' });
    const codec = withCodec.services['codec-server'];
    expect(codec).toBeDefined();
    // lib/codec/main.js is what `npm run build` makes of src/codec/main.ts.
    expect(codec?.command?.slice(0, 2)).toEqual(['node', 'lib/codec/main.js']);
    expect(existsSync(join(ROOT, 'src', 'codec', 'main.ts'))).toBe(true);
    expect(Object.keys(codec?.environment ?? {})).toContain('PAYLOAD_ENCRYPTION_KEYS');
    expect(Object.keys(service('temporal-ui').environment ?? {})).toContain('TEMPORAL_CODEC_ENDPOINT');
  }, 300_000);
});
