import { EmptyState, InfoCard, Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { DORA_OVERALL_TIER_RULE } from '@pulse/plugin-pulse-common';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { pulseDoraApiRef } from '../../api/DoraApi';
import { rootRouteRef } from '../../routes';
import { DORA_WINDOW_DAYS, DoraMetricList, DoraTierChip, DoraWindowPicker } from '../EntityDoraCard';
import { isNotFound } from './teamLinks';
import { useGroupEntity } from './useGroupEntity';

/** The window from the page's ?days= (what a Pulse team link carries), 90 days otherwise. */
function useDaysParam(): [number, (days: number) => void] {
  const [search, setSearch] = useSearchParams();
  const asked = Number(search.get('days'));
  const days = (DORA_WINDOW_DAYS as readonly number[]).includes(asked) ? asked : 90;
  const setDays = (next: number) =>
    setSearch(
      params => {
        params.set('days', String(next));
        return params;
      },
      { replace: true },
    );
  return [days, setDays];
}

/** A team's pooled DORA metrics (with its child teams), a tier per metric, and the way back to the team ranking. */
export const EntityTeamDoraCard = () => {
  const group = useGroupEntity();
  const doraApi = useApi(pulseDoraApiRef);
  const root = useRouteRef(rootRouteRef)();
  const [days, setDays] = useDaysParam();
  const { value, loading, error } = useAsync(
    () => doraApi.getGroupScorecard(group, { days }),
    [doraApi, group.namespace, group.name, days],
  );

  const content = () => {
    if (loading) return <Progress />;
    if (isNotFound(error)) {
      return <EmptyState missing="info" title="Pulse does not know this team" description="The catalog has no such group, or you may not see it." />;
    }
    if (error) return <ResponseErrorPanel error={error} />;
    if (!value || value.entities.length === 0) {
      return (
        <EmptyState
          missing="data"
          title={`${group.title} owns no components`}
          description="Set spec.owner of the team's components to this group to see their delivery here."
        />
      );
    }
    return (
      <>
        <Box display="flex" alignItems="center" mb={1} style={{ gap: 8 }}>
          <Typography variant="subtitle1">Overall</Typography>
          <DoraTierChip tier={value.tier} explanation={DORA_OVERALL_TIER_RULE} />
        </Box>
        <DoraMetricList metrics={value.metrics} weekly={value.weekly} />
      </>
    );
  };

  return (
    <InfoCard
      title="DORA of the team"
      subheader={`${value?.deployments ?? 0} production deployments in the last ${days} days`}
      action={<DoraWindowPicker days={days} onChange={setDays} />}
    >
      <div data-testid="pulse-team-dora-card">
        {content()}
        <Box mt={1} display="flex" flexWrap="wrap" style={{ gap: 16 }}>
          <Link to={`${root}/dora?days=${days}`}>← DORA by team</Link>
          <Link to={`${root}/dora/groups/${group.namespace}/${group.name}?days=${days}`}>Components of the team</Link>
        </Box>
      </div>
    </InfoCard>
  );
};
