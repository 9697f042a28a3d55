import { mockCredentials, mockServices, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startPulseTestBackend } from '../../__testUtils__/startPulseTestBackend';
import { ownershipUserInfo, platformOnlyPermissions } from '../../trust/__testUtils__/identities';
import { component, service, team } from './__testUtils__/decisionsBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const CHECKOUT = 'component:default/checkout';
const SEARCH_API = 'component:default/search-api';
const entities = [component('checkout', 'payments'), component('search-api', 'search'), team('payments'), team('search')];

const as = (user: string) => ({ Authorization: mockCredentials.user.header(user) });
const bob = as('user:default/bob'); // payments: owns checkout
const ada = as('user:default/ada'); // search: owns search-api, a stranger to checkout
const pia = as('user:default/pia'); // platform: holds pulse.policy.manage

/** Two November incidents: checkout's (10:00 to 12:00, 120 minutes) and search-api's (open-ended, no resolvedAt). */
const incidents = [
  { id: 'inc-1', entityRef: CHECKOUT, createdAt: '2026-11-20T10:00:00Z', resolvedAt: '2026-11-20T12:00:00Z', description: 'Checkout 500s' },
  { id: 'inc-2', entityRef: SEARCH_API, createdAt: '2026-11-21T10:00:00Z', resolvedAt: '2026-11-21T10:15:00Z' },
];

