import { OncallPageRecord } from '@pulse/plugin-pulse-node';
import { DateTime } from 'luxon';
import { PulseContext } from '../service/context';
import { seededRandom } from './seededRandom';

const MINUTE_MS = 60_000;
/** A little over four weeks, so the card's default 28-day window is full. */
const DEMO_DAYS = 35;

/** How one demo service pages its team. */
interface PagingProfile {
  /** Pages per day on average. */
  perDay: number;
  /** Share of pages at night (22:00-07:00 local); the rest fall between 09:00 and 17:00. */
  nightShare: number;
  /** Typical minutes to acknowledge. */
  ackMinutes: number;
  /** Share of pages that resolve themselves within minutes, never acknowledged (noise). */
  noiseShare: number;
  /** Who answers, with how many pages each in turn: a lopsided list makes an unfair rotation. */
  rotation: string[];
  timeZone: string;
}

const users = (...names: string[]) => names.map(name => `user:default/${name}`);

/** payments is clearly overloaded at night, and two of its eight people carry most of it. */
const PROFILES: Record<string, PagingProfile> = {
  'component:default/checkout': {
    perDay: 4,
    nightShare: 0.55,
    ackMinutes: 9,
    noiseShare: 0.3,
    rotation: users('hana', 'hana', 'hana', 'ivan', 'ivan', 'jonas'),
    timeZone: 'Europe/Berlin',
  },
  'component:default/payments-api': {
    perDay: 1.5,
    nightShare: 0.5,
    ackMinutes: 12,
    noiseShare: 0.2,
    rotation: users('hana', 'ivan', 'ivan', 'kemi'),
    timeZone: 'Europe/Berlin',
  },
  'component:default/identity': { perDay: 0.3, nightShare: 0.1, ackMinutes: 2, noiseShare: 0.05, rotation: users('ada', 'brian', 'chen', 'dara', 'elif', 'femi', 'gita'), timeZone: 'UTC' },
  'component:default/deploy-pipeline': { perDay: 0.4, nightShare: 0.05, ackMinutes: 3, noiseShare: 0.1, rotation: users('gita', 'femi', 'elif', 'dara', 'chen', 'brian', 'ada'), timeZone: 'UTC' },
  'component:default/search-api': { perDay: 0.6, nightShare: 0.15, ackMinutes: 4, noiseShare: 0.25, rotation: users('priya', 'quinn', 'rafael', 'sofia', 'tomas', 'uma'), timeZone: 'UTC' },
  'component:default/recommendations': { perDay: 0.4, nightShare: 0.1, ackMinutes: 5, noiseShare: 0.3, rotation: users('uma', 'tomas', 'sofia', 'rafael', 'quinn', 'priya'), timeZone: 'UTC' },
  'component:default/mobile-bff': { perDay: 0.5, nightShare: 0.2, ackMinutes: 4, noiseShare: 0.1, rotation: users('vera', 'wei', 'xavi', 'yusuf', 'zoe'), timeZone: 'UTC' },
  'component:default/mobile-app': { perDay: 0.15, nightShare: 0.1, ackMinutes: 6, noiseShare: 0.1, rotation: users('zoe', 'yusuf', 'xavi', 'wei', 'vera'), timeZone: 'UTC' },
};

/** A typical value spread between half and twice itself, skewed like real durations. */
const around = (random: () => number, typical: number) => typical * Math.pow(2, random() * 2 - 1);

/** The pages of one service over the demo days before `now`, on its team's clock. */
function pageHistory(entityRef: string, profile: PagingProfile, now: number, random: () => number): OncallPageRecord[] {
  const name = entityRef.split('/')[1];
  const pages: OncallPageRecord[] = [];
  const firstDay = DateTime.fromMillis(now, { zone: profile.timeZone }).startOf('day').minus({ days: DEMO_DAYS });
  for (let day = 0; day < DEMO_DAYS; day++) {
    // perDay on average: the whole part every day, one more with the fractional part's chance.
    const count = Math.floor(profile.perDay) + (random() < profile.perDay % 1 ? 1 : 0);
    for (let i = 0; i < count; i++) {
      const night = random() < profile.nightShare;
      const hour = night ? (22 + random() * 9) % 24 : 9 + random() * 8;
      // A night page after midnight belongs to the next calendar day's early hours.
      const dayOffset = night && hour < 7 ? 1 : 0;
      const triggeredAt = firstDay.plus({ days: day + dayOffset }).set({ hour: Math.floor(hour), minute: Math.floor((hour % 1) * 60) }).toMillis();
      if (triggeredAt >= now) continue;
      const noise = random() < profile.noiseShare;
      const ackAt = noise ? undefined : Math.round(triggeredAt + around(random, profile.ackMinutes) * MINUTE_MS);
      const resolvedAt = noise
        ? Math.round(triggeredAt + (1 + random() * 3) * MINUTE_MS)
        : Math.round(ackAt! + around(random, 40) * MINUTE_MS);
      pages.push({
        id: `demo-${name}-${pages.length + 1}`,
        entityRef,
        triggeredAt,
        ...(ackAt !== undefined && ackAt < now ? { acknowledgedAt: ackAt } : {}),
        ...(resolvedAt < now ? { resolvedAt } : {}),
        urgency: 'high',
        responderRef: profile.rotation[pages.length % profile.rotation.length],
        source: 'demo',
      });
    }
  }
  return pages;
}

/** A month of pages for the example components: payments overloaded at night, the other teams calmer. */
export async function seedOncallDemo(ctx: PulseContext, now: Date): Promise<void> {
  let seed = 100;
  for (const [entityRef, profile] of Object.entries(PROFILES)) {
    const random = seededRandom(++seed);
    await ctx.store.oncall.ingest(pageHistory(entityRef, profile, now.getTime(), random));
  }
}
