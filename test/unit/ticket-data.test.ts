import { existsSync } from 'node:fs';
import { HELDOUT_FILE, loadTickets, TRAIN_FILE } from '../../tools/eval/dataset';
import { findOverlaps } from '../../tools/eval/overlap';

describe('train and held-out tickets never overlap', () => {
  it('finds the same id, the same text and a near-same text (so the check below can fail)', () => {
    const train = [
      { id: 't001', text: 'I was charged twice for my March subscription. Please fix it.' },
      { id: 't002', text: 'The dashboard is slow.' },
      { id: 't003', text: 'Bitte um Rückerstattung der Rechnung vom Mai.' },
    ];
    const heldout = [
      { id: 't002', text: 'Completely different words here.' },
      { id: 'h001', text: 'BITTE um Ruckerstattung der Rechnung vom Mai!!' },
      { id: 'h002', text: 'I was charged twice for my April subscription. Please fix it.' },
      { id: 'h003', text: 'Where can I find the API documentation?' },
    ];
    expect(findOverlaps(train, heldout).map((o) => [o.a, o.b, o.why])).toEqual([
      ['t001', 'h002', 'near-same text'],
      ['t002', 't002', 'same id'],
      ['t003', 'h001', 'same text'],
    ]);
  });

  const run = existsSync(HELDOUT_FILE) ? it : it.skip;
  run('data/tickets/train.json and heldout.json share no id and no (near-)same text', () => {
    expect(findOverlaps(loadTickets(TRAIN_FILE), loadTickets(HELDOUT_FILE))).toEqual([]);
  });
});
