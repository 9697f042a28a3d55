import { Duration, DurationLikeObject } from 'luxon';

/** OpenSLO duration shorthand: a whole number and a unit, e.g. `5m`, `28d`, `1M`. */
export const SLO_DURATION_PATTERN = /^([1-9][0-9]{0,4})([smhdwMQY])$/;

const luxonUnits: Record<string, keyof DurationLikeObject> = {
  s: 'seconds',
  m: 'minutes',
  h: 'hours',
  d: 'days',
  w: 'weeks',
  M: 'months',
  Q: 'quarters',
  Y: 'years',
};

/** Units whose length never changes; months, quarters and years depend on the calendar. */
const fixedUnitMillis: Record<string, number> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** An OpenSLO duration split into amount and unit. */
export interface SloDuration {
  amount: number;
  unit: 's' | 'm' | 'h' | 'd' | 'w' | 'M' | 'Q' | 'Y';
}

/** Parses `28d` into `{ amount: 28, unit: 'd' }`; throws on anything else. */
export function parseSloDuration(text: string): SloDuration {
  const match = SLO_DURATION_PATTERN.exec(text);
  if (!match) {
    throw new Error(`Invalid duration '${text}', expected a number and one of s, m, h, d, w, M, Q, Y`);
  }
  return { amount: Number(match[1]), unit: match[2] as SloDuration['unit'] };
}

/** The luxon duration of an OpenSLO duration (calendar-aware for M, Q and Y). */
export function sloLuxonDuration(text: string): Duration {
  const { amount, unit } = parseSloDuration(text);
  return Duration.fromObject({ [luxonUnits[unit]]: amount });
}

/** The length in milliseconds of a duration with a fixed unit (s to w); throws for M, Q and Y. */
export function sloFixedDurationMillis(text: string): number {
  const { amount, unit } = parseSloDuration(text);
  const unitMillis = fixedUnitMillis[unit];
  if (unitMillis === undefined) {
    throw new Error(`Duration '${text}' has no fixed length`);
  }
  return amount * unitMillis;
}

/** The luxon unit name of an OpenSLO unit, e.g. `M` -> `months`. */
export function sloLuxonUnit(unit: SloDuration['unit']): keyof DurationLikeObject {
  return luxonUnits[unit];
}
