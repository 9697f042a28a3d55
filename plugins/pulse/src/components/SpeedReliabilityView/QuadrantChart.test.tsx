import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { coLocatedServices, PlacedService } from './coLocatedServices';
import { ServiceTooltip } from './QuadrantChart';

const service = (name: string, deploymentsPerDay: number, budgetRemaining: number): PlacedService => ({
  entityRef: `component:default/${name}`,
  title: name,
  ownerRef: 'group:default/payments',
  deploymentsPerDay,
  deploymentFrequencyTier: 'high',
  leadTimeHours: 10,
  leadTimeTier: 'high',
  budgetRemaining,
  changeFailureRatePercent: 5,
  changeFailureRateTier: 'elite',
  quadrant: 'ship-with-confidence',
  reading: 'Ship with confidence',
  fast: true,
  reliable: true,
});

/**
 * Spans: deployments 0.2..2.2 (2.0), budget -0.5..0.9 (1.4); "on the same spot" is within 1% of each: 0.02 per day and
 * 0.014 of budget. cart is 0.01/day and 0.01 budget from checkout (inside both); search is 0.1/day away (outside).
 */
const checkout = service('checkout', 1.2, 0.5);
const cart = service('cart', 1.21, 0.51);
const search = service('search', 1.3, 0.5);
const placed = [checkout, cart, search, service('legacy', 0.2, -0.5), service('edge', 2.2, 0.9)];

describe('coLocatedServices', () => {
  it('finds the services drawn on the same spot, itself included', () => {
    expect(coLocatedServices(placed, checkout).map(s => s.title)).toEqual(['checkout', 'cart']);
    expect(coLocatedServices(placed, search).map(s => s.title)).toEqual(['search']);
  });

  it('treats identical values as one spot even when every service shares them (no span)', () => {
    const twins = [service('a', 1, 1), service('b', 1, 1)];
    expect(coLocatedServices(twins, twins[1]).map(s => s.title)).toEqual(['a', 'b']);
  });
});

describe('ServiceTooltip', () => {
  it('names every service at the hovered point with its numbers in the table units', async () => {
    await renderInTestApp(<ServiceTooltip active payload={[{ payload: cart }]} placed={placed} />);
    const tooltip = screen.getByTestId('quadrant-tooltip');
    expect(tooltip).toHaveTextContent('2 services at this point');
    // checkout: 1.20/day, 50.0%; cart: 1.21/day, 51.0%.
    expect(tooltip).toHaveTextContent(
      'checkoutShip with confidenceDeployments per day: 1.20Error budget remaining: 50.0%' +
        'cartShip with confidenceDeployments per day: 1.21Error budget remaining: 51.0%',
    );
  });

  it('names a lone service without a count', async () => {
    await renderInTestApp(<ServiceTooltip active payload={[{ payload: search }]} placed={placed} />);
    expect(screen.getByTestId('quadrant-tooltip')).toHaveTextContent(
      /^searchShip with confidenceDeployments per day: 1\.30Error budget remaining: 50\.0%$/,
    );
  });
});
