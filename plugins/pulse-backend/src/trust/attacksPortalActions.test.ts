import { createBackendModule, createServiceFactory } from '@backstage/backend-plugin-api';
import { DatabaseManager } from '@backstage/backend-defaults/database';
import { mockCredentials, mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { notificationService } from '@backstage/plugin-notifications-node';
import { pulseDoraWebhooksExtensionPoint } from '@pulse/plugin-pulse-node';
import request from 'supertest';
import { component, DAY, HOUR, sample, sloDocument, team } from '../service/decisions/__testUtils__/decisionsBackend';
import { startPulseTestBackend } from '../__testUtils__/startPulseTestBackend';
import { ownershipUserInfo, platformOnlyPermissions } from './__testUtils__/identities';
import { Knex, pulseRowCounts, TestServer } from './__testUtils__/trustBackend';

jest.setTimeout(180_000);

/**
 * The portal's new write paths tried as an attacker: forced policy states with an expiry, one-release exceptions and
 * the gate checks that use them, incident learnings and the review's Markdown and CSV exports.
 */
const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const CHECKOUT = 'component:default/checkout';
const SEARCH_API = 'component:default/search-api';
const DECISIONS = '/api/pulse/decisions/entities/component/default';
const GATE = (name: string) => `/api/pulse/slo/entities/component/default/${name}/release-gate`;

/** ledger is owned by carl himself (a User owner), not by a team. */
const ledger: Entity = {
  ...component('ledger', 'nobody'),
  spec: { type: 'service', lifecycle: 'production', owner: 'user:default/carl' },
  relations: [{ type: 'ownedBy', targetRef: 'user:default/carl' }],
};
const entities: Entity[] = [
  { ...component('checkout', 'payments'), metadata: { name: 'checkout', namespace: 'default', annotations: { 'pd.example/service': 'PCHK' } } },
  component('search-api', 'search'),
  ledger,
  team('payments'),
  team('search'),
];

const as = (header: string) => ({ Authorization: header });
const user = (name: string) => as(mockCredentials.user.header(`user:default/${name}`));
const serviceAs = (subject: string) => as(`Bearer mock-service-token:${JSON.stringify({ sub: subject })}`);
const bob = user('bob'); // payments: owns checkout
const ada = user('ada'); // search: another team, owns search-api
const carl = user('carl'); // owns ledger himself, nothing else
const zed = user('zed'); // in no team at all
const pia = user('pia'); // platform: holds pulse.policy.manage
const ci = serviceAs('external:ci'); // runs `pulse gate` and ingests
const ciSlos = serviceAs('external:ci-slos'); // listed under pulse.slo.writers
const catalogPlugin = serviceAs('plugin:catalog'); // listed nowhere
const nobody = {}; // no credentials

const inDays = (days: number, from = Date.now()) => new Date(from + days * DAY).toISOString();

/**
 * A second client with its own connection pool on the same PostgreSQL database, as a second replica has (opened
 * through Backstage's DatabaseManager, knex not being a dependency here); SQLite in memory is one client.
 */
async function secondPool(knex: Knex): Promise<Knex> {
  if (knex.client.config.client !== 'pg') return knex;
  const connection = knex.client.config.connection;
  const manager = DatabaseManager.fromConfig(
    new ConfigReader({
      backend: { database: { client: 'pg', connection, plugin: { pulse: { connection: { database: connection.database } } } } },
    }),
  );
  return (await manager
    .forPlugin('pulse', { logger: mockServices.logger.mock(), lifecycle: mockServices.lifecycle.mock() })
    .getClient()) as unknown as Knex;
}

/**
 * A webhook shaped like the PagerDuty module's (incident `pagerduty:<id>`, title as description, resolvedAt on
 * `incident.resolved`), served at /webhooks/pagerduty, so that a re-delivery goes through the inbox as PagerDuty's does.
 */
const pagerDutyLikeWebhook = createBackendModule({
  pluginId: 'pulse',
  moduleId: 'attack-pagerduty',
  register(env) {
    env.registerInit({
      deps: { webhooks: pulseDoraWebhooksExtensionPoint },
      async init({ webhooks }) {
        webhooks.addWebhook({
          name: 'pagerduty',
          verify: async ({ body }) => ({ id: JSON.parse(body.toString('utf8')).event.id, event: 'incident' }),
          map: ({ body }) => {
            const { event } = JSON.parse(body);
            return {
              entity: { annotation: 'pd.example/service', value: event.data.service },
              toBatch: entityRef => ({
                incidents: [
                  {
                    id: `pagerduty:${event.data.id}`,
                    entityRef,
                    createdAt: Date.parse(event.data.created_at),
                    resolvedAt: event.event_type === 'incident.resolved' ? Date.parse(event.occurred_at) : undefined,
                    description: event.data.title,
                  },
                ],
              }),
            };
          },
        });
      },
    });
  },
});

/** The rows of the decision tables, to prove that a request changed nothing (not only the counts). */
async function decisionRows(knex: Knex) {
  const rows = async (table: string, order: string) => knex(table).select('*').orderBy(order);
  return {
    counts: await pulseRowCounts(knex),
    policies: await rows('pulse_entity_policy', 'entity_ref'),
    exceptions: await rows('pulse_release_exception', 'id'),
    decisions: await rows('pulse_gate_decision', 'id'),
    incidents: await rows('pulse_incident', 'id'),
  };
}

describe.each(databases.eachSupportedId())('attacks on the portal actions on %p', databaseId => {
  let knex: Knex;

  async function start(options: { knex?: Knex; webhook?: boolean } = {}): Promise<TestServer> {
    const db = options.knex ?? (await databases.init(databaseId));
    if (!options.knex) knex = db;
    return startPulseTestBackend(db, {
      entities,
      config: { pulse: { slo: { writers: ['external:ci-slos'] } } },
      features: [
        // A request without a header is anonymous (the mock's default would be a signed-in user).
        mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() }),
        platformOnlyPermissions,
        ownershipUserInfo,
        createServiceFactory({ service: notificationService, deps: {}, factory: () => ({ send: async () => {} }) }),
        ...(options.webhook ? [pagerDutyLikeWebhook] : []),
      ],
    });
  }

  /**
   * Spends the budget of `name`: 98% good against 99% (-100% left) over a window with two days of data, so the gate
   * blocks (freeze, blocksReleases by default).
   */
  async function freeze(server: TestServer, name: string) {
    const ref = `component:default/${name}`;
    const now = Date.now();
    await request(server).put(`/api/pulse/slo/entities/component/default/${name}/slos/availability`).set(pia).send(sloDocument()).expect(201);
    await request(server)
      .post('/api/pulse/slo/samples')
      .set(ci)
      .send({ items: [sample(ref, now, 2 * DAY, 0, 0), sample(ref, now, 2 * HOUR, 9_800, 10_000)] })
      .expect(200);
    expect((await request(server).get(GATE(name)).set(pia).expect(200)).body).toMatchObject({ state: 'freeze', decision: 'block' });
  }

  const grant = async (server: TestServer, name = 'checkout', reason = 'Hotfix for INC-9', expiresAt = inDays(1)) =>
    (await request(server).post(`${DECISIONS}/${name}/exceptions`).set(name === 'checkout' ? bob : ada).send({ reason, expiresAt }).expect(201)).body;

  it('keeps strangers, other teams, other owners, services and anonymous callers from forcing normal, granting, revoking or writing learnings', async () => {
    const server = await start();
    await freeze(server, 'checkout');
    // bob forces a freeze on top of the spent budget and grants one release; checkout has an incident.
    await request(server)
      .put(`${DECISIONS}/checkout/policy`)
      .set(bob)
      .send({ state: 'freeze', reason: 'Audit week', expiresAt: inDays(7) })
      .expect(200);
    const granted = await grant(server);
    await request(server)
      .post('/api/pulse/dora/incidents')
      .set(ci)
      .send({ items: [{ id: 'inc-1', entityRef: CHECKOUT, createdAt: new Date(Date.now() - HOUR).toISOString() }] })
      .expect(200);
    const before = await decisionRows(knex);

    // Odd spellings of checkout's ref: case, percent-encoding, a Kelvin sign that lower-cases to k, a trailing space
    // (another entity nobody owns), encoded slashes that would smuggle a second ref into one path segment.
    const spellings = [
      'component/default/checkout',
      'Component/Default/Checkout',
      '%43OMPONENT/DEFAULT/%63heckout',
      'component/default/chec%E2%84%AAout',
      'component/default/checkout%20',
      'component%3Adefault%2Fcheckout/default/checkout',
      'component/default/search-api%2F..%2Fcheckout',
    ];
    const attackers = { zed, ada, carl, catalogPlugin, ciSlos, nobody };
    const normal = { state: 'normal', reason: 'trust me', expiresAt: inDays(1) };
    for (const [who, caller] of Object.entries(attackers)) {
      for (const spelling of spellings) {
        const base = `/api/pulse/decisions/entities/${spelling}`;
        const attempts = {
          'force normal': request(server).put(`${base}/policy`).set(caller).send(normal),
          'remove override': request(server).delete(`${base}/policy`).set(caller),
          grant: request(server).post(`${base}/exceptions`).set(caller).send({ reason: 'mine now', expiresAt: inDays(1) }),
          revoke: request(server).delete(`${base}/exceptions/${granted.id}`).set(caller),
        };
        for (const [attempt, res] of Object.entries(attempts)) {
          const { status } = await res;
          // 401 without credentials (the auth policy answers first); with any, a slash inside a part is a 400, else 403.
          let expected = 403;
          if (spelling.includes('%2F')) expected = 400;
          if (who === 'nobody') expected = 401;
          expect({ who, spelling, attempt, status }).toEqual({ who, spelling, attempt, status: expected });
        }
      }
      const learnings = await request(server).patch('/api/pulse/dora/incidents/inc-1').set(caller).send({ learnings: 'Not our fault' });
      expect({ who, learnings: learnings.status }).toEqual({ who, learnings: who === 'nobody' ? 401 : 403 });
    }
    expect(await decisionRows(knex)).toEqual(before);

    // The owner, through an odd spelling, reaches the one canonical override: the attempts above could have worked.
    await request(server).put('/api/pulse/decisions/entities/Component/Default/Checkout/policy').set(bob).send(normal).expect(200);
    const gate = await request(server).get(GATE('checkout')).set(zed).expect(200);
    expect(gate.body).toMatchObject({ state: 'normal', decision: 'allow' });
    expect(gate.body.reasons[0]).toMatch(/^Set to normal by user:default\/bob until .*: trust me$/);
  });

  it('lets no stranger use up the one-release exception the owners granted, by running a gate check of their own', async () => {
    const server = await start();
    await freeze(server, 'checkout');
    const granted = await grant(server);
    // A stranger, another team's member and an owner of another entity run checks on checkout: still blocked, and the
    // grant stays for the owners' release.
    for (const caller of [zed, ada, carl]) {
      const check = await request(server).post(GATE('checkout')).set(caller).send({}).expect(200);
      expect(check.body).toMatchObject({ decision: 'block', releaseException: null });
    }
    const listed = await request(server).get(`${DECISIONS}/checkout/exceptions`).set(zed).expect(200);
    expect(listed.body.items.map((g: any) => [g.id, g.status])).toEqual([[granted.id, 'active']]);
    // CI's check (a service, as `pulse gate` runs) uses it.
    const release = await request(server).post(GATE('checkout')).set(ci).send({}).expect(200);
    expect(release.body).toMatchObject({ decision: 'allow', releaseException: { id: granted.id, consumed: true } });
  });

  it('uses a grant for its own entity only, once, before it expires, and revokes it only under its own entity', async () => {
    const server = await start();
    await freeze(server, 'checkout');
    await freeze(server, 'search-api');
    const granted = await grant(server);

    // Granted for checkout, tried on search-api (frozen too): blocked, and checkout's grant is untouched.
    expect((await request(server).post(GATE('search-api')).set(ci).send({}).expect(200)).body).toMatchObject({
      decision: 'block',
      releaseException: null,
    });
    // ada owns search-api: checkout's grant id under search-api's path is unknown there (404), under checkout's 403.
    expect((await request(server).delete(`${DECISIONS}/search-api/exceptions/${granted.id}`).set(ada)).status).toBe(404);
    expect((await request(server).delete(`${DECISIONS}/checkout/exceptions/${granted.id}`).set(ada)).status).toBe(403);
    // A body naming another entity or pre-setting the use is refused, not obeyed.
    for (const extra of [{ entityRef: SEARCH_API }, { usedAt: null }, { id: 1 }, { grantedBy: 'user:default/pia' }]) {
      const res = await request(server).post(`${DECISIONS}/search-api/exceptions`).set(ada).send({ reason: 'x', expiresAt: inDays(1), ...extra });
      expect(res.status).toBe(400);
    }

    // Used once (sequentially): the second check is blocked again.
    const first = await request(server).post(GATE('checkout')).set(ci).send({}).expect(200);
    expect(first.body).toMatchObject({ decision: 'allow', releaseException: { id: granted.id, grantedBy: 'user:default/bob', consumed: true } });
    const second = await request(server).post(GATE('checkout')).set(ci).send({}).expect(200);
    expect(second.body).toMatchObject({ decision: 'block', releaseException: null });
    // Revoking a used grant: 409, and it stays on record as used by CI.
    expect((await request(server).delete(`${DECISIONS}/checkout/exceptions/${granted.id}`).set(bob)).status).toBe(409);
    const afterUse = await request(server).get(`${DECISIONS}/checkout/exceptions`).set(bob).expect(200);
    expect(afterUse.body.items).toEqual([expect.objectContaining({ id: granted.id, status: 'used', usedBy: 'service:external:ci' })]);

    // A grant for one hour, checked two hours later (the clock moved on): expired, not used, the check blocks.
    const shortLived = await grant(server, 'checkout', 'Short window', new Date(Date.now() + HOUR).toISOString());
    const realNow = Date.now.bind(Date);
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 2 * HOUR);
    try {
      const late = await request(server).post(GATE('checkout')).set(ci).send({}).expect(200);
      expect(late.body).toMatchObject({ decision: 'block', releaseException: null });
      const listed = await request(server).get(`${DECISIONS}/checkout/exceptions`).set(bob).expect(200);
      expect(listed.body.items.map((g: any) => [g.id, g.status, g.usedAt])).toEqual([
        [shortLived.id, 'expired', null],
        [granted.id, 'used', expect.any(String)],
      ]);
    } finally {
      clock.mockRestore();
    }
  });

  it('gives one grant to exactly one of many concurrent checks, from two connection pools', async () => {
    const server = await start();
    await freeze(server, 'checkout');
    const otherKnex = await secondPool(knex);
    try {
      const replica = await start({ knex: otherKnex });
      const granted = await grant(server);
      const servers = [server, replica, server, replica, server, replica, server, replica];
      const checks = await Promise.all(servers.map(s => request(s).post(GATE('checkout')).set(ci).send({})));
      // Eight checks, one grant: one allow, seven blocks; the grant is used once and one stored decision names it.
      expect(checks.map(c => c.status)).toEqual(servers.map(() => 200));
      expect(checks.map(c => c.body.decision).sort()).toEqual(['allow', 'block', 'block', 'block', 'block', 'block', 'block', 'block']);
      const stored = await knex('pulse_gate_decision').whereNotNull('release_exception_id').select('release_exception_id');
      expect(stored.map(r => Number(r.release_exception_id))).toEqual([granted.id]);
      expect(Number((await knex('pulse_gate_decision').count({ n: '*' }))[0].n)).toBe(8);
    } finally {
      if (otherKnex !== knex) await otherKnex.destroy();
    }
  });

  it('refuses overrides that never expire, expire too late or too early, hide an offset trick, or lack a reason', async () => {
    const server = await start();
    await freeze(server, 'checkout');
    const put = (body: object) => request(server).put(`${DECISIONS}/checkout/policy`).set(bob).send(body);
    const normal = (extra: object) => ({ state: 'normal', reason: 'SLI exporter miscounts', expiresAt: inDays(1), ...extra });
    const now = Date.now();
    /** `ms` written in local time at `offset` (e.g. -12:00): the same instant, other wall-clock digits. */
    const atOffset = (ms: number, offsetHours: number) => {
      const local = new Date(ms + offsetHours * HOUR).toISOString().slice(0, 19);
      const sign = offsetHours < 0 ? '-' : '+';
      return `${local}${sign}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`;
    };
    const refused: Array<[string, object, string]> = [
      ['91 days ahead', normal({ expiresAt: inDays(91) }), 'expiresAt'],
      ['an hour ago', normal({ expiresAt: new Date(now - HOUR).toISOString() }), 'expiresAt'],
      // 90 days and 6 hours ahead, written at -12:00: the digits read 89 days and 18 hours ahead.
      ['past 90 days at -12:00', normal({ expiresAt: atOffset(now + 90 * DAY + 6 * HOUR, -12) }), 'expiresAt'],
      // An hour ago, written at +14:00: the digits read 13 hours ahead.
      ['an hour ago at +14:00', normal({ expiresAt: atOffset(now - HOUR, 14) }), 'expiresAt'],
      ['an offset that does not exist', normal({ expiresAt: `${inDays(1).slice(0, 19)}+99:99` }), 'expiresAt'],
      ['no time zone', normal({ expiresAt: inDays(1).slice(0, 19) }), 'expiresAt'],
      ['a date only', normal({ expiresAt: inDays(1).slice(0, 10) }), 'expiresAt'],
      ['a word', normal({ expiresAt: 'tomorrow' }), 'expiresAt'],
      ['epoch milliseconds', normal({ expiresAt: now + DAY }), 'expiresAt'],
      ['null: never expires', normal({ expiresAt: null }), 'expiresAt'],
      ['no expiry with a state', { state: 'normal', reason: 'forever' }, 'expiresAt'],
      ['no reason with a state', { state: 'normal', expiresAt: inDays(1) }, 'reason'],
      ['an empty reason', normal({ reason: '' }), 'reason'],
      ['a blank reason', normal({ reason: ' \n\t ' }), 'reason'],
      ['a 5,000-character reason', normal({ reason: 'x'.repeat(5000) }), 'reason'],
      ['an unknown state', normal({ state: 'NORMAL' }), 'state'],
      ['a forged author', normal({ updatedBy: 'user:default/pia' }), ''],
      ['a forged active flag', normal({ active: true }), ''],
    ];
    const before = await decisionRows(knex);
    for (const [attempt, body, field] of refused) {
      const res = await put(body);
      const fields = [...new Set(res.body.errors?.map((e: any) => e.path))];
      expect({ attempt, status: res.status, fields }).toEqual({
        attempt,
        status: 400,
        fields: [field],
      });
    }
    expect(await decisionRows(knex)).toEqual(before);

    // Within the limits: 500 characters, 89 days ahead written at +05:30, stored and answered as the UTC instant.
    const at = now + 89 * DAY;
    const ok = await put(normal({ reason: 'y'.repeat(500), expiresAt: atOffset(at, 5).replace('+05:00', '+05:30') }));
    expect(ok.status).toBe(200);
    // The digits were at +05:00 but labelled +05:30: the instant is 30 minutes earlier than `at` (whole seconds).
    expect(ok.body.override).toMatchObject({ state: 'normal', expiresAt: new Date(Math.floor(at / 1000) * 1000 - 30 * 60_000).toISOString(), active: true });
    // A threshold-only override may still omit expiresAt (documented: only a forced state needs one); it replaces the
    // forced state as a whole.
    const thresholds = await put({ freeze: { blocksReleases: false } });
    expect(thresholds.body.override).toEqual(expect.not.objectContaining({ state: expect.anything() }));
    expect(thresholds.body.override.expiresAt).toBeUndefined();
  });

  it('never uses a grant or writes a row on any GET, whoever asks and whatever the reason asked', async () => {
    const server = await start();
    await freeze(server, 'checkout');
    const granted = await grant(server);
    await request(server)
      .put(`${DECISIONS}/checkout/policy`)
      .set(bob)
      .send({ state: 'freeze', reason: 'Audit week', expiresAt: inDays(7) })
      .expect(200);
    const before = await decisionRows(knex);
    const gets = [
      GATE('checkout'),
      `${GATE('checkout')}?reason=security`,
      `${GATE('checkout')}?reason=not-listed`,
      '/api/pulse/slo/entities/component/default/checkout',
      `${DECISIONS}/checkout/exceptions`,
      `${DECISIONS}/checkout/policy`,
      `${DECISIONS}/checkout/gate-decisions`,
    ];
    for (const caller of [bob, zed, ci, pia]) {
      for (const path of gets) {
        expect({ path, status: (await request(server).get(path).set(caller)).status }).toEqual({ path, status: 200 });
      }
    }
    // The preview says a check would use the grant, and does not.
    const preview = await request(server).get(GATE('checkout')).set(zed).expect(200);
    expect(preview.body.releaseException).toEqual({ id: granted.id, grantedBy: 'user:default/bob', reason: 'Hotfix for INC-9', expiresAt: granted.expiresAt, consumed: false });
    expect(await decisionRows(knex)).toEqual(before);
    // A check (POST) is what uses it: the GETs had something to use.
    const check = await request(server).post(GATE('checkout')).set(ci).send({}).expect(200);
    expect(check.body.releaseException).toMatchObject({ id: granted.id, consumed: true });
  });

  describe('learnings and the review exports', () => {
    const month = new Date().toISOString().slice(0, 7);
    const createdAt = (minutes: number) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1, 0, minutes)).toISOString();
    const patch = (server: TestServer, id: string) => request(server).patch(`/api/pulse/dora/incidents/${encodeURIComponent(id)}`).set(bob);

    it('refuses javascript:, data: and other non-http postmortem links, and exports an http link that cannot break out', async () => {
      const server = await start();
      await request(server).post('/api/pulse/dora/incidents').set(ci).send({ items: [{ id: 'inc-1', entityRef: CHECKOUT, createdAt: createdAt(0) }] }).expect(200);
      const scheme = ['java', 'script:'].join(''); // written in parts: eslint's no-script-url flags the literal
      for (const postmortemUrl of [`${scheme}alert(1)`, `${scheme.toUpperCase()}alert(1)`, ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', '//evil.example/pm', 'file:///etc/passwd']) {
        const res = await patch(server, 'inc-1').send({ postmortemUrl });
        expect({ postmortemUrl, status: res.status, field: res.body.errors?.[0]?.path }).toEqual({ postmortemUrl, status: 400, field: 'postmortemUrl' });
      }
      await patch(server, 'inc-1').send({ postmortemUrl: 'https://wiki.example.com/pm/(x) [y](javascript:alert(1))"<b>' }).expect(200);
      const md = await request(server).get(`/api/pulse/decisions/review.md?month=${month}`).set(zed).expect(200);
      // Space, parentheses, quote and angle brackets percent-encoded: the destination ends only at the closing ')'.
      expect(md.text).toContain('- Postmortem: done ([link](https://wiki.example.com/pm/%28x%29%20[y]%28javascript:alert%281%29%29%22%3Cb%3E))');
    });

    it('exports hostile learnings and titles as inert Markdown and formula-free CSV', async () => {
      const server = await start();
      const titles = ['=HYPERLINK("http://evil.example";"x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', 'Checkout | down'];
      await request(server)
        .post('/api/pulse/dora/incidents')
        .set(ci)
        .send({ items: titles.map((description, i) => ({ id: `inc-${i}`, entityRef: CHECKOUT, createdAt: createdAt(i), description })) })
        .expect(200);
      const learnings = [
        '=cmd|\' /C calc\'!A0',
        '+cmd',
        '-cmd',
        '@cmd',
        '\t=cmd',
        '\r=cmd',
        '[click](javascript:alert(1)) ![img](https://evil.example/x.png) <img src=x onerror=alert(1)>\n# Owned\nSetext\n===\n| a | b |\n|---|---|\n`code` ```fence``` www.evil.com me@evil.com &lt;b&gt;',
      ];
      for (const [i, text] of learnings.entries()) {
        const res = await patch(server, `inc-${i}`).send({ learnings: text });
        expect({ i, status: res.status }).toEqual({ i, status: 200 });
      }

      const csv = await request(server).get(`/api/pulse/decisions/review.csv?month=${month}`).set(zed).expect(200);
      const rows = csv.text.split('\n');
      const cells = (line: string) => line.split(',');
      // Every title and learning that starts with =, +, -, @, tab or CR gets a leading apostrophe (learnings are
      // trimmed on the way in, so '\t=cmd' is stored as '=cmd'); a cell with a quote, comma or line break is quoted.
      expect(cells(rows[1])[2]).toBe('"\'=HYPERLINK(""http://evil.example"";""x"")"');
      expect(rows[1].endsWith(",'=cmd|' /C calc'!A0,user:default/bob")).toBe(true);
      expect(cells(rows[2]).slice(2, 3).concat(cells(rows[2]).slice(-2))).toEqual(["'+1+1", "'+cmd", 'user:default/bob']);
      expect(cells(rows[3]).slice(2, 3).concat(cells(rows[3]).slice(-2))).toEqual(["'-2+3", "'-cmd", 'user:default/bob']);
      expect(cells(rows[4]).slice(2, 3).concat(cells(rows[4]).slice(-2))).toEqual(["'@SUM(A1)", "'@cmd", 'user:default/bob']);
      expect(cells(rows[5]).slice(2, 3).concat(cells(rows[5]).slice(-2))).toEqual(["'\tcmd", "'=cmd", 'user:default/bob']);
      // A CR title is quoted (a line break), after its apostrophe: the row goes on after it.
      expect(rows[6]).toContain(`,"'\rcmd",`);
      expect(rows[6].endsWith(",'=cmd,user:default/bob")).toBe(true);
      // No cell of the CSV, split as a spreadsheet reads it (RFC 4180), starts a formula.
      const parsed = parseCsv(csv.text);
      expect(parsed.flat().filter(cell => /^[=+\-@\t\r]/.test(cell))).toEqual([]);

      const md = await request(server).get(`/api/pulse/decisions/review.md?month=${month}`).set(zed).expect(200);
      expect(md.text).toContain('## inc\\-0\\: \\=HYPERLINK\\("http\\://evil\\.example";"x"\\)');
      expect(md.text).toContain('## inc\\-6\\: Checkout \\| down');
      // The hostile learning, line by line in the block quote: every active character escaped.
      expect(md.text).toContain(
        [
          '> \\[click\\]\\(javascript\\:alert\\(1\\)\\) \\!\\[img\\]\\(https\\://evil\\.example/x\\.png\\) \\<img src\\=x onerror\\=alert\\(1\\)\\>\\',
          '> \\# Owned\\',
          '> Setext\\',
          '> \\=\\=\\=\\',
          '> \\| a \\| b \\|\\',
          '> \\|\\-\\-\\-\\|\\-\\-\\-\\|\\',
          '> \\`code\\` \\`\\`\\`fence\\`\\`\\` www\\.evil\\.com me\\@evil\\.com \\&lt;b\\&gt;',
        ].join('\n'),
      );
      // Outside the fixed template, no Markdown-active character is left unescaped in any user text.
      const userLines = md.text.split('\n').filter(line => line.startsWith('> ') || line.startsWith('## '));
      for (const line of userLines) {
        expect({ line, active: line.replace(/^(> |## )/, '').replace(/\\\\|\\[^\n]/g, '').match(/[`*_{}[\]()#+\-.!|<>~&:@=]/g) }).toEqual({ line, active: null });
      }
    });

    it('keeps learnings and the postmortem link when the incident is ingested again by the API or the webhook', async () => {
      const server = await start({ webhook: true });
      const delivery = (id: string, eventType: string, title: string) => ({
        event: { id, event_type: eventType, occurred_at: createdAt(30), data: { id: 'P1', service: 'PCHK', created_at: createdAt(0), title } },
      });
      const deliver = (body: object) => request(server).post('/api/pulse/webhooks/pagerduty').set('Content-Type', 'application/json').send(JSON.stringify(body));
      expect((await deliver(delivery('e1', 'incident.triggered', 'Checkout down'))).body.status).toBe('processed');
      await request(server).post('/api/pulse/dora/incidents').set(ci).send({ items: [{ id: 'inc-1', entityRef: CHECKOUT, createdAt: createdAt(5) }] }).expect(200);
      for (const id of ['pagerduty:P1', 'inc-1']) {
        await patch(server, id).send({ postmortemUrl: 'https://wiki.example.com/pm/1', learnings: 'Retries hid the cause' }).expect(200);
      }

      // The API: a re-delivery, then one that tries to clear the follow-ups with keys of its own (not incident fields:
      // dropped, as every unknown key of an ingested item).
      await request(server).post('/api/pulse/dora/incidents').set(ci).send({ items: [{ id: 'inc-1', entityRef: CHECKOUT, createdAt: createdAt(5), description: 'again' }] }).expect(200);
      const clearing = await request(server)
        .post('/api/pulse/dora/incidents')
        .set(ci)
        .send({ items: [{ id: 'inc-1', entityRef: CHECKOUT, createdAt: createdAt(5), postmortemUrl: null, learnings: null }] });
      expect(clearing.status).toBe(200);
      // The webhook: the same event again (a duplicate), then the resolution of the incident.
      expect((await deliver(delivery('e1', 'incident.triggered', 'Checkout down'))).body.duplicate).toBe(true);
      expect((await deliver(delivery('e2', 'incident.resolved', 'Checkout down, resolved'))).body.status).toBe('processed');

      const review = await request(server).get(`/api/pulse/decisions/review?month=${month}`).set(bob).expect(200);
      // pagerduty:P1 from 00:00 to 00:30 (30 minutes: the resolution was applied), inc-1 still open; both keep theirs.
      expect(review.body.incidents.map((i: any) => [i.id, i.description, i.durationMinutes === 30, i.postmortemUrl, i.learnings?.text])).toEqual([
        ['pagerduty:P1', 'Checkout down, resolved', true, 'https://wiki.example.com/pm/1', 'Retries hid the cause'],
        ['inc-1', 'again', false, 'https://wiki.example.com/pm/1', 'Retries hid the cause'],
      ]);
    });
  });
});

/** CSV as a spreadsheet reads it (RFC 4180: quoted cells may hold commas, quotes doubled, line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
    } else cell += c;
  }
  return rows;
}
