import { localDayNumber, sloWindowDays, zoneOffsetSpans } from './days';

const HOUR = 3_600_000;

describe('zoneOffsetSpans', () => {
  it('finds the end of summer time in Berlin to the millisecond', () => {
    // 25 October 2026, 03:00 CEST = 01:00 UTC, clocks go back to 02:00 CET: +2h before, +1h from then on.
    const from = Date.parse('2026-10-01T00:00:00Z');
    const to = Date.parse('2026-11-01T00:00:00Z');
    expect(zoneOffsetSpans('Europe/Berlin', from, to)).toEqual([
      { fromMs: from, offsetMs: 2 * HOUR },
      { fromMs: Date.parse('2026-10-25T01:00:00Z'), offsetMs: HOUR },
    ]);
  });

  it('is one span in UTC and in a zone without daylight saving time', () => {
    const from = Date.parse('2026-01-01T00:00:00Z');
    expect(zoneOffsetSpans('UTC', from, from + 365 * 24 * HOUR)).toEqual([{ fromMs: from, offsetMs: 0 }]);
    expect(zoneOffsetSpans('Asia/Kolkata', from, from + 40 * 24 * HOUR)).toEqual([{ fromMs: from, offsetMs: 5.5 * HOUR }]);
  });
});

describe('localDayNumber', () => {
  it('counts local dates: 23:30 UTC on 31 October is already 1 November in Kolkata (+05:30)', () => {
    // 2026-10-31 is day 20,757 since 1970-01-01 (UTC); 2026-11-01 is 20,758.
    expect(localDayNumber('UTC', Date.parse('2026-10-31T23:30:00Z'))).toBe(20_757);
    expect(localDayNumber('Asia/Kolkata', Date.parse('2026-10-31T23:30:00Z'))).toBe(20_758);
  });
});

describe('sloWindowDays', () => {
  it('cuts the first and the running day to the window and now', () => {
    const startMs = Date.parse('2026-11-01T12:00:00Z');
    const days = sloWindowDays(
      { startMs, endMs: startMs + 28 * 24 * HOUR, lengthMs: 28 * 24 * HOUR, timeZone: 'UTC' },
      Date.parse('2026-11-02T06:00:00Z'),
    );
    expect(days).toEqual([
      { day: 0, date: '2026-11-01', startMs, endMs: Date.parse('2026-11-02T00:00:00Z') },
      { day: 1, date: '2026-11-02', startMs: Date.parse('2026-11-02T00:00:00Z'), endMs: Date.parse('2026-11-02T06:00:00Z') },
    ]);
  });
});
