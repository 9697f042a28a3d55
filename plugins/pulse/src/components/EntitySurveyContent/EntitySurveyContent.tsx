import { EmptyState, InfoCard, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Grid, Typography } from '@material-ui/core';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { surveyResultsTiming } from '@pulse/plugin-pulse-common';
import { pulseSurveyApiRef } from '../../api/SurveyApi';
import { formatClosingTime } from './format';
import { SurveyForm } from './SurveyForm';
import { SurveyResultsView } from './SurveyResultsView';

/** The "Developer satisfaction" tab: the open round's form for the signed-in user, else the results. */
export const EntitySurveyContent = () => {
  const { entity } = useEntity();
  const api = useApi(pulseSurveyApiRef);
  const [thanked, setThanked] = useState(false);
  const { value: view, loading, error, retry } = useAsyncRetry(() => api.getEntitySurvey(entity), [api, entity]);

  if (loading && !view) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!view) return null;

  const { round } = view;
  return (
    <Grid container spacing={3}>
      {round && !view.hasResponded && (
        <Grid item xs={12}>
          <SurveyForm
            template={round.template}
            title={round.title}
            closesAt={round.closesAt}
            onSubmit={async answers => {
              await api.submitResponse(round.id, { entityRef: view.entityRef, answers });
              setThanked(true);
              retry();
            }}
          />
        </Grid>
      )}
      {thanked && (
        <Grid item xs={12}>
          <InfoCard>
            <Typography variant="h6">Thank you for answering!</Typography>
            <Typography>
              Your answers are stored without your name, and never in the order people answer.{' '}
              {surveyResultsTiming(view.openResults, view.minRespondents)}
            </Typography>
          </InfoCard>
        </Grid>
      )}
      {round && view.hasResponded && !thanked && (
        // One answer per person per round, on whichever entity: said here too, not only where the answer was given.
        <Grid item xs={12}>
          <InfoCard>
            <Typography data-testid="survey-already-answered">
              You already answered this round ({round.title}), here or on another entity: one answer per person per
              round. It closes {formatClosingTime(round.closesAt)}.
            </Typography>
          </InfoCard>
        </Grid>
      )}
      {(!round || view.hasResponded) && (
        <Grid item xs={12}>
          {view.results ? (
            <>
              <SurveyResultsView results={view.results} trend={view.trend} />
              {/* Primary text: the secondary grey on the page's grey is 4.47:1, under WCAG AA's 4.5:1. */}
              <Typography variant="body2">{surveyResultsTiming(view.openResults, view.minRespondents)}</Typography>
            </>
          ) : (
            <EmptyState
              missing="data"
              title="No survey round is open"
              description="There are no survey results for this entity yet. A platform team opens survey rounds through the Pulse API (POST /api/pulse/surveys/rounds)."
            />
          )}
        </Grid>
      )}
    </Grid>
  );
};
