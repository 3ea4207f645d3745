import { ConfigError, loadSettings } from '../../src/config';

describe('settings', () => {
  it('defaults to the offline model with no key, OpenAI with one', () => {
    expect(loadSettings({}).MODEL_PROVIDER).toBe('offline');
    expect(loadSettings({ OPENAI_API_KEY: 'sk-x' }).MODEL_PROVIDER).toBe('openai');
    expect(loadSettings({ OPENAI_API_KEY: 'sk-x', MODEL_PROVIDER: 'offline' }).MODEL_PROVIDER).toBe('offline');
    expect(loadSettings({}).OPENAI_MODEL).toBe('gpt-5.4-mini');
  });

  it('talks the Responses API by default, Chat Completions in either structured-output form when asked', () => {
    expect(loadSettings({})).toMatchObject({ OPENAI_API: 'responses', OPENAI_STRUCTURED_OUTPUT: 'json_schema' });
    expect(loadSettings({ OPENAI_API: 'chat', OPENAI_STRUCTURED_OUTPUT: 'json_object_schema' })).toMatchObject({
      OPENAI_API: 'chat',
      OPENAI_STRUCTURED_OUTPUT: 'json_object_schema',
    });
  });

  it('sets no answer token limit unless OPENAI_MAX_OUTPUT_TOKENS is given', () => {
    expect(loadSettings({}).OPENAI_MAX_OUTPUT_TOKENS).toBeUndefined();
    expect(loadSettings({ OPENAI_MAX_OUTPUT_TOKENS: '512' }).OPENAI_MAX_OUTPUT_TOKENS).toBe(512);
  });

  it('treats an empty variable as unset', () => {
    expect(loadSettings({ OPENAI_API_KEY: '' }).MODEL_PROVIDER).toBe('offline');
  });

  it.each([
    [{ MODEL_PROVIDER: 'anthropic' }, 'MODEL_PROVIDER'],
    [{ MODEL_PROVIDER: 'openai' }, 'OPENAI_API_KEY'],
    [{ REVIEW_CONFIDENCE_THRESHOLD: '1.5' }, 'REVIEW_CONFIDENCE_THRESHOLD must be at most 1'],
    [{ OPENAI_TIMEOUT_MS: 'soon' }, 'OPENAI_TIMEOUT_MS'],
    [{ OPENAI_BASE_URL: 'not a url' }, 'OPENAI_BASE_URL'],
    [{ OPENAI_API: 'completions' }, 'OPENAI_API must be "responses" or "chat"'],
    [{ OPENAI_API: 'chat', OPENAI_STRUCTURED_OUTPUT: 'grammar' }, 'OPENAI_STRUCTURED_OUTPUT must be'],
    [{ OPENAI_STRUCTURED_OUTPUT: 'json_object_schema' }, 'set OPENAI_API=chat too'],
    [{ OPENAI_MAX_OUTPUT_TOKENS: 'lots' }, 'OPENAI_MAX_OUTPUT_TOKENS must be a number'],
    [{ OPENAI_MAX_OUTPUT_TOKENS: '100.5' }, 'OPENAI_MAX_OUTPUT_TOKENS must be a whole number'],
    [{ OPENAI_MAX_OUTPUT_TOKENS: '8' }, 'OPENAI_MAX_OUTPUT_TOKENS must be at least 16'],
  ])('rejects %p naming the variable', (env, named) => {
    expect(() => loadSettings(env)).toThrow(ConfigError);
    expect(() => loadSettings(env)).toThrow(named);
  });

  it('never puts the key in its error message', () => {
    expect(() => loadSettings({ OPENAI_API_KEY: 'sk-secret-123', OPENAI_TIMEOUT_MS: 'x' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('sk-secret-123') }),
    );
  });
});
