import { Client, Connection, type ClientOptions } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { loadClientConnectConfig } from '@temporalio/envconfig';
import { NativeConnection } from '@temporalio/worker';

export const DEFAULT_ADDRESS = 'localhost:7233';
export const DEFAULT_NAMESPACE = 'default';

/** Where Temporal is, from TEMPORAL_* variables or temporal.toml (the same code serves dev, compose and Cloud). */
export function temporalTarget() {
  const { connectionOptions, namespace } = loadClientConnectConfig();
  return {
    connectionOptions: { ...connectionOptions, address: connectionOptions.address ?? DEFAULT_ADDRESS },
    namespace: namespace ?? DEFAULT_NAMESPACE,
  };
}

export class TemporalUnreachableError extends Error {
  override name = 'TemporalUnreachableError';
}

function unreachable(address: string, err: unknown): TemporalUnreachableError {
  const why = err instanceof Error ? err.message : String(err);
  return new TemporalUnreachableError(`Temporal at ${address} does not answer (${why}): run \`npm start\` or set TEMPORAL_ADDRESS`);
}

/**
 * A client connection; fails with a message that names the address and the way out.
 * The data converter must match the worker's (see dataConverterFromSettings).
 */
export async function connectClient(
  dataConverter?: DataConverter,
  interceptors?: ClientOptions['interceptors'],
): Promise<{ client: Client; connection: Connection; address: string }> {
  const { connectionOptions, namespace } = temporalTarget();
  try {
    const connection = await Connection.connect({ ...connectionOptions, connectTimeout: '5s' });
    return { client: new Client({ connection, namespace, dataConverter, interceptors }), connection, address: connectionOptions.address };
  } catch (err) {
    throw unreachable(connectionOptions.address, err);
  }
}

/** A worker connection to the same target. */
export async function connectWorker(): Promise<{ connection: NativeConnection; namespace: string; address: string }> {
  const { connectionOptions, namespace } = temporalTarget();
  try {
    const connection = await NativeConnection.connect(connectionOptions);
    return { connection, namespace, address: connectionOptions.address };
  } catch (err) {
    throw unreachable(connectionOptions.address, err);
  }
}
