import { permissionApiRef } from '@backstage/plugin-permission-react';
import { mockApis, renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { defaultSurveyTemplate, SurveyRoundSummary } from '@pulse/plugin-pulse-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiRefusalError } from '../../api/ApiRefusalError';
import { pulseSurveyApiRef, SurveyApi } from '../../api/SurveyApi';
import { PermittedSurveyRoundManager } from './SurveyRoundManager';

const hour = 3_600_000;
const iso = (offset: number) => new Date(Date.now() + offset).toISOString();
const base = {
  templateId: 'developer-experience-5min',
  templateVersion: 1,
  audience: 'owners' as const,
  createdBy: 'user:default/ada',
  createdAt: '2026-10-01T00:00:00.000Z',
};

/**
 * Newest first. The API's `status` fields are stale on purpose: the table computes the status from the times, as the
 * backend does (round 7 has opened since it was listed; round 5 was closed early by a manager).
 */
const rounds: SurveyRoundSummary[] = [
  {
    ...base,
    id: 8,
    title: 'Next quarter',
    target: { type: 'components' },
    opensAt: iso(24 * hour),
    closesAt: iso(48 * hour),
    status: 'scheduled',
    participation: { hidden: true, reason: 'Participation shows once the round has closed' },
  },
  {
    ...base,
    id: 7,
    title: 'Payments pulse',
    target: { type: 'group', groupRef: 'group:default/payments' },
    opensAt: iso(-hour),
    closesAt: iso(24 * hour),
    status: 'scheduled',
    participation: { hidden: true, reason: 'Participation shows once the round has closed' },
  },
  {
    ...base,
    id: 5,
    title: 'Checkout pulse',
    target: { type: 'entity', entityRef: 'component:default/checkout' },
    opensAt: '2026-10-01T09:00:00.000Z',
    closesAt: '2099-10-15T17:00:00.000Z',
    closedAt: '2026-10-03T12:30:00.000Z',
    status: 'closed',
    participation: { hidden: false, audienceSize: 8, participants: 6, rate: 0.75 },
  },
];

const templates = [defaultSurveyTemplate, { id: 'tooling-pulse', title: 'Tooling pulse', version: 1, questions: [] }];

function api(overrides: Partial<SurveyApi> = {}) {
  return {
    getRounds: jest.fn().mockResolvedValue(rounds),
    getTemplates: jest.fn().mockResolvedValue(templates),
    createRound: jest.fn().mockResolvedValue(rounds[0]),
    closeRound: jest.fn().mockResolvedValue(rounds[1]),
    deleteRound: jest.fn().mockResolvedValue(undefined),
    createTemplate: jest.fn(async t => t),
    ...overrides,
  };
}

/** A 400 as the client rejects it: the server's message and the fields its body names. */
const refused = (errors: { path: string; message: string }[]) =>
  new ApiRefusalError(`Invalid round: ${errors.map(e => `${e.path}: ${e.message}`).join('; ')}`, 400, {
    error: { name: 'InputError', message: 'Invalid round' },
    errors,
  });

/**
 * Renders the manager for a holder of pulse.survey.manage. (Someone without it is tested on the page: the permission
 * answer is cached per permission for the whole test file.)
 */
async function renderManager(surveyApi: ReturnType<typeof api>) {
  // AuthorizeResult.ALLOW of @backstage/plugin-permission-common (not a dependency of this package).
  const authorize = jest.fn(() => 'ALLOW' as const);
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [pulseSurveyApiRef, surveyApi],
        [permissionApiRef, mockApis.permission({ authorize })],
      ]}
    >
      <PermittedSurveyRoundManager />
    </TestApiProvider>,
  );
  return authorize;
}

const rowOf = (title: string) => screen.getByText(title).closest('tr')!;

