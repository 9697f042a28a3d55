import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Grid, TextField, Typography } from '@material-ui/core';
import { incidentReviewMonthOf } from '@pulse/plugin-pulse-common';
import { useState } from 'react';
import { Route, Routes, useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { pulseDecisionsApiRef } from '../../api/DecisionsApi';
import { percentText } from '../EntityDecisions';
import { IncidentReviewTable } from './IncidentReviewTable';

/** One month's review for a team (`groupRef`) or the organisation. */
export const IncidentReview = ({ month, groupRef }: { month: string; groupRef?: string }) => {
  const api = useApi(pulseDecisionsApiRef);
  const { value, loading, error } = useAsync(() => api.getIncidentReview({ month, groupRef }), [api, month, groupRef]);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel title="Could not load the incident review" error={error} />;
  if (!value || value.incidents.length === 0) {
    return (
      <EmptyState
        missing="data"
        title={`No production incidents in ${month}`}
        description="Incidents arrive through POST /api/pulse/dora/incidents or CDEvents incident events; with SLOs defined, each one's budget spend is computed from the SLI samples during it."
      />
    );
  }
  const { summary } = value;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard title="Summary" subheader={`Postmortem required above ${percentText(value.postmortemThreshold)} of any error budget`}>
          <Typography variant="body1" data-testid="review-summary">
            {summary.incidents} incident(s), {summary.totalDurationMinutes} minutes in total ·{' '}
            {summary.postmortemsRequired} postmortem(s) required, {summary.postmortemsDone} done,{' '}
            {summary.postmortemsOutstanding} outstanding
          </Typography>
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <IncidentReviewTable incidents={value.incidents} />
      </Grid>
    </Grid>
  );
};

const TeamReview = ({ month }: { month: string }) => {
  const { namespace = 'default', name = '' } = useParams();
  return <IncidentReview month={month} groupRef={`group:${namespace}/${name}`} />;
};

/** The monthly incident review of the organisation at /pulse/review, of a team under /groups/:namespace/:name. */
export const IncidentReviewPage = () => {
  const [month, setMonth] = useState(() => incidentReviewMonthOf(Date.now()));
  return (
    <Page themeId="tool">
      <Header title="Monthly incident review" subtitle="What broke, what it cost, and whether we learned from it" />
      <Content>
        <ContentHeader title={month}>
          <TextField
            label="Month"
            type="month"
            value={month}
            onChange={e => e.target.value && setMonth(e.target.value)}
            InputLabelProps={{ shrink: true }}
          />
        </ContentHeader>
        <Routes>
          <Route path="/" element={<IncidentReview month={month} />} />
          <Route path="/groups/:namespace/:name" element={<TeamReview month={month} />} />
        </Routes>
      </Content>
    </Page>
  );
};
