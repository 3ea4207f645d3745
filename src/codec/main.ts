import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadSettings, type Settings } from '../config';
import { codecFromSettings } from '.';
import { startCodecServer, type CodecServer } from './server';

/** The codec server as the settings describe it; ConfigError when there is nothing to decode with. */
export function startCodecServerFromSettings(settings: Settings, host = '127.0.0.1', port = settings.CODEC_SERVER_PORT): Promise<CodecServer> {
  const codec = codecFromSettings(settings);
  if (!codec) throw new ConfigError('PAYLOAD_ENCRYPTION_KEYS is not set: payloads are not encrypted, so there is nothing for a codec server to do');
  // By default only the UI the client links to may call it.
  const origins = settings.CODEC_CORS_ORIGINS ?? [new URL(settings.TEMPORAL_UI_URL).origin];
  return startCodecServer({ codec, origins, token: settings.CODEC_SERVER_TOKEN, host, port });
}

function portArg(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new InvalidArgumentError('must be a port number (0-65535)');
  return port;
}

async function main(): Promise<void> {
  const program = new Command('codec-server')
    .description(
      'Decrypts and encrypts payloads for the Temporal UI and CLI, with the keys in PAYLOAD_ENCRYPTION_KEYS.\n' +
        'Point the UI at it (dev server: --ui-codec-endpoint; npm start does this itself) to read encrypted runs.\n' +
        'CORS allows CODEC_CORS_ORIGINS (default: the origin of TEMPORAL_UI_URL); CODEC_SERVER_TOKEN, when set, is required as a bearer token.',
    )
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (default: CODEC_SERVER_PORT, 8888)', portArg)
    .parse();
  const opts = program.opts<{ host: string; port?: number }>();
  const settings = loadSettings();
  const server = await startCodecServerFromSettings(settings, opts.host, opts.port);
  console.log(`codec server on ${server.url} (POST /encode, /decode); Ctrl-C stops it`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop).once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(err instanceof ConfigError ? 2 : 1);
  });
}
