import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { EntitySloCard } from './EntitySloCard';

describe('EntitySloCard', () => {
  it('explains how to define SLOs when there are none', async () => {
    await renderInTestApp(<EntitySloCard />);
    expect(screen.getByText('No SLOs defined yet')).toBeInTheDocument();
  });
});
