import { renderInTestApp } from '@backstage/test-utils';
import { DoraWeek } from '@pulse/plugin-pulse-common';
import { screen } from '@testing-library/react';
import { DoraSparkline, isolatedValues } from './DoraSparkline';

/** Weeks from 2026-01-05 with the given recovery times (null: no recovery that week). */
const weeks = (recovery: (number | null)[]): DoraWeek[] =>
  recovery.map((recoveryTimeHours, i) => ({
    start: new Date(Date.UTC(2026, 0, 5 + 7 * i)).toISOString(),
    end: new Date(Date.UTC(2026, 0, 12 + 7 * i)).toISOString(),
    deployments: 1,
    deploymentsPerDay: 1 / 7,
    leadTimeHours: null,
    changeFailureRate: null,
    recoveryTimeHours,
    reworkRate: null,
  }));

describe('isolatedValues', () => {
  it('marks a value only when both neighbours are missing', () => {
    // index 0: no left neighbour, right is null -> isolated; 2 and 3 neighbour each other; 5 is last with null before.
    expect(isolatedValues([1.5, null, 2, 3, null, 4])).toEqual([true, false, false, false, false, true]);
    expect(isolatedValues([null, null])).toEqual([false, false]);
    expect(isolatedValues([7])).toEqual([true]);
  });
});

describe('DoraSparkline', () => {
  const dots = () => document.querySelectorAll('.pulse-sparkline-dot');

  it('draws a single week as a dot, not nothing', async () => {
    await renderInTestApp(
      <DoraSparkline weekly={weeks([null, 1.5, null])} field="recoveryTimeHours" label="Recovery time (h)" />,
    );
    expect(dots()).toHaveLength(1);
    expect(screen.getByRole('figure', { name: 'Recovery time (h) per week' })).toHaveTextContent('2026-01-121.5');
  });

  it('draws connected weeks as a line without dots, and dots the lone one after a gap', async () => {
    await renderInTestApp(
      <DoraSparkline weekly={weeks([1, 2, null, 3])} field="recoveryTimeHours" label="Recovery time (h)" />,
    );
    // 1 and 2 join into a line; 3 stands alone after the gap.
    expect(dots()).toHaveLength(1);
    expect(document.querySelector('path.recharts-line-curve')).not.toBeNull();
  });
});
