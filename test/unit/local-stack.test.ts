import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { localStackAt } from '../../src/local-stack';
import { whereTheRunsAre } from '../../tools/demo/where-runs-are';
import { tempDir } from '../helpers/files';

// npm start and npm run start:postgres advertise their server while they run; clients follow it.
const advertise = (stack: object) => {
  const file = join(tempDir(), 'local-stack.json');
  writeFileSync(file, JSON.stringify(stack));
  return file;
};
const POSTGRES = { address: '127.0.0.1:7233', uiUrl: 'http://localhost:8080', storage: 'PostgreSQL in .data/postgres', pid: process.pid };

describe('the local stack a launcher advertises', () => {
  it('is found for the address it serves, written as localhost or 127.0.0.1', () => {
    const file = advertise(POSTGRES);
    expect(localStackAt('localhost:7233', file)).toEqual(POSTGRES);
    expect(localStackAt('127.0.0.1:7233', file)?.uiUrl).toBe('http://localhost:8080');
  });

  it('is ignored for another server, once its launcher has gone, or when the file is not JSON', () => {
    expect(localStackAt('temporal.example.com:7233', advertise(POSTGRES))).toBeUndefined();
    expect(localStackAt('localhost:7234', advertise(POSTGRES))).toBeUndefined();
    const gone = spawnSync('true').pid!; // a process that has exited
    expect(localStackAt('localhost:7233', advertise({ ...POSTGRES, pid: gone }))).toBeUndefined();
    const garbled = join(tempDir(), 'local-stack.json');
    writeFileSync(garbled, '{not json');
    expect(localStackAt('localhost:7233', garbled)).toBeUndefined();
  });
});

describe('where npm run demo says the runs are', () => {
  it('in .data/temporal.sqlite only when it started that dev server itself', () => {
    expect(whereTheRunsAre('localhost:7233', 'default', 'http://localhost:8233', undefined)).toBe(
      'The runs are saved in .data/temporal.sqlite. Browse them: npm start, then http://localhost:8233',
    );
  });

  it("on an existing server: where its launcher keeps them and the UI that serves it, else that server's own store", () => {
    expect(whereTheRunsAre('localhost:7233', 'default', undefined, POSTGRES)).toBe(
      'The runs are on the server at localhost:7233, kept in PostgreSQL in .data/postgres. Browse them: http://localhost:8080',
    );
    const elsewhere = whereTheRunsAre('temporal.example.com:7233', 'prod', undefined, undefined);
    expect(elsewhere).toMatch(/^The runs are on the Temporal server at temporal\.example\.com:7233 \(namespace prod\), kept where that server keeps them/);
    expect(elsewhere).not.toContain('sqlite');
  });
});
