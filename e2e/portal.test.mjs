// The portal as a user sees it: the built frontend and the backend on a fresh SQLite store with demo data, driven in
// headless Chromium (Debian's /usr/bin/chromium; no browser is ever downloaded). Screenshots land in docs/screenshots.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { seriousViolations } from './accessibility.mjs';
import { baseUrl, root, serviceToken, startPortal } from './portal.mjs';

const screenshots = path.join(root, 'docs/screenshots');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const demoTeams = ['Platform', 'Payments', 'Discovery', 'Mobile'];

let portal;
let browser;
let page;

/** Screenshot of the whole page, for the README. */
const snap = name => page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });

/** Reads the Pulse API as the local CI service, to know how many marks a chart must draw. */
async function api(pathname) {
  const res = await fetch(`${baseUrl}/api/pulse${pathname}`, { headers: { Authorization: `Bearer ${serviceToken}` } });
  assert.equal(res.status, 200, `GET ${pathname}: ${res.status}`);
  return res.json();
}

/** The page's serious and critical accessibility violations, by page, asserted together in the last test. */
const accessibility = {};
const scan = async name => {
  accessibility[name] = await seriousViolations(page);
};

/** Runs `pulse gate <entity>` against the portal as the local CI service; the decision's exit code and output. */
const pulseGate = entityRef =>
  spawnSync(
    process.execPath,
    [path.join(root, 'packages/cli/bin/pulse'), 'gate', entityRef, '--url', baseUrl, '--token', serviceToken],
    { cwd: root, encoding: 'utf8' },
  );

/** A `datetime-local` value `hours` from now (the browser runs in the machine's zone, UTC here). */
const inHours = hours => new Date(Date.now() + hours * 3_600_000).toISOString().slice(0, 16);

/** Opens a portal path; the guest session is remembered, so only the first visit shows the sign-in page. */
async function open(pathname) {
  await page.goto(`${baseUrl}${pathname}`);
  const enter = page.getByRole('button', { name: 'Enter' });
  const signedIn = page.getByRole('link', { name: 'Catalog', exact: true });
  await enter.or(signedIn).first().waitFor({ timeout: 30_000 });
  if (await enter.isVisible()) {
    await enter.click();
    await signedIn.first().waitFor({ timeout: 30_000 });
  }
}

