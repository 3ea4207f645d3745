import { Classification } from '../../src/domain/ticket.schema';
import { classifyOffline } from '../../src/model/tasks/classify-ticket';

describe('offline classification rules', () => {
  it.each([
    ['I was charged twice for my subscription this month, duplicate invoice', 'billing'],
    ['Our integration stopped working after the deployment, API returns error 500', 'technical_issue'],
    ['I want a refund for my order please', 'refund_request'],
    ['I cannot log in, the password reset link never arrives', 'account_access'],
    ['Do you have an office in Lisbon?', 'other'],
  ])('%s → %s', (text, category) => {
    const result = classifyOffline({ text });
    expect(Classification.parse(result)).toEqual(result);
    expect(result.category).toBe(category);
  });

  it('reads urgency into priority', () => {
    expect(classifyOffline({ text: 'URGENT: production is down, error on every page' }).priority).toBe('high');
    expect(classifyOffline({ text: 'Just a question about my invoice, no rush' }).priority).toBe('low');
  });

  it('is unsure when it finds no cue', () => {
    expect(classifyOffline({ text: 'hello' }).confidence).toBeLessThan(0.6);
  });
});
