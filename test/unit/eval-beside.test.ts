import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { besideRows, renderBesideMarkdown } from '../../tools/eval/beside';
import type { EvalReport } from '../../tools/eval/summarize';

// The committed offline report stands in for both runs: the shape is what matters.
const offline = JSON.parse(readFileSync(join(__dirname, '..', '..', 'reports', 'eval-offline.json'), 'utf8')) as EvalReport;
const other: EvalReport = {
  ...offline,
  meta: { ...offline.meta, provider: 'openai', models: ['smollm2-135m-instruct'] },
  workflow: { ...offline.workflow, accuracy: 0.25 },
};

describe('a model beside the offline run', () => {
  it('puts each headline figure of the two runs in two columns, headed by provider and model', () => {
    const rows = besideRows(other, offline);
    expect(rows[0]).toEqual(['measure', 'openai (smollm2-135m-instruct)', 'offline (offline-rules)']);
    expect(rows.find((r) => r[0] === 'A · category accuracy')).toEqual([
      'A · category accuracy',
      '25.0 %',
      `${(offline.workflow.accuracy * 100).toFixed(1)} %`,
    ]);
    expect(rows.every((r) => r.length === 3)).toBe(true);
  });

  it('names the file it compares with in Markdown', () => {
    expect(renderBesideMarkdown(other, offline, 'eval-offline.json')).toMatch(/^## Beside eval-offline\.json[\s\S]*\| A · macro-F1 \|/);
  });
});
