import { InfoCard } from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import { TeamSatisfaction } from '@pulse/plugin-pulse-common';
import { percentText } from '../EntityDecisions';

const line = (row: TeamSatisfaction) => {
  const who = row.title ?? row.groupRef;
  if (row.hidden) return `${who}: hidden (${row.reason})`;
  const mean = row.mean === null ? '–' : row.mean.toFixed(1);
  return `${who}: satisfaction ${mean} of 5, ${percentText(row.favorable?.share)} favourable (${row.respondents} responses)`;
};

/** The teams' satisfaction from the latest survey round, where the anonymity threshold lets it show. */
export const TeamSatisfactionCard = ({ satisfaction }: { satisfaction: TeamSatisfaction[] }) => (
  <InfoCard title="Developer satisfaction" subheader={satisfaction[0]?.roundTitle ?? 'Latest survey round'}>
    {satisfaction.length === 0 ? (
      <Typography variant="body2" color="textSecondary">
        No survey round has results for these teams yet. Open a round on the Surveys page to see how the teams feel
        beside how they ship.
      </Typography>
    ) : (
      satisfaction.map(row => (
        <Typography key={row.groupRef} variant="body2">
          {line(row)}
        </Typography>
      ))
    )}
  </InfoCard>
);
