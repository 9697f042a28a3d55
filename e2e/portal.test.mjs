// The portal as a user sees it: the built frontend and the backend on a fresh SQLite store with demo data, driven in
// headless Chromium (Debian's /usr/bin/chromium; no browser is ever downloaded). Screenshots land in docs/screenshots.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { baseUrl, root, serviceToken, startPortal } from './portal.mjs';

const screenshots = path.join(root, 'docs/screenshots');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const demoTeams = ['Platform', 'Payments', 'Discovery', 'Mobile'];

let portal;
let browser;
let page;

/** Screenshot of the whole page, for the README. */
const snap = name => page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });

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
    await open('/catalog');
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
    await snap('service-page');
  });

  it('lets a developer fill in the whole survey once, then shows the results', async () => {
    await open('/catalog/default/component/checkout/developer-satisfaction');
    const submit = page.getByRole('button', { name: 'Submit' });
    await submit.waitFor();
    await snap('survey-form');

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

    await page.reload();
    await page.getByText('Results', { exact: true }).first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Submit' }).count(), 0, 'the form is not offered again');
  });

  it('lists every demo team on the team DORA page and the platform survey page', async () => {
    await open('/pulse/dora');
    await page.getByText('Teams by DORA tier').waitFor();
    for (const team of demoTeams) {
      await page.getByRole('link', { name: team, exact: true }).first().waitFor();
    }
    await snap('team-dora');

    await open('/pulse/surveys');
    await page.getByText('Teams', { exact: true }).first().waitFor();
    for (const team of demoTeams) {
      await page.getByRole('cell', { name: team, exact: true }).first().waitFor();
    }
    await snap('platform-surveys');
  });

  it('places every service on the speed-vs-reliability view and lists the month\'s incidents', async () => {
    await open('/pulse/quadrant');
    const counts = page.getByTestId('quadrant-counts');
    await counts.waitFor();
    assert.match(await counts.innerText(), /Ship with confidence: \d+/);
    for (const name of ['checkout', 'identity', 'payments-api']) {
      await page.getByRole('link', { name, exact: true }).first().waitFor();
    }
    await snap('speed-reliability');

    await open('/pulse/review');
    await page.getByText('Incidents', { exact: true }).first().waitFor();
    await page.getByText('outstanding', { exact: true }).first().waitFor();
    await snap('incident-review');
  });

  it('shows the on-call health of the team overloaded at night, without naming anyone', async () => {
    await open('/catalog/default/group/payments');
    const card = page.getByTestId('oncall-health-card');
    await card.getByText('Pages per 12-hour shift').waitFor();
    const text = await card.innerText();
    assert.match(text, /Unhealthy/, 'the demo payments team pages more than twice per shift');
    assert.match(text, /hours in Europe\/Berlin/);
    assert.doesNotMatch(text, /hana|ivan|user:/i, 'the card names no responder');
    // The weekly chart draws one bar per week and kind of page.
    await card.getByTestId('oncall-weekly').locator('path.recharts-rectangle').first().waitFor();
    await card.screenshot({ path: path.join(screenshots, 'oncall-card.png') });
  });

  it('blocks a release of the exhausted demo service through the pulse CLI', () => {
    const gate = spawnSync(
      process.execPath,
      [path.join(root, 'packages/cli/bin/pulse'), 'gate', 'component:default/payments-api', '--url', baseUrl, '--token', serviceToken],
      { cwd: root, encoding: 'utf8' },
    );
    assert.equal(gate.status, 1, `exit code 1 (block); output: ${gate.stdout}${gate.stderr}`);
    assert.match(gate.stdout, /block/i);
  });
});
