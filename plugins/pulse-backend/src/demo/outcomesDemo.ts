import { OutcomeDocument } from '@pulse/plugin-pulse-common';
import { OutcomeValueRecord } from '@pulse/plugin-pulse-node';
import { PulseContext } from '../service/context';
import { seededRandom } from './seededRandom';

const DAY_MS = 86_400_000;
/** Both outcomes started 70 days ago and are due in 50: 120 days from baseline to target. */
const STARTED_DAYS_AGO = 70;
const DUE_IN_DAYS = 50;

/** A demo outcome: its owner and document, and its two metrics on a given day since the start (plus noise). */
interface DemoOutcome {
  ownerRef: string;
  document: OutcomeDocument;
  keyResult: (day: number) => number;
  customerSignal: (day: number) => number;
  noise: { keyResult: number; customerSignal: number };
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function outcome(
  name: string,
  spec: Omit<OutcomeDocument['spec'], 'keyResult'> & { keyResult: Omit<OutcomeDocument['spec']['keyResult'], 'start' | 'due'> },
  nowMs: number,
): OutcomeDocument {
  return {
    apiVersion: 'pulse.dev/v1',
    kind: 'Outcome',
    metadata: { name },
    spec: {
      ...spec,
      keyResult: { ...spec.keyResult, start: isoDate(nowMs - STARTED_DAYS_AGO * DAY_MS), due: isoDate(nowMs + DUE_IN_DAYS * DAY_MS) },
    },
  };
}

/**
 * The demo shop's two outcomes. Checkout conversion climbs faster than the straight line from 2.8% to 3.6% (about
 * 3.3% today against 3.27% expected: on track) while checkout support tickets fall; search latency seen by users falls
 * at half the pace the line from 900 ms to 500 ms asks (about 780 ms against 667 ms expected: behind) and
 * click-through barely moves.
 */
function demoOutcomes(nowMs: number): DemoOutcome[] {
  const share = (day: number) => day / (STARTED_DAYS_AGO + DUE_IN_DAYS);
  return [
    {
      ownerRef: 'component:default/checkout',
      document: outcome(
        'checkout-conversion',
        {
          title: 'More shoppers finish checkout',
          objective: 'OKR: grow first-time purchases by a quarter',
          keyResult: { name: 'Checkout conversion', unit: '%', direction: 'up', baseline: 2.8, target: 3.6 },
          customerSignal: { name: 'Support tickets about checkout', unit: 'tickets/day', direction: 'down' },
        },
        nowMs,
      ),
      keyResult: day => 2.8 + 0.8 * share(day) * 1.15,
      customerSignal: day => 40 - 14 * share(day),
      noise: { keyResult: 0.04, customerSignal: 3 },
    },
    {
      ownerRef: 'component:default/search-api',
      document: outcome(
        'search-latency',
        {
          title: 'Search feels instant',
          objective: 'OKR: shoppers find what they look for at the first try',
          keyResult: { name: 'p95 search latency seen by users', unit: 'ms', direction: 'down', baseline: 900, target: 500 },
          customerSignal: { name: 'Search click-through', unit: '%', direction: 'up' },
        },
        nowMs,
      ),
      keyResult: day => 900 - 400 * share(day) * 0.5,
      customerSignal: day => 31 + 1.5 * share(day),
      noise: { keyResult: 15, customerSignal: 0.6 },
    },
  ];
}

/** Seeds the demo shop's outcomes (as if PUT through the API) and one value of each metric per day since the start. */
export async function seedOutcomesDemo(ctx: Pick<PulseContext, 'store'>, now: Date): Promise<void> {
  const nowMs = now.getTime();
  const random = seededRandom(2027);
  const jitter = (size: number) => (random() * 2 - 1) * size;
  for (const demo of demoOutcomes(nowMs)) {
    await ctx.store.outcomes.upsertOutcome({ ownerRef: demo.ownerRef, document: demo.document, source: 'api', now: nowMs });
    const startMs = Date.parse(`${demo.document.spec.keyResult.start}T12:00:00Z`);
    const values: OutcomeValueRecord[] = [];
    for (let day = 0; startMs + day * DAY_MS < nowMs; day++) {
      const base = { ownerRef: demo.ownerRef, outcomeId: demo.document.metadata.name, timestamp: startMs + day * DAY_MS, source: 'push' as const };
      values.push({ ...base, metric: 'keyResult', value: Number((demo.keyResult(day) + jitter(demo.noise.keyResult)).toFixed(3)) });
      values.push({ ...base, metric: 'customerSignal', value: Number((demo.customerSignal(day) + jitter(demo.noise.customerSignal)).toFixed(2)) });
    }
    await ctx.store.outcomes.writeValues(values, nowMs);
  }
}
