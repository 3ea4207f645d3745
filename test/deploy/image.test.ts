import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// No Docker engine here: what the production image holds is checked from what its build compiles
// and copies. The image must ship the product (src/) and nothing of the tooling.
const ROOT = join(__dirname, '..', '..');

describe('the production image', () => {
  it('compiles only src/ (no eval, bench, chaos, fake model or dev servers), whatever src imports', () => {
    const files = execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--listFilesOnly'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f.trim() && !f.includes('/node_modules/'))
      .map((f) => relative(ROOT, f.trim()));
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((f) => !f.startsWith('src/'))).toEqual([]);
  }, 120_000);

  it('copies the compiled product, the built-in scenarios and the bundle script, not tools/', () => {
    const copied = [...readFileSync(join(ROOT, 'Dockerfile'), 'utf8').matchAll(/^COPY (?:--from=\S+ )?(\S+)/gm)].map((m) => m[1]);
    expect(copied).toEqual(expect.arrayContaining(['src', 'scripts', '/app/lib', 'scenarios']));
    expect(copied.filter((c) => /tools|data|test|reports/.test(c!))).toEqual([]);
  });
});
