import { TestDatabases } from '@backstage/backend-test-utils';
import path from 'node:path';
import request from 'supertest';
import { startPulseTestBackend } from '../__testUtils__/startPulseTestBackend';
import { compareWithDocumented, documentedPulseKeys } from './__testUtils__/configKeys';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const documented = documentedPulseKeys(path.resolve(__dirname, '../../config.d.ts'));

/** Every key plugins/pulse-backend/config.d.ts documents, each set to a value a platform team might choose. */
const EVERY_KEY = {
  demoData: false,
  slo: {
    managers: ['group:default/sre'],
    writers: ['external:ci-slos', 'plugin:catalog'],
    releaseGate: {
      blockWhenRemainingAtMost: 0,
      blockOnPageAlert: true,
      warnWhenRemainingBelow: 0.3,
      warnOnTicketAlert: false,
      insufficientData: 'warn',
    },
    minimumData: { hours: 12 },
    staleAfter: '4h',
    rollup: { hourlyRetentionDays: 60, dailyRetentionDays: 365 },
  },
  jobs: { sloRollup: { frequency: { cron: '*/30 * * * *' }, timeout: { minutes: 10 }, initialDelay: 'PT1M' } },
  dora: {
    productionEnvironments: ['production', 'live'],
    incidentAttributionWindow: { hours: 12 },
    serviceIdRefresh: '1m',
    timeZone: 'Europe/Berlin',
    leadTimeCap: { days: 60 },
    changeFailureRateDenominator: 'all',
    tiers: {
      deploymentFrequency: { eliteDeployDaysPerWeek: 4, highDeployDaysPerWeek: 1, mediumDeployDaysPerMonth: 1 },
      leadTimeHours: { elite: 24, high: 168, medium: 720 },
      changeFailureRatePercent: { elite: 5, high: 10, medium: 15 },
      recoveryTimeHours: { elite: 1, high: 24, medium: 168 },
    },
  },
  policy: {
    managers: ['group:default/sre'],
    caution: { remainingBelow: 0.3, onTicketAlert: true },
    freeze: { remainingAtOrBelow: 0, onPageAlert: true, blocksReleases: true },
    exceptions: ['security'],
    groups: {
      'group:default/payments': {
        caution: { remainingBelow: 0.5, onTicketAlert: true },
        freeze: { remainingAtOrBelow: 0.05, onPageAlert: true, blocksReleases: false },
        exceptions: ['security', 'incident-fix'],
      },
    },
  },
  decisions: {
    postmortemBudgetShare: 0.25,
    incidentLookbackDays: 40,
    schedule: { frequency: { minutes: 10 }, timeout: { minutes: 5 }, initialDelay: { minutes: 2 } },
  },
  surveys: {
    managers: ['group:default/platform'],
    writers: ['external:survey-bot'],
    openResults: 'closed',
    minRespondents: 6,
    minTextRespondents: 12,
  },
  oncall: {
    timeZone: 'Europe/Berlin',
    thresholds: {
      pagesPerShift: { warning: 1, unhealthy: 2 },
      offHoursPagesPerWeek: { warning: 3, unhealthy: 6 },
      nightPagesPerWeek: { warning: 1, unhealthy: 2 },
      timeToAcknowledgeMinutes: { warning: 5, unhealthy: 10 },
      noisePercent: { warning: 25, unhealthy: 50 },
      fairnessGini: { warning: 0.25, unhealthy: 0.4 },
    },
  },
  deliveries: {
    readers: ['group:default/platform', 'group:default/sre'],
    retentionDays: 14,
    sources: { github: { retentionDays: 7 } },
    maxPayloadBytes: 1_000_000,
    maxAttempts: 8,
    retryBackoff: { seconds: 30 },
  },
};

describe('the pulse config section', () => {
  it('is covered key for key by the every-key fixture, and the fixture holds nothing undocumented', () => {
    expect(compareWithDocumented(documented, EVERY_KEY)).toEqual({ undocumented: [], unset: [] });
  });

  it('starts the plugin with every documented key set', async () => {
    const server = await startPulseTestBackend(await databases.init('SQLITE_3'), { config: { pulse: EVERY_KEY } });
    const health = await request(server).get('/api/pulse/health');
    expect(health.status).toBe(200);
  });

  it.each([
    [{ slo: { minimumDays: 3 } }, /unknown key pulse\.slo\.minimumDays/],
    [{ policy: { groups: { payments: { freze: {} } } } }, /unknown key pulse\.policy\.groups\.payments\.freze/],
    [{ dora: { changeFailureRateDenominator: 'deploys' } }, /pulse\.dora\.changeFailureRateDenominator/],
    [{ surveys: { minRespondents: 'five' } }, /pulse\.surveys\.minRespondents: Expected number, received string/],
    [{ slo: { writers: ['ci'] } }, /pulse\.slo\.writers: 'ci' is not a service subject/],
    [{ oncall: { timeZone: 'Mars/Olympus' } }, /pulse\.oncall\.timeZone: 'Mars\/Olympus' is not an IANA time zone/],
    [{ oncall: { thresholds: { pagesPerShift: { warning: 3 } } } }, /pulse\.oncall\.thresholds\.pagesPerShift: warning \(3\) is above unhealthy \(2\)/],
    [{ oncall: { thresholds: { pagesPerShfit: {} } } }, /unknown key pulse\.oncall\.thresholds\.pagesPerShfit/],
  ])('refuses to start on %j, naming the key', async (pulse, message) => {
    await expect(startPulseTestBackend(await databases.init('SQLITE_3'), { config: { pulse } })).rejects.toThrow(message);
  });
});
