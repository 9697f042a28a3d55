import { sloWindowBounds } from './window';

const ms = (iso: string) => Date.parse(iso);
const iso = (millis: number) => new Date(millis).toISOString();
const HOUR = 3_600_000;

describe('sloWindowBounds', () => {
  it('ends a rolling window now and starts it one duration earlier', () => {
    const bounds = sloWindowBounds({ duration: '28d', isRolling: true }, ms('2026-11-29T12:00:00Z'));
    expect(iso(bounds.startMs)).toBe('2026-11-01T12:00:00.000Z');
    expect(iso(bounds.endMs)).toBe('2026-11-29T12:00:00.000Z');
    expect(bounds.lengthMs).toBe(28 * 24 * HOUR);
    expect(bounds.timeZone).toBe('UTC');
  });

  it('aligns a calendar month to the first of the month in UTC by default', () => {
    const bounds = sloWindowBounds({ duration: '1M', isRolling: false }, ms('2026-11-29T12:00:00Z'));
    expect(iso(bounds.startMs)).toBe('2026-11-01T00:00:00.000Z');
    expect(iso(bounds.endMs)).toBe('2026-12-01T00:00:00.000Z');
    expect(bounds.lengthMs).toBe(30 * 24 * HOUR);
  });

  it('takes calendar boundaries in the time zone: 1 November 00:00 in Berlin is 23:00 UTC the day before', () => {
    const bounds = sloWindowBounds(
      { duration: '1M', isRolling: false, calendar: { startTime: '2020-01-01 00:00:00', timeZone: 'Europe/Berlin' } },
      ms('2026-11-01T00:30:00Z'),
    );
    expect(iso(bounds.startMs)).toBe('2026-10-31T23:00:00.000Z');
    expect(iso(bounds.endMs)).toBe('2026-11-30T23:00:00.000Z');
    expect(bounds.timeZone).toBe('Europe/Berlin');
  });

  it('gives a month with a daylight-saving change its real length (March 2026 in Berlin: 743 hours)', () => {
    const bounds = sloWindowBounds(
      { duration: '1M', isRolling: false, calendar: { startTime: '2020-01-01 00:00:00', timeZone: 'Europe/Berlin' } },
      ms('2026-03-15T12:00:00Z'),
    );
    expect(iso(bounds.startMs)).toBe('2026-02-28T23:00:00.000Z');
    expect(iso(bounds.endMs)).toBe('2026-03-31T22:00:00.000Z');
    expect(bounds.lengthMs).toBe(743 * HOUR);
  });

  it.each([
    {
      title: 'counts calendar periods from calendar.startTime (months starting on the 15th)',
      timeWindow: { duration: '1M', isRolling: false, calendar: { startTime: '2026-01-15 00:00:00', timeZone: 'UTC' } },
      now: '2026-11-29T12:00:00Z',
      start: '2026-11-15T00:00:00.000Z',
      end: '2026-12-15T00:00:00.000Z',
    },
    {
      title: 'starts calendar weeks on Monday by default (Wednesday 25 November 2026 -> Monday 23rd)',
      timeWindow: { duration: '1w', isRolling: false },
      now: '2026-11-25T08:00:00Z',
      start: '2026-11-23T00:00:00.000Z',
      end: '2026-11-30T00:00:00.000Z',
    },
    {
      title: 'puts an instant exactly on a boundary into the period that starts there',
      timeWindow: { duration: '1M', isRolling: false },
      now: '2026-12-01T00:00:00Z',
      start: '2026-12-01T00:00:00.000Z',
      end: '2027-01-01T00:00:00.000Z',
    },
    {
      title: 'accepts an ISO 8601 calendar start',
      timeWindow: { duration: '1Q', isRolling: false, calendar: { startTime: '2026-01-01T00:00:00', timeZone: 'UTC' } },
      now: '2026-11-29T12:00:00Z',
      start: '2026-10-01T00:00:00.000Z',
      end: '2027-01-01T00:00:00.000Z',
    },
  ])('$title', ({ timeWindow, now, start, end }) => {
    const bounds = sloWindowBounds(timeWindow, ms(now));
    expect(iso(bounds.startMs)).toBe(start);
    expect(iso(bounds.endMs)).toBe(end);
  });
});
