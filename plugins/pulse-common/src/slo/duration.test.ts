import { parseSloDuration, sloFixedDurationMillis, sloLuxonDuration } from './duration';

describe('parseSloDuration', () => {
  it.each([
    ['28d', { amount: 28, unit: 'd' }],
    ['1M', { amount: 1, unit: 'M' }],
    ['5m', { amount: 5, unit: 'm' }],
    ['30s', { amount: 30, unit: 's' }],
  ])('parses %s', (text, expected) => {
    expect(parseSloDuration(text)).toEqual(expected);
  });

  it.each(['0d', '28', 'd', '1.5d', '-1d', '28 d', '1x', ''])('rejects %p', text => {
    expect(() => parseSloDuration(text)).toThrow(/Invalid duration/);
  });
});

describe('sloFixedDurationMillis', () => {
  it('converts fixed units to milliseconds', () => {
    expect(sloFixedDurationMillis('30s')).toBe(30_000);
    expect(sloFixedDurationMillis('5m')).toBe(300_000);
    expect(sloFixedDurationMillis('6h')).toBe(21_600_000);
    expect(sloFixedDurationMillis('28d')).toBe(2_419_200_000);
    expect(sloFixedDurationMillis('1w')).toBe(604_800_000);
  });

  it('refuses calendar units, whose length depends on the date', () => {
    expect(() => sloFixedDurationMillis('1M')).toThrow(/no fixed length/);
    expect(() => sloFixedDurationMillis('1Q')).toThrow(/no fixed length/);
  });
});

describe('sloLuxonDuration', () => {
  it('maps OpenSLO units to calendar-aware luxon units', () => {
    expect(sloLuxonDuration('1M').toObject()).toEqual({ months: 1 });
    expect(sloLuxonDuration('1Q').toObject()).toEqual({ quarters: 1 });
    expect(sloLuxonDuration('2w').toObject()).toEqual({ weeks: 2 });
  });
});
