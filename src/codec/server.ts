import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { z } from 'zod';

export interface CodecServerOptions {
  codec: PayloadCodec;
  /** Browser origins allowed to call (the Temporal UI's); requests without an Origin are not browsers. */
  origins: string[];
  /** When set, every request must carry `Authorization: Bearer <token>`. */
  token?: string;
  host?: string;
  port?: number;
}

export interface CodecServer {
  url: string;
  close(): Promise<void>;
}

// The JSON form of temporal.api.common.v1.Payloads that the UI and `temporal` CLI send: bytes as base64.
const JsonPayloads = z.object({
  payloads: z.array(z.object({ metadata: z.record(z.string(), z.string()).optional(), data: z.string().optional() })),
});
type JsonPayloads = z.infer<typeof JsonPayloads>;

const MAX_BODY_BYTES = 8 * 1024 * 1024;

const fromJson = ({ payloads }: JsonPayloads): Payload[] =>
  payloads.map((p) => ({
    metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
    data: Buffer.from(p.data ?? '', 'base64'),
  }));

const toJson = (payloads: Payload[]): JsonPayloads => ({
  payloads: payloads.map((p) => ({
    metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? []).toString('base64')])),
    data: Buffer.from(p.data ?? []).toString('base64'),
  })),
});

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function authorized(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The remote codec the Temporal UI and CLI call to show encrypted payloads in clear:
 * POST /encode and POST /decode, with CORS for the UI's origin and an optional bearer token.
 */
export async function startCodecServer(o: CodecServerOptions): Promise<CodecServer> {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const origin = req.headers.origin;
    if (origin !== undefined) {
      if (!o.origins.includes(origin)) throw new HttpError(403, `origin ${origin} is not allowed (CODEC_CORS_ORIGINS)`);
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type, Authorization, X-Namespace',
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/encode' && path !== '/decode') throw new HttpError(404, 'only POST /encode and POST /decode exist');
    if (req.method !== 'POST') throw new HttpError(405, `${path} takes POST`);
    if (o.token !== undefined && !authorized(req.headers.authorization, o.token)) {
      throw new HttpError(401, 'missing or wrong bearer token');
    }
    let body: JsonPayloads;
    try {
      body = JsonPayloads.parse(JSON.parse(await readBody(req)));
    } catch (err) {
      if (err instanceof HttpError) throw err;
      throw new HttpError(400, 'body must be JSON: {"payloads": [{"metadata": {…base64}, "data": "base64"}]}');
    }
    const payloads = fromJson(body);
    let result: Payload[];
    try {
      result = path === '/encode' ? await o.codec.encode(payloads) : await o.codec.decode(payloads);
    } catch (err) {
      throw new HttpError(400, (err as Error).message);
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(toJson(result)));
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      const message = err instanceof HttpError ? err.message : 'internal error';
      if (!res.headersSent) res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: message }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, o.host ?? '127.0.0.1', resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
