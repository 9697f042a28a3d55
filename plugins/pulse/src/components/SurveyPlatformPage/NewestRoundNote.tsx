import { useApi } from '@backstage/core-plugin-api';
import { Typography } from '@material-ui/core';
import { SurveyRound } from '@pulse/plugin-pulse-common';
import useAsync from 'react-use/esm/useAsync';
import { pulseSurveyApiRef } from '../../api/SurveyApi';

/**
 * Said when the page opens on an older round than the newest one that has opened: the server picks the newest round
 * whose round-wide results show, so a round with a handful of answers does not replace last quarter's results. The
 * note names the newer round and why it is not shown (its round-wide reason), so nothing looks missing.
 */
export const NewestRoundNote = ({ rounds, shown }: { rounds: SurveyRound[]; shown: SurveyRound }) => {
  const api = useApi(pulseSurveyApiRef);
  // Rounds come newest first; a scheduled round has no results to show.
  const newest = rounds.find(r => r.status !== 'scheduled');
  const newer = newest && newest.id !== shown.id ? newest : undefined;
  const { value: overview, loading } = useAsync(
    async () => (newer ? api.getOverview(newer.id) : undefined),
    [api, newer?.id],
  );
  if (!newer || loading) return null;
  const reason = overview?.overall?.hidden ? overview.overall.reason : 'not enough answers have been released yet';
  return (
    <Typography paragraph data-testid="survey-newest-round-note">
      Showing {shown.title}, the newest round whose results show. {newer.title} ({newer.status}) is newer, but its
      round-wide results are hidden: {reason.replace(/\.$/, '')}. Pick it under Round to see which teams show.
    </Typography>
  );
};
