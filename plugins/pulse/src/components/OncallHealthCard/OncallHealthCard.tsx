import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState, InfoCard, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { pulseOncallApiRef } from '../../api/OncallApi';
import { OncallMetricTable } from './OncallMetricTable';
import { OncallReadingChip } from './OncallReadingChip';
import { OncallSurveyScore } from './OncallSurveyScore';
import { OncallWeeklyChart } from './OncallWeeklyChart';

/**
 * "On-call health" of a team (on a Group's page) or of an entity (on a Component's overview, only when it has pages):
 * team figures with their readings, the weekly trend and the survey's on-call score. It never names a person.
 */
export const EntityOncallHealthCard = () => {
  const { entity } = useEntity();
  const oncallApi = useApi(pulseOncallApiRef);
  const isGroup = entity.kind.toLocaleLowerCase('en-US') === 'group';
  const { value, loading, error } = useAsync(async () => {
    const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
    const [health, survey] = await Promise.all([
      isGroup ? oncallApi.getGroupHealth(entity) : oncallApi.getEntityHealth(entity),
      // The survey score is context: without it (no round, no access) the card still shows the figures.
      oncallApi.getSurveyScore(isGroup ? { groupRef: ref } : { entityRef: ref }).catch(() => undefined),
    ]);
    return { health, survey };
  }, [oncallApi, entity, isGroup]);

  if (!isGroup && value?.health.pages === 0) return null;

  const content = () => {
    if (loading) return <Progress />;
    if (error) return <ResponseErrorPanel error={error} />;
    if (!value) return null;
    const { health, survey } = value;
    if (health.pages === 0) {
      return (
        <>
          <EmptyState missing="data" title="No pages in this window" description="POST pages to /api/pulse/oncall/pages or connect PagerDuty. See docs/oncall.md." />
          <OncallSurveyScore score={survey} />
        </>
      );
    }
    return (
      <>
        <Box display="flex" alignItems="center" mb={1} style={{ gap: 8 }}>
          <Typography variant="subtitle1">Overall</Typography>
          <OncallReadingChip reading={health.reading} />
        </Box>
        <OncallMetricTable metrics={health.metrics} />
        <Box mt={2}>
          <OncallWeeklyChart weekly={health.weekly} />
        </Box>
        <Box mt={1}>
          <OncallSurveyScore score={survey} />
        </Box>
      </>
    );
  };

  const subheader = value
    ? `${value.health.pages} pages in the last ${Math.round(value.health.window.days)} days, hours in ${value.health.timeZone}`
    : undefined;
  return (
    <Box data-testid="oncall-health-card" height="100%">
      <InfoCard title="On-call health" subheader={subheader}>
        {content()}
      </InfoCard>
    </Box>
  );
};