describe('SurveyRoundManager', () => {
  it('lists every round with its target, times, status computed from the times, and participation or why not', async () => {
    const surveyApi = api();
    const authorize = await renderManager(surveyApi);
    expect(await screen.findByTestId('survey-round-manager')).toBeInTheDocument();
    expect(authorize).toHaveBeenCalledWith(
      expect.objectContaining({ permission: expect.objectContaining({ name: 'pulse.survey.manage' }) }),
    );
    expect(await screen.findByText('Survey rounds')).toBeInTheDocument();

    const next = within(rowOf('Next quarter'));
    expect(next.getByText('All components')).toBeInTheDocument();
    expect(next.getByText('scheduled')).toBeInTheDocument();
    expect(next.getByText('hidden')).toBeInTheDocument();
    expect(next.getByText('Participation shows once the round has closed')).toBeInTheDocument();
    expect(next.queryByRole('button', { name: 'Close now' })).toBeNull();

    // Listed as scheduled, but its opensAt has passed: open, so it can be closed.
    const payments = within(rowOf('Payments pulse'));
    expect(payments.getByText('Group group:default/payments')).toBeInTheDocument();
    expect(payments.getByText('open')).toBeInTheDocument();
    expect(payments.getByRole('button', { name: 'Close now' })).toBeInTheDocument();

    // Closed early by a manager, though its closesAt is far ahead: 6 of 8 took part = 75%.
    const checkout = within(rowOf('Checkout pulse'));
    expect(checkout.getByText('Entity component:default/checkout')).toBeInTheDocument();
    expect(checkout.getByText('2026-10-01 09:00 UTC')).toBeInTheDocument();
    expect(checkout.getByText('2026-10-03 12:30 UTC (closed early)')).toBeInTheDocument();
    expect(checkout.getByText('closed')).toBeInTheDocument();
    expect(checkout.getByText('75% (6 of 8)')).toBeInTheDocument();
    expect(checkout.queryByRole('button', { name: 'Close now' })).toBeNull();
    expect(checkout.getByRole('button', { name: 'Delete' })).toBeInTheDocument();
  });

  it('creates a round from the dialog, with local times sent as ISO instants, and lists the rounds again', async () => {
    const surveyApi = api();
    await renderManager(surveyApi);
    fireEvent.click(await screen.findByRole('button', { name: 'New round' }));
    const dialog = within(await screen.findByRole('dialog'));
    // The templates come from GET /surveys/templates; the default one is picked first.
    expect((dialog.getByLabelText('Template') as HTMLSelectElement).value).toBe('developer-experience-5min');
    expect(dialog.queryByLabelText('Target ref')).toBeNull();

    fireEvent.change(dialog.getByLabelText(/^Title/), { target: { value: 'Payments Q1' } });
    fireEvent.change(dialog.getByLabelText('Template'), { target: { value: 'tooling-pulse' } });
    fireEvent.change(dialog.getByLabelText('Target'), { target: { value: 'group' } });
    fireEvent.change(dialog.getByLabelText(/^Target ref/), { target: { value: 'group:default/payments' } });
    fireEvent.change(dialog.getByLabelText('Opens at'), { target: { value: '2026-12-01T09:00' } });
    fireEvent.change(dialog.getByLabelText('Closes at'), { target: { value: '2026-12-15T17:30' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(surveyApi.createRound).toHaveBeenCalledTimes(1));
    expect(surveyApi.createRound).toHaveBeenCalledWith({
      title: 'Payments Q1',
      templateId: 'tooling-pulse',
      target: { type: 'group', groupRef: 'group:default/payments' },
      // The inputs hold the viewer's wall time: 09:00 on 1 December 2026 where the browser is.
      opensAt: new Date(2026, 11, 1, 9, 0).toISOString(),
      closesAt: new Date(2026, 11, 15, 17, 30).toISOString(),
      audience: 'owners',
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(surveyApi.getRounds).toHaveBeenCalledTimes(2);
  });

  it('shows the API\'s 400 next to the field it names, and other refusals under the form', async () => {
    const createRound = jest
      .fn()
      .mockRejectedValueOnce(
        refused([
          { path: 'closesAt', message: 'must be after opensAt' },
          { path: 'target.entityRef', message: "is required for a target of type 'entity'" },
        ]),
      )
      .mockRejectedValueOnce(new ApiRefusalError('You are not allowed to manage surveys', 403, {}));
    await renderManager(api({ createRound }));
    fireEvent.click(await screen.findByRole('button', { name: 'New round' }));
    const dialog = within(await screen.findByRole('dialog'));
    fireEvent.change(dialog.getByLabelText('Target'), { target: { value: 'entity' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(dialog.getByLabelText('Closes at')).toHaveAccessibleDescription('must be after opensAt'));
    expect(dialog.getByLabelText(/^Target ref/)).toHaveAccessibleDescription("is required for a target of type 'entity'");
    expect(dialog.getByLabelText('Opens at')).not.toHaveAccessibleDescription();
    expect(dialog.queryByRole('alert')).toBeNull();

    fireEvent.click(dialog.getByRole('button', { name: 'Create' }));
    expect(await dialog.findByRole('alert')).toHaveTextContent('You are not allowed to manage surveys');
    expect(dialog.getByLabelText('Closes at')).not.toHaveAccessibleDescription();
  });

  it('says why New round is unavailable when the templates cannot be read', async () => {
    await renderManager(api({ getTemplates: jest.fn().mockRejectedValue(new Error('pulse backend down')) }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'New round needs the templates, which could not be read: pulse backend down',
    );
    expect(screen.getByRole('button', { name: 'New round' })).toBeDisabled();
  });

  it('closes an open round after confirming, and lists the rounds again', async () => {
    const surveyApi = api();
    await renderManager(surveyApi);
    await screen.findByText('Payments pulse');
    fireEvent.click(within(rowOf('Payments pulse')).getByRole('button', { name: 'Close now' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText('Close "Payments pulse" now?')).toBeInTheDocument();
    expect(surveyApi.closeRound).not.toHaveBeenCalled();
    fireEvent.click(dialog.getByRole('button', { name: 'Close now' }));
    await waitFor(() => expect(surveyApi.closeRound).toHaveBeenCalledWith(7));
    await waitFor(() => expect(surveyApi.getRounds).toHaveBeenCalledTimes(2));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('deletes a round after confirming; Cancel deletes nothing; a refusal stays in the dialog', async () => {
    const deleteRound = jest.fn().mockRejectedValueOnce(new Error('No survey round 5')).mockResolvedValue(undefined);
    const surveyApi = api({ deleteRound });
    await renderManager(surveyApi);
    await screen.findByText('Checkout pulse');

    fireEvent.click(within(rowOf('Checkout pulse')).getByRole('button', { name: 'Delete' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(deleteRound).not.toHaveBeenCalled();

    fireEvent.click(within(rowOf('Checkout pulse')).getByRole('button', { name: 'Delete' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText('Delete "Checkout pulse"?')).toBeInTheDocument();
    fireEvent.click(dialog.getByRole('button', { name: 'Delete' }));
    expect(await dialog.findByRole('alert')).toHaveTextContent('No survey round 5');
    fireEvent.click(dialog.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(deleteRound).toHaveBeenCalledTimes(2));
    expect(deleteRound).toHaveBeenLastCalledWith(5);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(surveyApi.getRounds).toHaveBeenCalledTimes(2);
  });
});
