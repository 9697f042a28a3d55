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
import { formatDurationMinutes, incidentReviewMonth, incidentReviewMonthOf, pluralize } from '@pulse/plugin-pulse-common';
import { useState } from 'react';
import { Route, Routes, useParams, useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { pulseDecisionsApiRef } from '../../api/DecisionsApi';
import { percentText } from '../EntityDecisions';
import { PostmortemDialog } from '../PostmortemDialog';
import { IncidentReviewTable, ReviewRow } from './IncidentReviewTable';
import { ReviewExportButtons } from './ReviewExportButtons';

/** One month's review for a team (`groupRef`) or the organisation, with its exports and the postmortem dialog. */
export const IncidentReview = ({ month, groupRef }: { month: string; groupRef?: string }) => {
  const api = useApi(pulseDecisionsApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getIncidentReview({ month, groupRef }),
    [api, month, groupRef],
  );
  const [editing, setEditing] = useState<ReviewRow>();
  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel title="Could not load the incident review" error={error} />;
  const exports = (
    <Grid item xs={12}>
      <ReviewExportButtons month={month} groupRef={groupRef} />
    </Grid>
  );
  if (!value || value.incidents.length === 0) {
    return (
      <Grid container spacing={3}>
        {exports}
        <Grid item xs={12}>
          <EmptyState
            missing="data"
            title={`No production incidents in ${month}`}
            description="Incidents arrive through POST /api/pulse/dora/incidents or CDEvents incident events; with SLOs defined, each one's budget spend is computed from the SLI samples during it."
          />
        </Grid>
      </Grid>
    );
  }
  const { summary } = value;
  return (
    <Grid container spacing={3}>
      {exports}
      <Grid item xs={12}>
        <InfoCard title="Summary" subheader={`Postmortem required above ${percentText(value.postmortemThreshold)} of any error budget`}>
          <Typography variant="body1" data-testid="review-summary">
            {pluralize(summary.incidents, 'incident')}, {formatDurationMinutes(summary.totalDurationMinutes)} in total ·{' '}
            {pluralize(summary.postmortemsRequired, 'postmortem')} required, {summary.postmortemsDone} done,{' '}
            {summary.postmortemsOutstanding} outstanding
          </Typography>
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <IncidentReviewTable incidents={value.incidents} onEdit={setEditing} />
      </Grid>
      {editing && (
        <PostmortemDialog
          incident={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            retry();
          }}
        />
      )}
    </Grid>
  );
};

const TeamReview = ({ month }: { month: string }) => {
  const { namespace = 'default', name = '' } = useParams();
  return <IncidentReview month={month} groupRef={`group:${namespace}/${name}`} />;
};

/**
 * The monthly incident review of the organisation at /pulse/review, of a team under /groups/:namespace/:name. The
 * month lives in the URL (`?month=2026-11`, the current UTC month without one), so a month's review has a stable URL.
 */
export const IncidentReviewPage = () => {
  const [searchParams, setSearchParams] = useSearchParams();
  const asked = searchParams.get('month');
  const month = asked && incidentReviewMonth(asked) ? asked : incidentReviewMonthOf(Date.now());
  const pickMonth = (picked: string) => {
    if (!incidentReviewMonth(picked)) return;
    const next = new URLSearchParams(searchParams);
    next.set('month', picked);
    setSearchParams(next);
  };
  return (
    <Page themeId="tool">
      <Header title="Monthly incident review" subtitle="What broke, what it cost, and what we learned from it" />
      <Content>
        <ContentHeader title={month}>
          <TextField
            id="review-month"
            label="Month"
            type="month"
            value={month}
            onChange={e => pickMonth(e.target.value)}
            // Primary text: the label's default grey on the page's grey is 4.47:1, under WCAG AA's 4.5:1.
            InputLabelProps={{ shrink: true, style: { color: 'inherit' } }}
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
