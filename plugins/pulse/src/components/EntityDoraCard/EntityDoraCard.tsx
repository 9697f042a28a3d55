import { RELATION_OWNED_BY } from '@backstage/catalog-model';
import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { getEntityRelations, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { DORA_OVERALL_TIER_RULE } from '@pulse/plugin-pulse-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { pulseDoraApiRef } from '../../api/DoraApi';
import { teamPagePath } from '../TeamCards/teamLinks';
import { DoraCoverageNote } from './DoraCoverageNote';
import { DoraMetricList } from './DoraMetricList';
import { DoraTierChip } from './DoraTierChip';
import { DoraWindowPicker } from './DoraWindowPicker';

/** The link to the owning team's page (its Group page, where Pulse's team cards are), when a group owns it. */
const OwnerLink = (props: { days: number }) => {
  const { entity } = useEntity();
  const owner = getEntityRelations(entity, RELATION_OWNED_BY, { kind: 'group' })[0];
  if (!owner) return null;
  return (
    <Link to={teamPagePath(`group:${owner.namespace}/${owner.name}`, props.days)}>
      DORA of team {owner.name}
    </Link>
  );
};

/** The five DORA metrics of the entity with tiers and weekly sparklines, over a chosen window. */
export const EntityDoraCard = () => {
  const { entity } = useEntity();
  const doraApi = useApi(pulseDoraApiRef);
  const [days, setDays] = useState(90);
  const { value, loading, error } = useAsync(
    () => doraApi.getEntityScorecard(entity, { days }),
    [doraApi, entity, days],
  );

  const content = () => {
    if (loading) return <Progress />;
    if (error) return <ResponseErrorPanel error={error} />;
    if (!value || value.deployments === 0) {
      return (
        <EmptyState
          missing="data"
          title="No production deployments in this window"
          description="POST deployments, changes and incidents to /api/pulse/dora, or send CDEvents to /api/pulse/events. See docs/dora.md."
        />
      );
    }
    return (
      <>
        <Box display="flex" alignItems="center" mb={1} style={{ gap: 8 }}>
          <Typography variant="subtitle1">Overall</Typography>
          <DoraTierChip tier={value.tier} explanation={DORA_OVERALL_TIER_RULE} />
          {value.insufficientData && (
            <Typography variant="caption" color="textSecondary">
              Fewer than 2 production deployments: no tier yet
            </Typography>
          )}
        </Box>
        <DoraCoverageNote coverage={value.coverage} />
        <DoraMetricList metrics={value.metrics} weekly={value.weekly} />
      </>
    );
  };

  return (
    <InfoCard
      title="DORA"
      subheader={`${value?.deployments ?? 0} production deployments in the last ${days} days`}
      action={<DoraWindowPicker days={days} onChange={setDays} />}
    >
      {content()}
      <Box mt={1}>
        <OwnerLink days={days} />
      </Box>
    </InfoCard>
  );
};
