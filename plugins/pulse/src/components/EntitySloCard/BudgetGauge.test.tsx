import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { BudgetGauge } from './BudgetGauge';

// r = 40, so the ring is 2π·40 ≈ 251.33 long; the arc's first dash is the filled part.
const dash = () => Number(screen.getByTestId('slo-budget-gauge-arc').getAttribute('stroke-dasharray')!.split(' ')[0]);

describe('BudgetGauge', () => {
  it('reads the same percentage as the text and fills that share of the ring', async () => {
    await renderInTestApp(<BudgetGauge remainingFraction={0.602} />);
    expect(screen.getByTestId('slo-budget-gauge')).toHaveTextContent('60.2%');
    expect(screen.getByRole('img', { name: 'Budget remaining 60.2%' })).toBeInTheDocument();
    // 0.602 x 251.33 = 151.3
    expect(dash()).toBeCloseTo(151.3, 1);
    expect(screen.queryByTestId('slo-budget-overspent')).toBeNull();
  });

  it('shows an overspent budget as a full red ring with the negative figure, never 0%', async () => {
    await renderInTestApp(<BudgetGauge remainingFraction={-0.791} />);
    expect(screen.getByTestId('slo-budget-gauge')).toHaveTextContent('-79.1%');
    expect(screen.queryByText('0%')).toBeNull();
    expect(screen.getByRole('img', { name: 'Budget remaining -79.1%, overspent' })).toBeInTheDocument();
    expect(dash()).toBeCloseTo(251.33, 1); // the whole ring
    expect(screen.getByTestId('slo-budget-gauge-arc')).toHaveAttribute('stroke', '#f44336'); // MUI v4's default error.main (Backstage's light palette sets none)
    expect(screen.getByTestId('slo-budget-overspent')).toHaveTextContent('Overspent by 79.1% of the budget');
  });
});
