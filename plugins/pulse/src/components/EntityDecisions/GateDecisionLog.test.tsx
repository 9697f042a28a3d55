import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { pulseDecisionsApiRef } from '../../api/DecisionsApi';
import { checkoutGateDecisions, decisionsApiAnswering } from './decisionsFixtures';
import { GateDecisionLog } from './GateDecisionLog';

const entity = { kind: 'Component', metadata: { name: 'checkout', namespace: 'default' } };

describe('GateDecisionLog', () => {
  it('colours each decision by what it means and nests no block inside a paragraph', async () => {
    const errors = jest.spyOn(console, 'error');
    const api = decisionsApiAnswering({ getGateDecisions: jest.fn(async () => checkoutGateDecisions) });
    await renderInTestApp(
      <TestApiProvider apis={[[pulseDecisionsApiRef, api]]}>
        <GateDecisionLog entity={entity} />
      </TestApiProvider>,
    );
    const log = await screen.findByTestId('gate-decision-log');
    // The fixtures hold an allow (good, green) and a block (bad, red): two different StatusChip tones.
    const allow = screen.getByText('allow').closest('.MuiChip-root');
    const block = screen.getByText('block').closest('.MuiChip-root');
    expect(allow?.className).toMatch(/good/);
    expect(block?.className).toMatch(/bad/);
    expect(log.querySelector('p div')).toBeNull();
    expect(errors.mock.calls.flat().join(' ')).not.toMatch(/validateDOMNesting/);
    errors.mockRestore();
  });
});
