import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntitySloReport,
  PolicyReleaseGateResponse,
  SloReleaseGateResponse,
  DEFAULT_SLO_RELEASE_GATE_POLICY,
  evaluateSloComposite,
  evaluateSloObjective,
  sloWindowBounds,
  sloWindowReport,
} from '@pulse/plugin-pulse-common';
import { screen } from '@testing-library/react';
import { pulseDecisionsApiRef } from '../../api/DecisionsApi';
import { SloApi, pulseSloApiRef } from '../../api/SloApi';
import { decisionsApiAnswering } from '../EntityDecisions/decisionsFixtures';
import { EntitySloCard } from './EntitySloCard';

// recharts' ResponsiveContainer measures its parent; jsdom has no ResizeObserver.
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as any).ResizeObserver ??= NoResizeObserver;

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/payments' },
};

const nowMs = Date.parse('2026-11-29T12:00:00Z');
const timeWindow = { duration: '28d', isRolling: true };
const bounds = sloWindowBounds(timeWindow, nowMs);

/** The hand-worked series of the backend test: 45 bad of 11,300 events against 99% over 28 days. */
const objective = evaluateSloObjective({
  budgetingMethod: 'Occurrences',
  objective: { displayName: 'Checkout succeeds', target: 0.99 },
  bounds,
  nowMs,
  sums: {
    window: { good: 11255, total: 11300 },
    lookbacks: {
      '5m': { good: 95, total: 100 },
      '30m': { good: 95, total: 100 },
      '1h': { good: 95, total: 100 },
      '6h': { good: 285, total: 300 },
      '1d': { good: 285, total: 300 },
      '3d': { good: 1265, total: 1300 },
    },
    lookbackSamples: { '5m': 1, '30m': 1, '1h': 1, '6h': 2, '1d': 2, '3d': 3 },
    daily: [{ day: 27, good: 11255, total: 11300 }],
    // Samples over the whole window, the newest two minutes old: no data issue.
    span: { samples: 4, firstMs: bounds.startMs, lastMs: nowMs - 2 * 60_000, intervalMs: 3 * 3_600_000 },
  },
});

/**
 * The issue's case: 5-minute samples that stopped `minutes` before the evaluation; 2.5% bad before that, so 6h and
 * 3d burn at 0.025 / 0.01 = 2.5 and the 28-day ticket rule fires. Window: 100 bad of 20,000 (half the budget left).
 */
const silentForMinutes = (minutes: number) =>
  evaluateSloObjective({
    budgetingMethod: 'Occurrences',
    objective: { displayName: 'Checkout succeeds', target: 0.99 },
    bounds,
    nowMs,
    sums: {
      window: { good: 19_900, total: 20_000 },
      lookbacks: {
        '5m': { good: 0, total: 0 },
        '30m': { good: 0, total: 0 },
        '1h': { good: 0, total: 0 },
        '6h': { good: 975, total: 1000 },
        '1d': { good: 3900, total: 4000 },
        '3d': { good: 11_700, total: 12_000 },
      },
      lookbackSamples: { '5m': 0, '30m': 0, '1h': minutes < 60 ? 3 : 0, '6h': 50, '1d': 250, '3d': 800 },
      daily: [{ day: 27, good: 19_900, total: 20_000 }],
      span: { samples: 800, firstMs: bounds.startMs, lastMs: nowMs - minutes * 60_000, intervalMs: 5 * 60_000 },
    },
  });

const report: EntitySloReport = {
  entityRef: 'component:default/checkout',
  evaluatedAt: new Date(nowMs).toISOString(),
  slos: [
    {
      name: 'checkout-availability',
      displayName: 'Checkout availability',
      description: 'Checkout requests without server errors',
      source: 'annotation',
      window: sloWindowReport(timeWindow, bounds),
      budgetingMethod: 'Occurrences',
      objectives: [objective],
    },
  ],
};

/** The gate preview the report carries; the card shows what the API decided and nothing more. */
const gate = {
  entityRef: 'component:default/checkout',
  evaluatedAt: report.evaluatedAt,
  decision: 'warn',
  reasons: ['checkout-availability / Checkout succeeds: ticket alert firing (slow burn)'],
  slos: [],
  policy: DEFAULT_SLO_RELEASE_GATE_POLICY,
} as SloReleaseGateResponse as PolicyReleaseGateResponse;

function apiAnswering(overrides: Partial<SloApi>): SloApi {
  return {
    getEntitySlos: async () => ({ ...report, releaseGate: gate }),
    listSloDefinitions: async () => ({ entityRef: report.entityRef, items: [] }),
    putSloDefinition: jest.fn(),
    deleteSloDefinition: jest.fn(),
    getTeamSloStates: jest.fn(),
    ...overrides,
  };
}

