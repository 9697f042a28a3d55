import { incidentReviewMonth, incidentReviewMonthOf } from './reviewMonth';

describe('incidentReviewMonth', () => {
  it('is the UTC month as [from, to)', () => {
    expect(incidentReviewMonth('2026-11')).toEqual({
      month: '2026-11',
      fromMs: Date.UTC(2026, 10, 1),
      toMs: Date.UTC(2026, 11, 1),
    });
    expect(incidentReviewMonth('2024-02')!.toMs - incidentReviewMonth('2024-02')!.fromMs).toBe(29 * 86_400_000);
    expect(incidentReviewMonth('2026-12')!.toMs).toBe(Date.UTC(2027, 0, 1));
  });

  it('rejects what is not a month', () => {
    for (const bad of ['2026-13', '2026-1', '26-11', '2026-11-01', '']) {
      expect(incidentReviewMonth(bad)).toBeUndefined();
    }
  });

  it('names the month of an instant', () => {
    expect(incidentReviewMonthOf(Date.UTC(2026, 10, 30, 23, 59))).toBe('2026-11');
  });
});