describe.each(databases.eachSupportedId())('incident learnings and the review export on %p', databaseId => {
  async function start() {
    const knex = await databases.init(databaseId);
    const auditor = mockServices.auditor.mock();
    const events: Array<{ eventId: string; outcome: string }> = [];
    auditor.createEvent.mockImplementation(async ({ eventId }) => ({
      success: async () => void events.push({ eventId, outcome: 'succeeded' }),
      fail: async () => void events.push({ eventId, outcome: 'failed' }),
    }));
    const server = await startPulseTestBackend(knex, {
      entities,
      features: [platformOnlyPermissions, ownershipUserInfo, auditor.factory],
    });
    await request(server).post('/api/pulse/dora/incidents').set(service).send({ items: incidents }).expect(200);
    return { server, events };
  }

  const patch = (server: any, id: string) => request(server).patch(`/api/pulse/dora/incidents/${id}`);

  it('stores learnings with their author and time for owners and policy managers only', async () => {
    const { server, events } = await start();
    const before = Date.now();

    // A stranger and an unlisted service: 403, and nothing is stored.
    const stranger = await patch(server, 'inc-1').set(ada).send({ learnings: 'We should retry less' });
    expect(stranger.status).toBe(403);
    expect((await patch(server, 'inc-1').set(service).send({ learnings: 'We should retry less' })).status).toBe(403);

    // The owner: the text is trimmed, and stored with who wrote it and when.
    const written = await patch(server, 'inc-1').set(bob).send({ learnings: '  Retry storms hid the root cause.\n' });
    expect(written.status).toBe(200);
    expect(written.body).toMatchObject({
      id: 'inc-1',
      entityRef: CHECKOUT,
      postmortemUrl: null,
      postmortemStatus: 'not-required',
      learnings: { text: 'Retry storms hid the root cause.', updatedBy: 'user:default/bob' },
    });
    const writtenAt = Date.parse(written.body.learnings.updatedAt);
    expect(writtenAt).toBeGreaterThanOrEqual(before);
    expect(writtenAt).toBeLessThanOrEqual(Date.now());

    // A policy manager may too; the link and the learnings go together, and the learnings name the last writer.
    const both = await patch(server, 'inc-1')
      .set(pia)
      .send({ postmortemUrl: 'https://wiki.example.com/pm/inc-1', learnings: 'Alert on retries' });
    expect(both.body).toMatchObject({
      postmortemUrl: 'https://wiki.example.com/pm/inc-1',
      postmortemStatus: 'done',
      learnings: { text: 'Alert on retries', updatedBy: 'user:default/pia' },
    });

    // Only the postmortem: the learnings stay. Then null clears the learnings and leaves the link.
    const linkOnly = await patch(server, 'inc-1').set(bob).send({ postmortemUrl: 'https://wiki.example.com/pm/v2' });
    expect(linkOnly.body.learnings).toMatchObject({ text: 'Alert on retries', updatedBy: 'user:default/pia' });
    const cleared = await patch(server, 'inc-1').set(bob).send({ learnings: null });
    expect(cleared.body).toMatchObject({ postmortemUrl: 'https://wiki.example.com/pm/v2', learnings: null });

    expect(events.filter(e => e.eventId === 'postmortem-link').map(e => e.outcome)).toEqual([
      'failed',
      'failed',
      'succeeded',
      'succeeded',
      'succeeded',
      'succeeded',
    ]);
  });

  it('answers 400 naming the field for empty, too long or missing learnings, 404 for an unknown incident', async () => {
    const { server } = await start();
    const blank = await patch(server, 'inc-1').set(bob).send({ learnings: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.errors.map((e: any) => e.path)).toEqual(['learnings']);
    // 4,000 characters pass, 4,001 do not.
    await patch(server, 'inc-1').set(bob).send({ learnings: 'x'.repeat(4000) }).expect(200);
    const long = await patch(server, 'inc-1').set(bob).send({ learnings: 'x'.repeat(4001) });
    expect(long.status).toBe(400);
    expect(long.body.errors[0].path).toBe('learnings');
    const empty = await patch(server, 'inc-1').set(bob).send({});
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].path).toBe('learnings');
    const wrongType = await patch(server, 'inc-1').set(bob).send({ learnings: 42 });
    expect(wrongType.body.errors[0].path).toBe('learnings');
    expect((await patch(server, 'nope').set(bob).send({ learnings: 'x' })).status).toBe(404);
  });

  it('keeps the learnings and the postmortem link when the incident is ingested again', async () => {
    const { server } = await start();
    await patch(server, 'inc-1')
      .set(bob)
      .send({ postmortemUrl: 'https://wiki.example.com/pm/inc-1', learnings: 'Alert on retries' })
      .expect(200);
    // The source re-delivers the incident, then resolves it later: a new resolvedAt, nothing about follow-ups.
    await request(server).post('/api/pulse/dora/incidents').set(service).send({ items: incidents }).expect(200);
    await request(server)
      .post('/api/pulse/dora/incidents')
      .set(service)
      .send({ items: [{ ...incidents[0], resolvedAt: '2026-11-20T12:30:00Z' }] })
      .expect(200);
    const review = await request(server).get('/api/pulse/decisions/review?month=2026-11').set(bob).expect(200);
    // 10:00 to 12:30 is 150 minutes: the re-delivery was applied, and the follow-ups survived it.
    expect(review.body.incidents[0]).toMatchObject({
      id: 'inc-1',
      durationMinutes: 150,
      postmortemUrl: 'https://wiki.example.com/pm/inc-1',
      postmortemStatus: 'done',
      learnings: { text: 'Alert on retries', updatedBy: 'user:default/bob' },
    });
  });

  it('tells each caller which incidents they may edit, in the review and on the postmortems list', async () => {
    const { server } = await start();
    const canEdit = async (who: Record<string, string>) =>
      (await request(server).get('/api/pulse/decisions/review?month=2026-11').set(who).expect(200)).body.incidents.map(
        (i: any) => [i.id, i.canEdit],
      );
    expect(await canEdit(bob)).toEqual([['inc-1', true], ['inc-2', false]]);
    expect(await canEdit(ada)).toEqual([['inc-1', false], ['inc-2', true]]);
    expect(await canEdit(pia)).toEqual([['inc-1', true], ['inc-2', true]]);
    // A service may read the review but never edit (the PATCH refuses every service).
    expect(await canEdit(service)).toEqual([['inc-1', false], ['inc-2', false]]);

    const postmortems = '/api/pulse/decisions/entities/component/default/checkout/postmortems';
    expect((await request(server).get(postmortems).set(bob).expect(200)).body.canEdit).toBe(true);
    expect((await request(server).get(postmortems).set(ada).expect(200)).body.canEdit).toBe(false);
  });

  it('exports the month as Markdown and CSV for readers, with learnings made inert', async () => {
    const { server } = await start();
    const hostile = '[click](javascript:alert(1)) <script>x</script>\n=HYPERLINK("http://evil")';
    await patch(server, 'inc-1').set(bob).send({ learnings: hostile }).expect(200);

    const md = await request(server).get('/api/pulse/decisions/review.md?month=2026-11&groupRef=payments').set(ada);
    expect(md.status).toBe(200);
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.headers['content-disposition']).toBe('attachment; filename="pulse-review-2026-11-payments.md"');
    // payments owns checkout only: inc-1 is there, inc-2 (search-api) is not.
    expect(md.text.split('\n')[0]).toBe('# Incident review 2026-11: group\\:default/payments');
    expect(md.text).toContain('## inc\\-1\\: Checkout 500s');
    expect(md.text).not.toContain('inc\\-2');
    // Every bracket, parenthesis, angle bracket, colon and = escaped (quotes are inert): no link, no HTML, no heading.
    expect(md.text).toContain(
      '> \\[click\\]\\(javascript\\:alert\\(1\\)\\) \\<script\\>x\\</script\\>\\\n> \\=HYPERLINK\\("http\\://evil"\\)',
    );
    expect(md.text).not.toContain('<script>');

    const csv = await request(server).get('/api/pulse/decisions/review.csv?month=2026-11').set(service);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="pulse-review-2026-11.csv"');
    const [header, first] = csv.text.split('\n');
    expect(header).toBe(
      'id,entity,title,created,resolved,minutes,budget_share_percent,postmortem_status,postmortem_url,learnings,learnings_by',
    );
    // No SLOs, so no budget share; the learning starts with "[" (no formula) but holds a comma-free quote: quoted.
    expect(first).toBe(
      'inc-1,component:default/checkout,Checkout 500s,2026-11-20T10:00:00.000Z,2026-11-20T12:00:00.000Z,120,,not-required,,' +
        '"[click](javascript:alert(1)) <script>x</script>',
    );

    expect((await request(server).get('/api/pulse/decisions/review.md?month=2026-13').set(bob)).status).toBe(400);
    expect((await request(server).get('/api/pulse/decisions/review.csv?month=2026-11&groupRef=ghosts').set(bob)).status).toBe(404);
  });
});