async function renderCard(api: SloApi) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [pulseSloApiRef, api],
        [pulseDecisionsApiRef, decisionsApiAnswering()],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntitySloCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntitySloCard', () => {
  it('renders the budget, SLI, burn rate, alert, status, exhaustion and the gate banner', async () => {
    await renderCard(apiAnswering({}));

    expect(await screen.findByText('Release gate: warn')).toBeInTheDocument();
    expect(screen.getByText('checkout-availability / Checkout succeeds: ticket alert firing (slow burn)')).toBeInTheDocument();
    expect(screen.getByText('Checkout availability')).toBeInTheDocument();
    expect(screen.getByText(/rolling 28d, 2026-11-01 to 2026-11-29 · Occurrences/)).toBeInTheDocument();
    expect(screen.getByTestId('slo-target')).toHaveTextContent('99%');
    expect(screen.getByTestId('slo-sli')).toHaveTextContent('99.60%');
    expect(screen.getByTestId('slo-budget-remaining')).toHaveTextContent('60.2% (68 of 113 events)');
    expect(screen.getByTestId('slo-burn-rate')).toHaveTextContent('5.0×');
    expect(screen.getByTestId('slo-burn-rate-5m')).toHaveTextContent('5.0×');
    expect(screen.getByTestId('slo-burn-rate-6h')).toHaveTextContent('5.0×');
    expect(screen.getByTestId('slo-burn-rate-3d')).toHaveTextContent('2.7×');
    expect(screen.getByTestId('slo-time-to-exhaustion')).toHaveTextContent('3d 8h at the 1h burn rate');
    expect(screen.getByTestId('slo-last-sample')).toHaveTextContent('2 min ago');
    expect(screen.getByTestId('slo-status')).toHaveTextContent('WARNING');
    expect(screen.getByTestId('slo-alert')).toHaveTextContent('Alert: ticket');
    expect(screen.getAllByText('Budget remaining').length).toBeGreaterThan(0);
    expect(screen.getByTestId('slo-budget-gauge')).toHaveTextContent('60.2%'); // the donut agrees with the text
    expect(screen.getByTestId('slo-burndown')).toBeInTheDocument();
  });

  it('names what is wrong with the data next to the status', async () => {
    const issues = ['insufficient data', 'stale data'] as const;
    const young = {
      ...report.slos[0],
      objectives: [{ ...objective, status: 'INSUFFICIENT_DATA' as const, data: { ...objective.data, issues: [...issues] } }],
    };
    await renderCard(apiAnswering({ getEntitySlos: async () => ({ ...report, releaseGate: gate, slos: [young] }) }));
    expect(await screen.findByText('Less than the minimum data')).toBeInTheDocument();
    expect(screen.getAllByTestId('slo-data-issue').map(chip => chip.textContent)).toEqual(['Less than the minimum data']);
    // The newest sample is 2 minutes old in this fixture, the limit 6 hours (21,600 s).
    expect(screen.getByTestId('slo-stale')).toHaveTextContent('Stale: last sample 2 min ago (limit 6 h)');
    expect(screen.getByTestId('slo-status')).toHaveTextContent('INSUFFICIENT_DATA');
  });

  it('never reads missing data as good news: the last sample, no data in the last 1h, exhaustion unknown', async () => {
    const silent = silentForMinutes(70);
    const slos = [{ ...report.slos[0], objectives: [silent] }];
    await renderCard(apiAnswering({ getEntitySlos: async () => ({ ...report, releaseGate: gate, slos }) }));
    expect(await screen.findByTestId('slo-burn-rate')).toHaveTextContent('no data in the last 1h');
    expect(screen.getByTestId('slo-burn-rate-5m')).toHaveTextContent('no data in the last 5m');
    expect(screen.getByTestId('slo-burn-rate-6h')).toHaveTextContent('2.5×');
    expect(screen.getByTestId('slo-time-to-exhaustion')).toHaveTextContent('unknown: no data in the last 1h');
    expect(screen.getByTestId('slo-time-to-exhaustion')).not.toHaveTextContent('not burning');
    // 12:00 evaluation, newest sample 10:50: 70 minutes, under the 6-hour limit, so no stale chip.
    expect(screen.getByTestId('slo-last-sample')).toHaveTextContent('1 h ago');
    expect(screen.queryByTestId('slo-stale')).toBeNull();
    expect(screen.getByTestId('slo-alert')).toHaveTextContent('Alert: ticket');
  });

  it('says why the 5m burn rate is empty with 5-minute samples, and "not burning" only with data', async () => {
    // The newest 5-minute sample started 8 minutes ago and ended 3 minutes ago: inside the last 5 minutes.
    const fresh = silentForMinutes(8);
    const slos = [{ ...report.slos[0], objectives: [fresh] }];
    await renderCard(apiAnswering({ getEntitySlos: async () => ({ ...report, releaseGate: gate, slos }) }));
    expect(await screen.findByTestId('slo-burn-rate-5m')).toHaveTextContent(
      'each sample covers 5 min: no complete one starts in the last 5m',
    );
    expect(screen.getByTestId('slo-last-sample')).toHaveTextContent('8 min ago');
    // 30m holds no sample in this fixture although it could: unknown, not "not burning".
    expect(screen.getByTestId('slo-time-to-exhaustion')).toHaveTextContent('unknown: no data in the last 30m');
  });

  it('shows the stale warning once the newest sample is older than the freshness limit', async () => {
    // 7 hours = 420 minutes > the 6-hour limit the gate uses.
    const stale = silentForMinutes(420);
    const slos = [{ ...report.slos[0], objectives: [stale] }];
    await renderCard(apiAnswering({ getEntitySlos: async () => ({ ...report, releaseGate: gate, slos }) }));
    expect(await screen.findByTestId('slo-stale')).toHaveTextContent('Stale: last sample 7 h ago (limit 6 h)');
    expect(screen.getByTestId('slo-last-sample')).toHaveTextContent('7 h ago');
  });

  it('lists outstanding postmortems and the recent gate decisions with who asked', async () => {
    await renderCard(apiAnswering({}));
    expect(await screen.findByText(/inc-42 \(Checkout 500s\): spent 30.0% of a/)).toBeInTheDocument();
    const log = await screen.findByTestId('gate-decision-log');
    expect(log).toHaveTextContent("freeze · user:default/ada · exception 'security' used");
    expect(log).toHaveTextContent('freeze · service:external:ci');
    expect(log).toHaveTextContent('Error-budget freeze: releases are blocked except for: security, incident-fix');
  });

  it('explains the annotation and the API when the entity has no SLOs', async () => {
    await renderCard(apiAnswering({ getEntitySlos: async () => ({ ...report, releaseGate: gate, slos: [] }) }));
    expect(await screen.findByText('No SLOs defined yet')).toBeInTheDocument();
    expect(screen.getByText(/Point the pulse.dev\/openslo annotation/)).toBeInTheDocument();
    expect(screen.queryByText(/Release gate:/)).not.toBeInTheDocument();
  });

  it('shows an error panel when Pulse fails', async () => {
    await renderCard(
      apiAnswering({
        getEntitySlos: async () => {
          throw new Error('Pulse is down');
        },
      }),
    );
    expect(await screen.findByText(/Could not load SLOs/)).toBeInTheDocument();
    expect(screen.getAllByText(/Pulse is down/).length).toBeGreaterThan(0);
  });

  it("shows a composite SLO's composite line above its objectives' panels", async () => {
    // Two objectives at 60.2% left each (the series above); weights 1 and 0.5 spend 39.8% and 19.9% of the
    // composite: 1 - 0.398 - 0.199 = 40.3% left. Burn rates 1.5 x each: 1h 7.5, 6h 7.5 and 30m 7.5 exceed the 28-day
    // page threshold 5.6: a page alert.
    const parts = [
      { ...objective, weight: 1 },
      { ...objective, displayName: 'Payments are quick', weight: 0.5 },
    ].map(p => ({ ...p, remainingFraction: p.errorBudget.remainingFraction }));
    const composite = evaluateSloComposite({ windowLengthMs: bounds.lengthMs, parts });
    const journey = {
      ...report.slos[0],
      objectives: [objective, { ...objective, displayName: 'Payments are quick', compositeWeight: 0.5 }],
      composite,
    };
    await renderCard(apiAnswering({ getEntitySlos: async () => ({ ...report, releaseGate: gate, slos: [journey] }) }));
    expect(await screen.findByTestId('slo-composite-remaining')).toHaveTextContent('40.3% of the budget remaining');
    expect(screen.getByTestId('slo-composite')).toHaveTextContent('burn rate (1h) 7.5×');
    expect(screen.getByTestId('slo-composite')).toHaveTextContent('Checkout succeeds ×1: 39.8%, Payments are quick ×0.5: 19.9%');
    expect(screen.getByTestId('slo-composite-status')).toHaveTextContent('WARNING');
    expect(screen.getByTestId('slo-composite-alert')).toHaveTextContent('Alert: page');
    expect(screen.getAllByTestId('slo-budget-remaining')).toHaveLength(2);
  });

  it('states a threshold objective in its own words', async () => {
    const statement = 'p99 latency under 500 ms in 99% of minutes';
    const latency = { ...report.slos[0], objectives: [{ ...objective, statement }] };
    await renderCard(apiAnswering({ getEntitySlos: async () => ({ ...report, releaseGate: gate, slos: [latency] }) }));
    expect(await screen.findByTestId('slo-target')).toHaveTextContent(statement);
  });
});
