import { ApiRefusalError } from './ApiRefusalError';
import { SurveyClient } from './SurveyApi';

/** A client whose fetch records each call and answers with the given status and JSON body. */
function client(status = 200, body: unknown = { items: [] }) {
  const fetch = jest.fn(async (_url: string, _init?: RequestInit) => ({
    ok: status < 400,
    status,
    statusText: 'status',
    headers: new Headers({ 'content-type': 'application/json' }),
    json: async () => body,
    text: async () => JSON.stringify(body),
  }));
  const api = new SurveyClient({
    discoveryApi: { getBaseUrl: async () => 'http://pulse' },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { api, fetch };
}

const call = (fetch: jest.Mock) => {
  const [url, init] = fetch.mock.calls[0];
  return { url, method: init?.method, body: init?.body === undefined ? undefined : JSON.parse(init.body) };
};

describe('SurveyClient management calls', () => {
  it('creates, closes and deletes rounds at their endpoints', async () => {
    const input = {
      title: 'Q1',
      target: { type: 'components' as const },
      opensAt: '2026-12-01T09:00:00.000Z',
      closesAt: '2026-12-15T17:00:00.000Z',
    };
    const create = client(201, { id: 4 });
    expect(await create.api.createRound(input)).toEqual({ id: 4 });
    expect(call(create.fetch)).toEqual({ url: 'http://pulse/surveys/rounds', method: 'POST', body: input });

    const close = client(200, { id: 4, status: 'closed' });
    await close.api.closeRound(4);
    expect(call(close.fetch)).toEqual({ url: 'http://pulse/surveys/rounds/4/close', method: 'POST', body: undefined });

    const remove = client(204);
    expect(await remove.api.deleteRound(4)).toBeUndefined();
    expect(call(remove.fetch)).toEqual({ url: 'http://pulse/surveys/rounds/4', method: 'DELETE', body: undefined });
  });

  it('lists and adds templates', async () => {
    const list = client(200, { items: [{ id: 'developer-experience-5min' }] });
    expect(await list.api.getTemplates()).toEqual([{ id: 'developer-experience-5min' }]);
    expect(call(list.fetch)).toEqual({ url: 'http://pulse/surveys/templates', method: 'GET', body: undefined });

    const template = { id: 'tooling-pulse', title: 'Tooling pulse', questions: [] };
    const add = client(201, { ...template, version: 1 });
    await add.api.createTemplate(template);
    expect(call(add.fetch)).toEqual({ url: 'http://pulse/surveys/templates', method: 'POST', body: template });
  });

  it('rejects with the server\'s message and the fields its 400 names', async () => {
    // Pulse's 400 body, as validationErrorHandler sends it: no `response` key, so not Backstage's standard shape.
    const body = {
      error: { name: 'InputError', message: 'Invalid round: closesAt: must be after opensAt' },
      errors: [{ path: 'closesAt', message: 'must be after opensAt' }],
    };
    const { api } = client(400, body);
    const refusal = await api
      .createRound({ title: 'x', target: { type: 'components' }, opensAt: 'a', closesAt: 'b' })
      .catch(e => e);
    expect(refusal).toBeInstanceOf(ApiRefusalError);
    expect(refusal).toMatchObject({
      message: 'Invalid round: closesAt: must be after opensAt',
      statusCode: 400,
      body: { errors: [{ path: 'closesAt', message: 'must be after opensAt' }] },
    });
  });

  it('rejects a 409 with the server\'s message, and a body that is not JSON with the status', async () => {
    const conflict = client(409, { error: { name: 'ConflictError', message: 'Survey round 4 is closed already' } });
    await expect(conflict.api.closeRound(4)).rejects.toThrow('Survey round 4 is closed already');
    const { api, fetch } = client(502);
    fetch.mockResolvedValueOnce({
      ok: false,
      status: 502,
      statusText: 'Bad Gateway',
      headers: new Headers({ 'content-type': 'text/html' }),
      json: async () => {
        throw new Error('not JSON');
      },
      text: async () => '<html>bad gateway</html>',
    });
    await expect(api.deleteRound(4)).rejects.toThrow('Request failed with 502 Bad Gateway');
  });
});
