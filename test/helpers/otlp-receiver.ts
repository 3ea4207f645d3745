import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
// OTLP's protobuf types as the OpenTelemetry project generates them (the exporter encodes with the same).
import otlpRoot from '@opentelemetry/otlp-transformer/build/src/generated/root';

/** A span as received, flattened: ids in hex, attributes as plain values, its service beside it. */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  service: string;
  attributes: Record<string, string | number | boolean>;
  status: { code: number; message?: string };
}

export interface OtlpReceiver {
  /** What OTEL_EXPORTER_OTLP_ENDPOINT should be. */
  readonly endpoint: string;
  readonly spans: readonly ReceivedSpan[];
  /** Every request body as it came over the wire, to search for what must never be there. */
  readonly rawBodies: readonly Buffer[];
  close(): Promise<void>;
}

/** The two generated message classes the receiver needs (the module's typings declare a bare Root). */
interface Message {
  decode(bytes: Uint8Array): unknown;
  toObject(message: unknown, options: Record<string, unknown>): unknown;
  encode(message: unknown): { finish(): Uint8Array };
}
const collector = (otlpRoot as unknown as { opentelemetry: { proto: { collector: { trace: { v1: Record<string, Message> } } } } }).opentelemetry.proto.collector
  .trace.v1;
const ExportTraceServiceRequest = collector.ExportTraceServiceRequest!;
const ExportTraceServiceResponse = collector.ExportTraceServiceResponse!;

interface AnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: number;
  doubleValue?: number;
}
interface WireSpan {
  traceId: Uint8Array;
  spanId: Uint8Array;
  parentSpanId?: Uint8Array;
  name: string;
  attributes?: Array<{ key: string; value?: AnyValue }>;
  status?: { code?: number; message?: string };
}
interface WireRequest {
  resourceSpans?: Array<{ resource?: { attributes?: Array<{ key: string; value?: AnyValue }> }; scopeSpans?: Array<{ spans?: WireSpan[] }> }>;
}

const hex = (bytes?: Uint8Array) => (bytes && bytes.length ? Buffer.from(bytes).toString('hex') : undefined);
const plain = (v?: AnyValue) => v?.stringValue ?? v?.intValue ?? v?.doubleValue ?? v?.boolValue ?? '';
const attributeMap = (list: Array<{ key: string; value?: AnyValue }> = []) => Object.fromEntries(list.map((a) => [a.key, plain(a.value)]));

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A real OTLP/HTTP trace receiver on loopback, speaking protobuf as the exporter does by default:
 * it decodes what it receives and keeps the spans and the raw bytes.
 */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  const rawBodies: Buffer[] = [];
  const server = createServer((req, res) => {
    body(req)
      .then((raw) => {
        if (req.method !== 'POST' || req.url !== '/v1/traces' || req.headers['content-type'] !== 'application/x-protobuf') {
          res.writeHead(415).end();
          return;
        }
        rawBodies.push(raw);
        const message = ExportTraceServiceRequest.toObject(ExportTraceServiceRequest.decode(raw), { longs: Number, defaults: false }) as WireRequest;
        for (const rs of message.resourceSpans ?? []) {
          const service = String(attributeMap(rs.resource?.attributes)['service.name'] ?? '');
          for (const ss of rs.scopeSpans ?? []) {
            for (const s of ss.spans ?? []) {
              spans.push({
                traceId: hex(s.traceId)!,
                spanId: hex(s.spanId)!,
                ...(hex(s.parentSpanId) && { parentSpanId: hex(s.parentSpanId) }),
                name: s.name,
                service,
                attributes: attributeMap(s.attributes),
                status: { code: s.status?.code ?? 0, ...(s.status?.message && { message: s.status.message }) },
              });
            }
          }
        }
        res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end(ExportTraceServiceResponse.encode({}).finish());
      })
      .catch(() => res.writeHead(400).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    spans,
    rawBodies,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
