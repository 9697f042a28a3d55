import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { main } from './main';

interface Recorded {
  code: number;
  out: string[];
  err: string[];
}

async function run(argv: string[], env: Record<string, string | undefined> = {}): Promise<Recorded> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { env, output: { out: l => out.push(l), err: l => err.push(l) } });
  return { code, out, err };
}

/** A local server answering every request with a canned status and body, recording what it was asked. */
async function cannedServer(status: number, body: unknown) {
  const requests: IncomingMessage[] = [];
  const bodies: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req);
    let received = '';
    req.on('data', chunk => (received += chunk));
    req.on('end', () => {
      bodies.push(received);
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, bodies, close: () => new Promise(resolve => server.close(resolve)) };
}

const gate = (decision: string, reasons: string[]) => ({
  entityRef: 'component:default/checkout',
  decision,
  reasons,
  evaluatedAt: '2026-11-29T12:00:00.000Z',
  slos: [],
});

describe('pulse gate', () => {
  it('prints allow and its reasons, exits 0, and sends the token from PULSE_TOKEN', async () => {
    const server = await cannedServer(200, gate('allow', ['All 1 objective(s) are within their error budget policy']));
    try {
      const result = await run(['gate', 'component:default/checkout', '--url', `${server.url}/`], {
        PULSE_TOKEN: 'from-env',
      });
      expect(result).toEqual({
        code: 0,
        out: [
          'Release gate for component:default/checkout: ALLOW',
          '  - All 1 objective(s) are within their error budget policy',
        ],
        err: [],
      });
      expect(server.requests[0].url).toBe('/api/pulse/slo/entities/component/default/checkout/release-gate');
      expect(server.requests[0].method).toBe('POST');
      expect(server.bodies[0]).toBe('{}');
      expect(server.requests[0].headers.authorization).toBe('Bearer from-env');
    } finally {
      await server.close();
    }
  });

  it('asks for a policy exception with --reason and warns when the policy did not use it', async () => {
    const answer = {
      ...gate('block', ["Error-budget freeze: exception 'friday' is not one this policy allows (allowed: security)"]),
      exception: { requested: 'friday', used: false },
    };
    const server = await cannedServer(200, answer);
    try {
      const result = await run(['gate', 'checkout', '--url', server.url, '--reason', 'friday']);
      expect(server.bodies[0]).toBe('{"reason":"friday"}');
      expect(result).toEqual({
        code: 1,
        out: [
          'Release gate for component:default/checkout: BLOCK',
          "  - Error-budget freeze: exception 'friday' is not one this policy allows (allowed: security)",
        ],
        err: ["warning: exception 'friday' was not used"],
      });
    } finally {
      await server.close();
    }
  });

  it('exits 0 with a warning line on warn, and 1 with --strict; --token beats PULSE_TOKEN', async () => {
    const server = await cannedServer(200, gate('warn', ['checkout-availability / 99.9%: ticket alert firing']));
    try {
      const warn = await run(['gate', 'checkout', '--url', server.url, '--token', 'flag'], { PULSE_TOKEN: 'env' });
      expect(warn.code).toBe(0);
      expect(warn.out).toEqual([
        'Release gate for component:default/checkout: WARN',
        '  - checkout-availability / 99.9%: ticket alert firing',
      ]);
      expect(warn.err).toEqual(['warning: the release gate says warn']);
      expect(server.requests[0].headers.authorization).toBe('Bearer flag');

      const strict = await run(['gate', 'checkout', '--url', server.url, '--strict']);
      expect(strict.code).toBe(1);
      expect(strict.err).toEqual(['warning: the release gate says warn (--strict: failing)']);
    } finally {
      await server.close();
    }
  });

  it('exits 1 on block', async () => {
    const server = await cannedServer(200, gate('block', ['payments / 99.95%: error budget exhausted (-20.0% remaining)']));
    try {
      const result = await run(['gate', 'component:default/payments-api', '--url', server.url]);
      expect(result.code).toBe(1);
      expect(result.out).toEqual([
        'Release gate for component:default/checkout: BLOCK',
        '  - payments / 99.95%: error budget exhausted (-20.0% remaining)',
      ]);
      expect(server.requests[0].url).toBe('/api/pulse/slo/entities/component/default/payments-api/release-gate');
    } finally {
      await server.close();
    }
  });

  it('exits 2 with a clear message when the server answers an error', async () => {
    const server = await cannedServer(401, { error: { name: 'AuthenticationError', message: 'Illegal token' } });
    try {
      const result = await run(['gate', 'checkout', '--url', server.url, '--token', 'wrong']);
      expect(result).toEqual({ code: 2, out: [], err: ['error: Pulse answered 401 Unauthorized: Illegal token'] });
    } finally {
      await server.close();
    }
  });

  it('exits 2 when the answer is not a gate decision', async () => {
    const server = await cannedServer(200, { hello: 'world' });
    try {
      const result = await run(['gate', 'checkout', '--url', server.url]);
      expect(result.code).toBe(2);
      expect(result.err).toEqual([`error: Pulse at ${server.url} did not answer with a release-gate decision`]);
    } finally {
      await server.close();
    }
  });

  it('exits 2 when the server cannot be reached', async () => {
    const server = await cannedServer(200, {});
    const url = server.url;
    await server.close(); // the port is now closed
    const result = await run(['gate', 'checkout', '--url', url]);
    expect(result.code).toBe(2);
    expect(result.out).toEqual([]);
    expect(result.err).toEqual([`error: cannot reach Pulse at ${url} (ECONNREFUSED)`]);
  });

  it('exits 2 with the usage on bad arguments, and 0 for --help', async () => {
    for (const argv of [[], ['gate'], ['gate', 'checkout'], ['deploy', 'checkout', '--url', 'http://x'], ['gate', '--bogus']]) {
      const result = await run(argv);
      expect(result.code).toBe(2);
      expect(result.err[0]).toMatch(/^error: /);
      expect(result.err[1]).toMatch(/^Usage: pulse gate/);
    }
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out[0]).toMatch(/^Usage: pulse gate/);
  });
});
