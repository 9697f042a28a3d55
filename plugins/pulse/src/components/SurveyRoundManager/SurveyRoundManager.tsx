import { Progress, ResponseErrorPanel, Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { Box, Button, Typography } from '@material-ui/core';
import { pulseSurveyManagePermission, SurveyRoundSummary } from '@pulse/plugin-pulse-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { pulseSurveyApiRef } from '../../api/SurveyApi';
import { ConfirmActionDialog } from './ConfirmActionDialog';
import { NewRoundDialog } from './NewRoundDialog';
import { NewTemplateDialog } from './NewTemplateDialog';
import { instantText, participationText, roundStatusAt, targetText } from './roundFormat';

type OpenDialog =
  | { kind: 'round' }
  | { kind: 'template' }
  | { kind: 'close'; round: SurveyRoundSummary }
  | { kind: 'delete'; round: SurveyRoundSummary };

/** What the rest of the page needs to know after a change: the rounds changed, and which one was erased, if any. */
export type RoundsChanged = (deletedRoundId?: number) => void;

const columns = (
  now: number,
  act: (dialog: OpenDialog) => void,
): TableColumn<SurveyRoundSummary>[] => [
  {
    title: 'Round',
    render: r => (
      <>
        <Typography variant="body2">{r.title}</Typography>
        <Typography variant="caption" color="textSecondary">
          {r.templateId} v{r.templateVersion}
        </Typography>
      </>
    ),
  },
  { title: 'Target', render: r => targetText(r.target) },
  { title: 'Opens', render: r => instantText(r.opensAt) },
  {
    title: 'Closes',
    render: r => (r.closedAt ? `${instantText(r.closedAt)} (closed early)` : instantText(r.closesAt)),
  },
  { title: 'Status', render: r => roundStatusAt(r, now) },
  {
    title: 'Participation',
    render: r => (
      <>
        <Typography variant="body2">{participationText(r.participation)}</Typography>
        {r.participation.hidden && (
          <Typography variant="caption" color="textSecondary">
            {r.participation.reason}
          </Typography>
        )}
      </>
    ),
  },
  {
    title: 'Actions',
    render: r => (
      // Buttons keep their words whole ("Delete", not "Delet-e") however narrow the column gets.
      <Box display="flex" style={{ gap: 8, whiteSpace: 'nowrap' }}>
        {roundStatusAt(r, now) === 'open' && (
          <Button size="small" variant="outlined" onClick={() => act({ kind: 'close', round: r })}>
            Close now
          </Button>
        )}
        <Button size="small" variant="outlined" onClick={() => act({ kind: 'delete', round: r })}>
          Delete
        </Button>
      </Box>
    ),
  },
];

/**
 * The platform team's controls for survey rounds: every round with its target, times, status and participation (as
 * far as the anonymity rules show it), "New round", "New template", and per round "Close now" and "Delete".
 */
export const SurveyRoundManager = ({ onRoundsChanged }: { onRoundsChanged?: RoundsChanged }) => {
  const api = useApi(pulseSurveyApiRef);
  const rounds = useAsyncRetry(() => api.getRounds(), [api]);
  const templates = useAsyncRetry(() => api.getTemplates(), [api]);
  const [dialog, setDialog] = useState<OpenDialog>();

  /** After a change: close the dialog, list the rounds again, tell the page. */
  const changed = (deletedRoundId?: number) => {
    setDialog(undefined);
    rounds.retry();
    onRoundsChanged?.(deletedRoundId);
  };

  const table = () => {
    if (rounds.loading && !rounds.value) return <Progress />;
    if (rounds.error) return <ResponseErrorPanel error={rounds.error} />;
    return (
      <Table
        title="Survey rounds"
        // Not draggable: a draggable header is a button around the sort button (axe: nested-interactive).
        options={{ paging: (rounds.value?.length ?? 0) > 10, pageSize: 10, search: false, padding: 'dense', draggable: false }}
        columns={columns(Date.now(), setDialog)}
        data={rounds.value ?? []}
      />
    );
  };

  return (
    <Box data-testid="survey-round-manager" mb={3}>
      <Box display="flex" mb={1} style={{ gap: 8 }}>
        <Button variant="contained" color="primary" disabled={!templates.value} onClick={() => setDialog({ kind: 'round' })}>
          New round
        </Button>
        <Button variant="outlined" onClick={() => setDialog({ kind: 'template' })}>
          New template
        </Button>
      </Box>
      {templates.error && (
        <Typography color="error" role="alert">
          New round needs the templates, which could not be read: {templates.error.message}
        </Typography>
      )}
      {table()}
      {dialog?.kind === 'round' && (
        <NewRoundDialog
          templates={templates.value ?? []}
          onClose={() => setDialog(undefined)}
          onCreate={async input => {
            await api.createRound(input);
            changed();
          }}
        />
      )}
      {dialog?.kind === 'template' && (
        <NewTemplateDialog
          onClose={() => setDialog(undefined)}
          onCreate={async template => {
            await api.createTemplate(template);
            setDialog(undefined);
            templates.retry();
          }}
        />
      )}
      {dialog?.kind === 'close' && (
        <ConfirmActionDialog
          title={`Close "${dialog.round.title}" now?`}
          action="Close now"
          onClose={() => setDialog(undefined)}
          onConfirm={async () => {
            await api.closeRound(dialog.round.id);
            changed();
          }}
        >
          No more answers are taken. The round is finalized at once: its waiting answers are released and who took part
          is reduced to counts per group. This cannot be undone.
        </ConfirmActionDialog>
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmActionDialog
          title={`Delete "${dialog.round.title}"?`}
          action="Delete"
          onClose={() => setDialog(undefined)}
          onConfirm={async () => {
            await api.deleteRound(dialog.round.id);
            changed(dialog.round.id);
          }}
        >
          The round is erased with every answer, its participation and its results. This cannot be undone.
        </ConfirmActionDialog>
      )}
    </Box>
  );
};

/** The round manager for holders of pulse.survey.manage; nothing at all for everyone else. */
export const PermittedSurveyRoundManager = (props: { onRoundsChanged?: RoundsChanged }) => {
  const { loading, allowed } = usePermission({ permission: pulseSurveyManagePermission });
  if (loading || !allowed) return null;
  return <SurveyRoundManager {...props} />;
};
