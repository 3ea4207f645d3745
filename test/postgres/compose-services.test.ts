import { execFile } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { SearchAttributes } from '../../src/workflows/search-attributes';
import { resolveTemporalCli } from '../../tools/dev/temporal-cli';
import { freePort } from '../../tools/dev/ports';
import { startManagedProcess } from '../../tools/dev/managed-process';
import { hostPath, loadCompose, ROOT, type ComposeProject, type ComposeService } from '../helpers/compose';
import { tempDir, uniqueId } from '../helpers/temporal';
import { describeOnPostgresStack, postgresStack } from '../helpers/postgres-stack';

// docker-compose.yml's jobs, run as compose would run them (its entrypoint, its environment, its
// mounted files), on this host against the suite's stack. Only what a container has and a host has
// not is replaced, named in `onHost` below: service host names, ports, binary paths.
const BIN = join(ROOT, '.temporal', 'bin');
const run = promisify(execFile);

describeOnPostgresStack("docker compose's jobs, run on the tested stack", () => {
  let compose: ComposeProject;
  beforeAll(() => {
    compose = loadCompose();
  }, 300_000);

  /** The service's command with container paths mapped to the mounted host files, and its environment with `onHost` on top. */
  const asOnHost = (name: string, onHost: Record<string, string>) => {
    const service: ComposeService = compose.services[name]!;
    const [command, ...args] = [...(service.entrypoint ?? []), ...(service.command ?? [])].map((arg) => hostPath(service, arg) ?? arg);
    return { command: command!, args, env: { PATH: process.env.PATH, ...(service.environment as Record<string, string>), ...onHost } };
  };
  const runJob = async (job: { command: string; args: string[]; env: NodeJS.ProcessEnv }) => {
    try {
      const { stdout, stderr } = await run(job.command, job.args, { env: job.env, maxBuffer: 64 * 1024 * 1024 });
      return { code: 0, stdout, output: stdout + stderr };
    } catch (err) {
      const e = err as { code?: number; stdout?: string; stderr?: string };
      return { code: e.code ?? 1, stdout: e.stdout ?? '', output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
    }
  };
  const setupJob = (namespace: string) =>
    asOnHost('temporal-setup', { TEMPORAL_ADDRESS: postgresStack().address, TEMPORAL_NAMESPACE: namespace, TEMPORAL_CLI: resolveTemporalCli() });

  it('temporal-setup creates a namespace with every search attribute, usable at once', async () => {
    const namespace = uniqueId('ns');
    const { code, output } = await runJob(setupJob(namespace));
    expect({ code, output }).toMatchObject({ code: 0, output: expect.stringContaining(`namespace ${namespace} is ready with 5 search attributes`) });

    const cli = resolveTemporalCli();
    const listed = (await run(cli, ['operator', 'search-attribute', 'list', '--address', postgresStack().address, '--namespace', namespace])).stdout;
    for (const key of Object.values(SearchAttributes)) expect(listed).toMatch(new RegExp(`^\\s*${key.name}\\s+Keyword\\s*$`, 'm'));
    // Right after the job, a workflow carrying every attribute is accepted (no "no mapping defined").
    const attributes = Object.values(SearchAttributes).flatMap((key) => ['--search-attribute', `${key.name}="probe"`]);
    const workflowId = uniqueId('probe');
    await run(cli, [
      'workflow',
      'start',
      '--address',
      postgresStack().address,
      '--namespace',
      namespace,
      '--type',
      'probe',
      '--task-queue',
      'nobody',
      '--workflow-id',
      workflowId,
      ...attributes,
    ]);
    await run(cli, ['workflow', 'terminate', '--address', postgresStack().address, '--namespace', namespace, '--workflow-id', workflowId, '--reason', 'probe']);

    // Run again on the same namespace: nothing to create, still success.
    expect(await runJob(setupJob(namespace))).toMatchObject({ code: 0, output: expect.stringContaining(`namespace ${namespace} exists`) });
  }, 180_000);

  it('fails, saying why, when the set-up script is broken with a bad flag (the --yes that once hid every failure)', async () => {
    const broken = tempDir('switchboard-broken-deploy-');
    const script = readFileSync(join(ROOT, 'deploy', 'setup-namespace.sh'), 'utf8');
    const withBadFlag = script.replace('search-attribute create --name "$name" --type "$type"', 'search-attribute create --name "$name" --type "$type" --yes');
    expect(withBadFlag).not.toBe(script);
    writeFileSync(join(broken, 'setup-namespace.sh'), withBadFlag);
    copyFileSync(join(ROOT, 'deploy', 'search-attributes.txt'), join(broken, 'search-attributes.txt'));
    const job = setupJob(uniqueId('ns'));
    const { code, output } = await runJob({ ...job, args: [join(broken, 'setup-namespace.sh')] });
    expect(code).not.toBe(0);
    expect(output).toMatch(/setup: FAILED: creating search attribute TicketCategory \(Keyword\): .*unknown flag: --yes/);
  }, 180_000);

  it('temporal-schema migrates both databases again without harm, and names the step and the fix when the password is wrong', async () => {
    const { postgresPort, passwordFile } = postgresStack();
    const onHost = {
      SQL_HOST: '127.0.0.1',
      SQL_PORT: String(postgresPort),
      SQL_PASSWORD: readFileSync(passwordFile, 'utf8').trim(),
      TEMPORAL_SCHEMA_DIR: join(ROOT, '.temporal', 'schema'),
      TEMPORAL_SQL_TOOL: join(BIN, 'temporal-sql-tool'),
    };
    const ok = await runJob(asOnHost('temporal-schema', onHost));
    expect(ok).toMatchObject({ code: 0, output: expect.stringContaining('schema: temporal and temporal_visibility are up to date') });
    expect(ok.output).not.toContain(onHost.SQL_PASSWORD);

    const wrong = await runJob(asOnHost('temporal-schema', { ...onHost, SQL_PASSWORD: 'wrong-password' }));
    expect(wrong.code).not.toBe(0);
    expect(wrong.output).toMatch(/schema: FAILED: create-database temporal \(is PostgreSQL up at 127\.0\.0\.1:\d+, and the user and password right\?\)/);
  }, 120_000);

  it("temporal's config renders, with compose's environment, to PostgreSQL at postgresql:5432 and the deploy/ dynamic config", async () => {
    const server = compose.services.temporal!;
    const configFile = hostPath(server, server.entrypoint![server.entrypoint!.indexOf('--config-file') + 1]!)!;
    // render-config reads <config dir>/<env>.yaml: the same file --config-file names.
    const render = (env: Record<string, string>) =>
      runJob({
        command: join(BIN, 'temporal-server'),
        args: ['--config', dirname(configFile), '--env', basename(configFile, '.yaml'), 'render-config'],
        env: { PATH: process.env.PATH, ...env },
      });
    const rendered = await render(server.environment as Record<string, string>);
    expect(rendered.code).toBe(0);
    const config = parse(rendered.stdout) as {
      persistence: { datastores: Record<string, { sql: { connectAddr: string; databaseName: string; pluginName: string } }>; visibilityStore: string };
      services: Record<string, { rpc: { bindOnIP: string; grpcPort: number } }>;
      dynamicConfigClient: { filepath: string };
    };
    expect(Object.values(config.persistence.datastores).map((d) => [d.sql.pluginName, d.sql.connectAddr, d.sql.databaseName])).toEqual([
      ['postgres12', 'postgresql:5432', 'temporal'],
      ['postgres12', 'postgresql:5432', 'temporal_visibility'],
    ]);
    expect(config.services.frontend?.rpc).toMatchObject({ bindOnIP: '0.0.0.0', grpcPort: 7233 });
    expect(hostPath(server, config.dynamicConfigClient.filepath)).toBe(join(ROOT, 'deploy', 'dynamicconfig.yaml'));

    const { POSTGRES_PWD: _dropped, ...withoutPassword } = server.environment as Record<string, string>;
    expect(await render(withoutPassword)).toMatchObject({
      code: 1,
      output: expect.stringContaining('POSTGRES_PWD is not set: deploy/temporal-server.yaml needs it'),
    });
  });

  it('the dynamic config names only keys the server knows', async () => {
    const { stdout } = await run(join(BIN, 'temporal-server'), ['validate-dynamic-config', join(ROOT, 'deploy', 'dynamicconfig.yaml')]);
    expect(stdout.trim()).toBe(join(ROOT, 'deploy', 'dynamicconfig.yaml'));
  });

  it("temporal-ui's config gives ui-server compose's namespace and codec endpoint", async () => {
    const ui = compose.services['temporal-ui']!;
    const configFile = hostPath(ui, '/home/ui-server/config/docker.yaml')!;
    const port = await freePort();
    const server = startManagedProcess({
      name: 'temporal-ui-server',
      command: join(BIN, 'temporal-ui-server'),
      args: ['--root', dirname(configFile), '--config', '.', '--env', basename(configFile, '.yaml'), 'start'],
      env: {
        ...(ui.environment as Record<string, string>),
        TEMPORAL_ADDRESS: postgresStack().address,
        TEMPORAL_UI_HOST: '127.0.0.1',
        TEMPORAL_UI_PORT: String(port),
        TEMPORAL_CODEC_ENDPOINT: 'http://localhost:8888',
      },
      logFile: join(tempDir(), 'ui.log'),
      maxLifetimeSeconds: 60,
    });
    try {
      let settings: { DefaultNamespace?: string; Codec?: { Endpoint?: string } } | undefined;
      for (let i = 0; i < 100 && !settings; i += 1) {
        settings = await fetch(`http://127.0.0.1:${port}/api/v1/settings`).then(
          (r) => r.json() as Promise<typeof settings>,
          () => undefined,
        );
        if (!settings) await new Promise((r) => setTimeout(r, 100));
      }
      expect(settings).toMatchObject({ DefaultNamespace: 'default', Codec: { Endpoint: 'http://localhost:8888' } });
    } finally {
      await server.stop();
    }
  });
});