describe('the Pulse portal', { timeout: 600_000 }, () => {
  before(async () => {
    mkdirSync(screenshots, { recursive: true });
    portal = await startPortal();
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 1800 } });
    page.setDefaultTimeout(30_000);
  });

  after(async () => {
    await browser?.close();
    portal?.stop();
  });

  it('shows a demo service with real SLO numbers, the gate banner and DORA tiers', async () => {
    await open('/catalog?filters%5Buser%5D=all');
    await page.getByRole('link', { name: 'checkout', exact: true }).click();
    await page.waitForURL(/\/catalog\/default\/component\/checkout/);

    const gate = page.getByTestId('slo-release-gate');
    await gate.waitFor();
    assert.match(await gate.innerText(), /Release gate: (allow|warn|block)/);
    const remaining = await page.getByTestId('slo-budget-remaining').first().innerText();
    assert.match(remaining, /-?\d+(\.\d+)?\s?%/, `budget remaining shows a percentage, got "${remaining}"`);
    const burnRate = await page.getByTestId('slo-burn-rate').first().innerText();
    assert.match(burnRate, /\d+(\.\d+)?\s?×/, `burn rate shows N×, got "${burnRate}"`);

    const dora = page.getByText('Deployment frequency');
    await dora.waitFor();
    const tiers = await page.getByText(/^(Elite|High|Medium|Low)$/).allInnerTexts();
    assert.ok(tiers.length >= 5, `the DORA card shows tier badges, got ${JSON.stringify(tiers)}`);
    await page.getByTestId('slo-burndown').first().waitFor();
    // Each burn-down draws its two lines (remaining and ideal) with a path, never an empty plot.
    for (const chart of await page.getByTestId('slo-burndown').all()) {
      const curves = await chart.locator('path.recharts-line-curve').evaluateAll(paths => paths.map(p => p.getAttribute('d') ?? ''));
      assert.equal(curves.filter(d => d.length > 10).length, 2, 'the burn-down draws budget remaining and the ideal line');
    }
    await snap('service-page');
    await scan('service page');

    // Outcomes beside output: the sentence the API gives, one chart per outcome, each drawing both weekly series.
    const outcomes = await api('/outcomes/entities/component/default/checkout');
    assert.ok(outcomes.outcomes.length >= 1, 'the demo gives checkout an outcome');
    const outcomesCard = page.getByTestId('outcomes-card');
    await outcomesCard.scrollIntoViewIfNeeded();
    assert.equal(await outcomesCard.getByTestId('outcomes-summary').innerText(), outcomes.summary.sentence);
    const outcomeCharts = await outcomesCard.getByTestId('outcomes-chart').all();
    assert.equal(outcomeCharts.length, outcomes.outcomes.length, 'one chart per outcome');
    for (const chart of outcomeCharts) {
      const curves = await chart.locator('path.recharts-line-curve').evaluateAll(paths => paths.map(p => p.getAttribute('d') ?? ''));
      assert.equal(curves.filter(d => d.length > 10).length, 2, 'the key result and the customer signal are drawn');
    }
    await outcomesCard.screenshot({ path: path.join(screenshots, 'outcomes-card.png') });
  });

  it('lets an owner freeze a service from its page, so the gate blocks, then let one release through', async () => {
    await open('/catalog/default/component/checkout');
    const card = page.getByTestId('error-budget-policy-card');
    await card.waitFor();

    const override = card.getByTestId('policy-override-form');
    await override.getByLabel('State').selectOption('freeze');
    await override.getByLabel('Reason').fill('Payment provider migration: no releases until it is done');
    await override.getByLabel('Expires at').fill(inHours(24));
    await override.getByRole('button', { name: 'Save' }).click();
    await card.getByTestId('policy-state').filter({ hasText: /freeze/i }).waitFor();

    const frozen = pulseGate('component:default/checkout');
    assert.equal(frozen.status, 1, `a frozen service blocks; output: ${frozen.stdout}${frozen.stderr}`);
    assert.match(frozen.stdout, /Frozen by user:default\/ada/);

    const exception = card.getByTestId('policy-exception-form');
    await exception.getByLabel('Reason').fill('Hotfix for the refund bug');
    await exception.getByLabel('Expires at').fill(inHours(4));
    await exception.getByRole('button', { name: 'Grant' }).click();
    await card.getByTestId('policy-exceptions').filter({ hasText: 'Hotfix for the refund bug' }).waitFor();

    const released = pulseGate('component:default/checkout');
    assert.equal(released.status, 0, `the granted release passes once; output: ${released.stdout}${released.stderr}`);
    const again = pulseGate('component:default/checkout');
    assert.equal(again.status, 1, `the exception was for one release; output: ${again.stdout}`);

    await page.reload();
    await card.getByTestId('gate-decision-log').filter({ hasText: 'Hotfix for the refund bug' }).waitFor();
    await card.screenshot({ path: path.join(screenshots, 'policy-card.png') });
    await scan('policy card');
    await card.getByRole('button', { name: 'Remove override' }).click();
    await card.getByRole('button', { name: 'Remove override' }).waitFor({ state: 'detached' });
  });

  it('lets a developer fill in the whole survey once, then shows the results', async () => {
    await open('/catalog/default/component/checkout/developer-satisfaction');
    const submit = page.getByRole('button', { name: 'Submit' });
    await submit.waitFor();
    await snap('survey-form');
    await scan('survey form');

    for (const group of await page.getByRole('radiogroup').all()) {
      const options = await group.getByRole('radio').all();
      await options[options.length - 2].check(); // 4 of 1-5, 9 of 0-10
    }
    await page.getByRole('checkbox').first().check();
    await page.getByRole('textbox').first().fill('Faster integration tests, please.');
    assert.ok(await submit.isEnabled(), 'Submit is enabled once every question is answered');
    await submit.click();

    await page.getByText('Thank you for answering!').waitFor();
    await page.getByText('Results', { exact: true }).first().waitFor();
    await snap('survey-results');
    await scan('survey results');

    await page.reload();
    await page.getByText('Results', { exact: true }).first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Submit' }).count(), 0, 'the form is not offered again');
  });

  it('runs a survey round from the portal: create, answer, close early, read the results, delete', async () => {
    const title = 'Identity check-in';
    await open('/pulse/surveys');
    const manager = page.getByTestId('survey-round-manager');
    await manager.waitFor();
    await manager.getByRole('button', { name: 'New round' }).click();
    const create = page.getByRole('dialog');
    await create.getByLabel('Title').fill(title);
    await create.getByLabel('Target', { exact: true }).selectOption('entity');
    await create.getByLabel('Target ref').fill('component:default/identity');
    await create.getByRole('button', { name: 'Create' }).click();
    await create.waitFor({ state: 'detached' });
    const row = manager.getByRole('row').filter({ hasText: title });
    await row.filter({ hasText: 'open' }).waitFor();
    await snap('round-manager');
    await scan('round manager');

    // Ada owns identity (platform team), so the round is hers to answer; the newest open round is the one offered.
    await open('/catalog/default/component/identity/developer-satisfaction');
    await page.getByText(title).first().waitFor();
    for (const group of await page.getByRole('radiogroup').all()) {
      await group.getByRole('radio').first().check();
    }
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('Thank you for answering!').waitFor();

    await open('/pulse/surveys');
    await row.getByRole('button', { name: 'Close now' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Close now' }).click();
    await row.filter({ hasText: 'closed' }).waitFor();

    // One answer is under the anonymity floor: the closed round's results say so instead of showing one person's.
    await open('/catalog/default/component/identity/developer-satisfaction');
    await page.getByText(/Results hidden/).first().waitFor();

    await open('/pulse/surveys');
    await row.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await row.waitFor({ state: 'detached' });
  });

  it('lists every demo team on the team DORA page and the platform survey page', async () => {
    await open('/pulse/dora');
    await page.getByText('Teams by DORA tier').waitFor();
    for (const team of demoTeams) {
      await page.getByRole('link', { name: team, exact: true }).first().waitFor();
    }
    await snap('team-dora');
    // The window is in the URL: a shared link opens the same view.
    await open('/pulse/dora?days=180');
    await page.getByText('Last 180 days').first().waitFor();
    await scan('DORA by team');

    await open('/pulse/surveys');
    await page.getByText('Teams', { exact: true }).first().waitFor();
    for (const team of demoTeams) {
      await page.getByRole('cell', { name: team, exact: true }).first().waitFor();
    }
    // One dot per round that shows a value, on each of the two lines (favorable share and NPS).
    const { trend } = await api('/surveys/overview');
    const shown = trend.filter(point => !point.hidden);
    const expectedDots = shown.filter(p => p.satisfaction).length + shown.filter(p => p.nps).length;
    assert.ok(expectedDots >= 2, `the demo has rounds with results, got ${JSON.stringify(trend)}`);
    const trendChart = page.getByTestId('survey-trend');
    await trendChart.waitFor();
    assert.equal(await trendChart.locator('.recharts-line-dot').count(), expectedDots, 'one dot per shown round and line');
    assert.equal(await trendChart.locator('.recharts-xAxis .recharts-cartesian-axis-tick').count(), trend.length, 'every round is labelled');
    await snap('platform-surveys');
    await scan('platform surveys');
  });

  it('places every service on the speed-vs-reliability view and lists the month\'s incidents', async () => {
    await open('/pulse/quadrant');
    const counts = page.getByTestId('quadrant-counts');
    await counts.waitFor();
    assert.match(await counts.innerText(), /Ship with confidence: \d+/);
    for (const name of ['checkout', 'identity', 'payments-api']) {
      await page.getByRole('link', { name, exact: true }).first().waitFor();
    }
    // One point per placed service: every service with both a deployment rate and a budget.
    const { services } = await api('/decisions/quadrant');
    const placed = services.filter(s => s.deploymentsPerDay !== null && s.budgetRemaining !== null);
    assert.ok(placed.length >= 5, `the demo places services, got ${placed.length}`);
    const chart = page.getByTestId('quadrant-chart');
    await chart.waitFor();
    assert.equal(await chart.locator('.recharts-scatter-symbol').count(), placed.length, 'one point per placed service');
    await snap('speed-reliability');
    await scan('speed vs reliability');

    await open('/pulse/review');
    await page.getByText('Incidents', { exact: true }).first().waitFor();
    await page.getByText('outstanding', { exact: true }).first().waitFor();
    await scan('incident review');
  });

  it('records what an incident taught and exports the month for publishing', async () => {
    const month = new Date().toISOString().slice(0, 7);
    await open(`/pulse/review?month=${month}`);
    await page.getByText('Incidents', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Edit' }).first().click();
    const dialog = page.getByTestId('postmortem-dialog');
    await dialog.getByRole('textbox', { name: 'Postmortem URL' }).fill('https://wiki.example.com/postmortems/e2e');
    await dialog.getByRole('textbox', { name: 'Learnings' }).fill('The retry budget of the payment client was missing');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const learned = page.getByTestId('incident-learnings').filter({ hasText: 'The retry budget of the payment client' });
    await learned.waitFor();

    await page.reload(); // the month is in the URL: the same review comes back
    await learned.waitFor();
    await snap('incident-review');
    await scan('incident review with learnings');

    const [markdown] = await Promise.all([page.waitForEvent('download'), page.getByTestId('review-export-md').click()]);
    const text = readFileSync(await markdown.path(), 'utf8');
    assert.match(text, new RegExp(`# .*${month}`), 'the export names its month');
    assert.match(text, /The retry budget of the payment client was missing/);
    assert.match(text, /https:\/\/wiki\.example\.com\/postmortems\/e2e/);
  });

  it('shows the on-call health of the team overloaded at night, without naming anyone', async () => {
    await open('/catalog/default/group/payments?days=30');
    // The team's Pulse cards on its catalog page: DORA with a tier per metric, the SLO state of what it owns.
    await page.getByTestId('pulse-team-dora-card').waitFor();
    await page.getByText(/production deployments in the last 30 days/).first().waitFor(); // ?days=30 from the URL
    await page.getByTestId('pulse-team-slo-card').getByRole('link', { name: 'checkout' }).first().waitFor();
    const card = page.getByTestId('oncall-health-card');
    await card.getByText('Pages per 12-hour shift').waitFor();
    const text = await card.innerText();
    assert.match(text, /Unhealthy/, 'the demo payments team pages more than twice per shift');
    assert.match(text, /hours in Europe\/Berlin/);
    assert.doesNotMatch(text, /hana|ivan|user:/i, 'the card names no responder');
    // The weekly chart draws one bar per week and kind of page.
    await card.getByTestId('oncall-weekly').locator('path.recharts-rectangle').first().waitFor();
    await card.screenshot({ path: path.join(screenshots, 'oncall-card.png') });
    await scan('team page (on-call)');
  });

  it('has no serious or critical accessibility violation on any Pulse page (axe-core)', () => {
    assert.ok(Object.keys(accessibility).length >= 6, `pages scanned: ${Object.keys(accessibility).join(', ')}`);
    const failures = Object.entries(accessibility).flatMap(([name, found]) => found.map(v => `${name}: ${v}`));
    assert.deepEqual(failures, []);
  });

  it('blocks a release of the exhausted demo service through the pulse CLI', () => {
    const gate = pulseGate('component:default/payments-api');
    assert.equal(gate.status, 1, `exit code 1 (block); output: ${gate.stdout}${gate.stderr}`);
    assert.match(gate.stdout, /block/i);
  });
});
