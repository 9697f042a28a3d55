import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { pulseDecisionsApiRef } from '../../api/DecisionsApi';
import { checkoutOutstanding, decisionsApiAnswering } from './decisionsFixtures';
import { OutstandingPostmortems } from './OutstandingPostmortems';

const checkout = { kind: 'Component', metadata: { name: 'checkout', namespace: 'default' } };

const render = (canEdit: boolean) =>
  renderInTestApp(
    <TestApiProvider
      apis={[[pulseDecisionsApiRef, decisionsApiAnswering({ getOutstandingPostmortems: async () => ({ ...checkoutOutstanding, canEdit }) })]]}
    >
      <OutstandingPostmortems entity={checkout} />
    </TestApiProvider>,
  );

describe('OutstandingPostmortems', () => {
  it('lets an editor open the postmortem dialog from an outstanding incident', async () => {
    await render(true);
    const list = within(await screen.findByTestId('outstanding-postmortems'));
    // inc-42 spent 0.3 of a budget: "30.0%".
    expect(list.getByText(/inc-42 \(Checkout 500s\): spent 30.0% of a budget/)).toBeInTheDocument();
    expect(list.queryByText(/PATCH/)).not.toBeInTheDocument();
    fireEvent.click(list.getByRole('button', { name: 'Link postmortem' }));
    const dialog = within(await screen.findByTestId('postmortem-dialog'));
    expect(dialog.getByLabelText('Postmortem URL')).toHaveValue('');
    expect(dialog.getByLabelText('Learnings')).toHaveValue('');
  });

  it('shows no button to a reader who may not edit', async () => {
    await render(false);
    await screen.findByTestId('outstanding-postmortems');
    expect(screen.queryByRole('button', { name: 'Link postmortem' })).not.toBeInTheDocument();
  });
});
