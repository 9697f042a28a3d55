import { doraWindowOf } from './schemas';

describe('doraWindowOf', () => {
  const now = Date.parse('2026-01-20T12:00:00Z');

  it('reads dates as whole days of the time zone, `to` included', () => {
    // Berlin is UTC+1 in January: 1 January starts at 23:00Z on 31 December; 14 January ends at 23:00Z on the 14th.
    expect(doraWindowOf({ from: '2026-01-01', to: '2026-01-14' }, now, 'Europe/Berlin')).toEqual({
      from: Date.parse('2025-12-31T23:00:00Z'),
      to: Date.parse('2026-01-14T23:00:00Z'),
    });
    expect(doraWindowOf({ from: '2026-01-01', to: '2026-01-14' }, now, 'UTC')).toEqual({
      from: Date.parse('2026-01-01T00:00:00Z'),
      to: Date.parse('2026-01-15T00:00:00Z'),
    });
  });

  it('takes date-times as given and defaults to the 90 days before now', () => {
    expect(doraWindowOf({ to: '2026-01-10T06:00:00+02:00' }, now, 'Europe/Berlin')).toEqual({
      from: Date.parse('2026-01-10T04:00:00Z') - 90 * 86_400_000,
      to: Date.parse('2026-01-10T04:00:00Z'),
    });
    expect(doraWindowOf({}, now, 'UTC')).toEqual({ from: now - 90 * 86_400_000, to: now });
  });
});
