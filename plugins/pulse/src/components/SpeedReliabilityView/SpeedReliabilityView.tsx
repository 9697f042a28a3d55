import {
  Content,
  EmptyState,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Grid, Typography } from '@material-ui/core';
import { SPEED_RELIABILITY_READINGS, SpeedReliabilityQuadrant } from '@pulse/plugin-pulse-common';
import { Route, Routes, useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { pulseDecisionsApiRef } from '../../api/DecisionsApi';
import { QuadrantChart } from './QuadrantChart';
import { SpeedReliabilityTable } from './SpeedReliabilityTable';
import { TeamSatisfactionCard } from './TeamSatisfactionCard';

const QUADRANTS = Object.keys(SPEED_RELIABILITY_READINGS) as SpeedReliabilityQuadrant[];

/** The services of a team (`groupRef`) or of the organisation, placed by speed against reliability. */
export const SpeedReliability = ({ groupRef }: { groupRef?: string }) => {
  const api = useApi(pulseDecisionsApiRef);
  const { value, loading, error } = useAsync(() => api.getSpeedReliability({ groupRef }), [api, groupRef]);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel title="Could not load the speed-vs-reliability view" error={error} />;
  if (!value || value.services.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No services to place"
        description="Set spec.owner of components to a team; their DORA events and SLOs place them here."
      />
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={8}>
        <InfoCard
          title="Speed against reliability"
          subheader={`Last ${value.window.days} days · fast = ${value.rule.fastTiers.join(' or ')} delivery · reliable = budget at least ${value.rule.budgetRemainingAtLeast * 100}% and ${value.rule.reliableChangeFailureTiers.join(' or ')} change failure rate`}
        >
          <QuadrantChart services={value.services} budgetLine={value.rule.budgetRemainingAtLeast} />
          <Typography variant="body2" data-testid="quadrant-counts">
            {QUADRANTS.filter(q => value.counts[q] > 0)
              .map(q => `${SPEED_RELIABILITY_READINGS[q]}: ${value.counts[q]}`)
              .join(' · ')}
          </Typography>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <TeamSatisfactionCard satisfaction={value.satisfaction} />
      </Grid>
      <Grid item xs={12}>
        <SpeedReliabilityTable services={value.services} />
      </Grid>
    </Grid>
  );
};

const TeamView = () => {
  const { namespace = 'default', name = '' } = useParams();
  return <SpeedReliability groupRef={`group:${namespace}/${name}`} />;
};

/** The organisation's view at /pulse/quadrant, a team's under /groups/:namespace/:name. */
export const SpeedReliabilityView = () => (
  <Page themeId="tool">
    <Header title="Speed and reliability" subtitle="Where each service should spend its next sprint" />
    <Content>
      <Routes>
        <Route path="/" element={<SpeedReliability />} />
        <Route path="/groups/:namespace/:name" element={<TeamView />} />
      </Routes>
    </Content>
  </Page>
);
