import { InfoCard, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { pluralize, SurveyOverview } from '@pulse/plugin-pulse-common';
import useAsync from 'react-use/esm/useAsync';
import { pulseSurveyApiRef } from '../../api/SurveyApi';
import { rootRouteRef } from '../../routes';
import { percentText } from '../EntityDecisions';
import { useGroupEntity } from './useGroupEntity';

/** The team's line of the overview, in words: its numbers, why they are hidden, or that it has no answers. */
function teamSurveyText(overview: SurveyOverview, groupRef: string): string {
  const row = overview.teams.find(team => team.ref.toLocaleLowerCase('en-US') === groupRef);
  if (!row) return 'No answers from this team in this round.';
  if (row.hidden) return `Hidden: ${row.reason}`;
  const satisfaction = row.satisfaction
    ? `Satisfaction ${row.satisfaction.mean.toFixed(1)} of 5, ${percentText(row.satisfaction.favorable.share)} favourable`
    : 'No satisfaction answers';
  return `${satisfaction} (${pluralize(row.respondents, 'response')}).`;
}

/**
 * The team's developer-satisfaction result from the overview the Surveys page shows (the newest round whose results
 * show), under the same anonymity rules: a hidden team says why instead of showing numbers.
 */
export const EntityTeamSurveyCard = () => {
  const group = useGroupEntity();
  const surveyApi = useApi(pulseSurveyApiRef);
  const root = useRouteRef(rootRouteRef)();
  const { value, loading, error } = useAsync(() => surveyApi.getOverview(), [surveyApi]);

  const content = () => {
    if (loading) return <Progress />;
    if (error) return <ResponseErrorPanel error={error} />;
    if (!value?.round) {
      return <Typography variant="body2">No survey round has run yet.</Typography>;
    }
    return <Typography variant="body2">{teamSurveyText(value, group.ref)}</Typography>;
  };

  return (
    <InfoCard
      title="Developer satisfaction"
      subheader={value?.round ? value.round.title : 'Latest survey round'}
      deepLink={{ title: 'All teams', link: `${root}/surveys` }}
    >
      <div data-testid="pulse-team-survey-card">{content()}</div>
    </InfoCard>
  );
};
