import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { OncallHealth } from '@pulse/plugin-pulse-common';
import { screen } from '@testing-library/react';
import { OncallApi, pulseOncallApiRef } from '../../api/OncallApi';
import { OncallReadingCell } from './OncallReadingCell';

const health = (pages: number, reading: OncallHealth['reading'], perShift: number) =>
  ({ pages, reading, metrics: { pagesPerShift: { value: perShift } } }) as unknown as OncallHealth;

describe('OncallReadingCell', () => {
  it('asks for a team’s figures by its ref and shows its reading and worst pages per shift', async () => {
    const getGroupHealth = jest.fn().mockResolvedValue(health(38, 'unhealthy', 2.75));
    await renderInTestApp(
      <TestApiProvider apis={[[pulseOncallApiRef, { getGroupHealth } as Partial<OncallApi>]]}>
        <OncallReadingCell entityRef="group:default/payments" />
      </TestApiProvider>,
    );
    expect(getGroupHealth).toHaveBeenCalledWith({ kind: 'group', metadata: { namespace: 'default', name: 'payments' } });
    expect(await screen.findByText('Unhealthy')).toBeInTheDocument();
    expect(screen.getByText('2.75 pages/shift')).toBeInTheDocument();
  });

  it('says "no pages" for a quiet service', async () => {
    const getEntityHealth = jest.fn().mockResolvedValue(health(0, 'healthy', 0));
    await renderInTestApp(
      <TestApiProvider apis={[[pulseOncallApiRef, { getEntityHealth } as Partial<OncallApi>]]}>
        <OncallReadingCell entityRef="component:default/search-api" />
      </TestApiProvider>,
    );
    expect(await screen.findByText('no pages')).toBeInTheDocument();
  });
});
