import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { IncidentPostmortemResponse } from '@pulse/plugin-pulse-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { pulseDecisionsApiRef } from '../../api/DecisionsApi';
import { decisionsApiAnswering } from '../EntityDecisions/decisionsFixtures';
import { PostmortemDialog, PostmortemDialogIncident } from './PostmortemDialog';

const incident: PostmortemDialogIncident = {
  id: 'inc-42',
  description: 'Checkout 500s',
  postmortemUrl: 'https://wiki.example.com/pm/old',
  learnings: { text: 'First draft', updatedBy: 'user:default/bob', updatedAt: '2026-11-22T09:30:00.000Z' },
};

const saved: IncidentPostmortemResponse = {
  id: 'inc-42',
  entityRef: 'component:default/checkout',
  postmortemUrl: 'https://wiki.example.com/pm/inc-42',
  postmortemRequired: true,
  postmortemStatus: 'done',
  learnings: { text: 'Alert on retries', updatedBy: 'user:default/bob', updatedAt: '2026-11-23T10:00:00.000Z' },
};

async function open(updateIncidentFollowUp: jest.Mock) {
  const onSaved = jest.fn();
  const onClose = jest.fn();
  await renderInTestApp(
    <TestApiProvider apis={[[pulseDecisionsApiRef, decisionsApiAnswering({ updateIncidentFollowUp })]]}>
      <PostmortemDialog incident={incident} onClose={onClose} onSaved={onSaved} />
    </TestApiProvider>,
  );
  return { dialog: within(await screen.findByTestId('postmortem-dialog')), onSaved, onClose };
}

describe('PostmortemDialog', () => {
  it('starts from what the incident has and saves the trimmed URL and learnings in one call', async () => {
    const update = jest.fn(async () => saved);
    const { dialog, onSaved } = await open(update);
    expect(dialog.getByLabelText('Postmortem URL')).toHaveValue('https://wiki.example.com/pm/old');
    expect(dialog.getByLabelText('Learnings')).toHaveValue('First draft');

    fireEvent.change(dialog.getByLabelText('Postmortem URL'), { target: { value: ' https://wiki.example.com/pm/inc-42 ' } });
    fireEvent.change(dialog.getByLabelText('Learnings'), { target: { value: '  Alert on retries\n' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(update).toHaveBeenCalledWith('inc-42', {
      postmortemUrl: 'https://wiki.example.com/pm/inc-42',
      learnings: 'Alert on retries',
    });
  });

  it('sends null for emptied fields, so that they are cleared', async () => {
    const update = jest.fn(async () => ({ ...saved, postmortemUrl: null, learnings: null }));
    const { dialog, onSaved } = await open(update);
    fireEvent.change(dialog.getByLabelText('Postmortem URL'), { target: { value: '' } });
    fireEvent.change(dialog.getByLabelText('Learnings'), { target: { value: '   ' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(update).toHaveBeenCalledWith('inc-42', { postmortemUrl: null, learnings: null });
  });

  it("shows the API's error inline and stays open", async () => {
    const update = jest.fn(async () => {
      throw new Error('Invalid incident: postmortemUrl: must be an http or https URL');
    });
    const { dialog, onSaved } = await open(update);
    fireEvent.click(dialog.getByRole('button', { name: 'Save' }));
    expect(await dialog.findByRole('alert')).toHaveTextContent('postmortemUrl: must be an http or https URL');
    expect(onSaved).not.toHaveBeenCalled();
    expect(screen.getByTestId('postmortem-dialog')).toBeInTheDocument();
  });
});
