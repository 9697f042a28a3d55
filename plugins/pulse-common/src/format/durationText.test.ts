import { formatDurationHours, formatDurationMinutes, pluralize } from './durationText';

describe('formatDurationHours', () => {
  it('shows minutes under an hour', () => {
    // 0.75 h x 60 = 45 min; 0.991 h x 60 = 59.46 -> 59 min
    expect(formatDurationHours(0.75)).toBe('45 min');
    expect(formatDurationHours(0.991)).toBe('59 min');
    expect(formatDurationHours(0)).toBe('0 min');
  });

  it('shows hours from one hour up to (not including) two days', () => {
    expect(formatDurationHours(1)).toBe('1.0 h');
    expect(formatDurationHours(25.44)).toBe('25.4 h');
    // 47.9 h is still under 48 h
    expect(formatDurationHours(47.9)).toBe('47.9 h');
  });

  it('shows days from two days on', () => {
    // 48 h / 24 = 2.0 days; 1025.5 h / 24 = 42.729... -> 42.7 days
    expect(formatDurationHours(48)).toBe('2.0 days');
    expect(formatDurationHours(1025.5)).toBe('42.7 days');
  });
});

describe('formatDurationMinutes', () => {
  it('follows the same policy', () => {
    // 95 min = 1.5833 h -> 1.6 h; 3000 min = 50 h = 2.0833 days -> 2.1 days; 30 min stays minutes
    expect(formatDurationMinutes(95)).toBe('1.6 h');
    expect(formatDurationMinutes(3000)).toBe('2.1 days');
    expect(formatDurationMinutes(30)).toBe('30 min');
  });
});

describe('pluralize', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(pluralize(1, 'recovery', 'recoveries')).toBe('1 recovery');
    expect(pluralize(2, 'recovery', 'recoveries')).toBe('2 recoveries');
    expect(pluralize(0, 'change')).toBe('0 changes');
    expect(pluralize(1, 'change')).toBe('1 change');
  });
});
