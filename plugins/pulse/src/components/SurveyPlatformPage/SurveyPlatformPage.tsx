import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Box, Button, Grid, Typography } from '@material-ui/core';
import { SurveyOverviewRow, SurveyPainPoint, surveyResultsTiming } from '@pulse/plugin-pulse-common';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { pulseSurveyApiRef } from '../../api/SurveyApi';
import { formatChange, formatMean, formatNps, formatPercent, formatShare } from '../EntitySurveyContent/format';
import { SurveyTrendChart } from '../EntitySurveyContent/SurveyTrendChart';
import { PermittedSurveyRoundManager } from '../SurveyRoundManager';
import { NewestRoundNote } from './NewestRoundNote';
import { SurveyRoundPicker } from './SurveyRoundPicker';

const scoreColumns = (first: string): TableColumn<SurveyOverviewRow>[] => [
  { title: first, field: 'title', render: r => <EntityRefLink entityRef={r.ref} title={r.title} /> },
  { title: 'Responses', render: r => (r.hidden ? r.reason : r.respondents) },
  { title: 'Satisfaction', render: r => (!r.hidden && r.satisfaction ? formatMean(r.satisfaction.mean) : '') },
  {
    title: 'Favorable (95% interval)',
    render: r => (!r.hidden && r.satisfaction ? formatShare(r.satisfaction.favorable) : ''),
  },
  { title: 'NPS (95% interval)', render: r => (!r.hidden && r.nps ? formatNps(r.nps) : '') },
  {
    title: 'Participation',
    render: r => (!r.hidden && r.participation ? formatPercent(r.participation.rate) : ''),
  },
];

const painPointColumns: TableColumn<SurveyPainPoint>[] = [
  { title: 'Pain point', field: 'label' },
  { title: 'Picked by', render: p => `${p.count} (${formatPercent(p.share)})` },
  { title: 'Since last round', render: p => (p.change === undefined ? 'new' : formatChange(p.change)) },
];

/** Saves the CSV export (fetched with the user's token) as a file. */
async function downloadCsv(csv: Promise<string>, roundId: number | undefined) {
  const url = URL.createObjectURL(new Blob([await csv], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `pulse-survey-${roundId ?? 'latest'}.csv`;
  link.click();
  URL.revokeObjectURL(url);
}

/** The round asked for in the URL (?round=3), if it is a round id at all. */
function roundFromUrl(search: URLSearchParams): number | undefined {
  const id = Number(search.get('round'));
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

/**
 * Developer satisfaction across teams and entities of one round (picked; by default the newest whose results show):
 * scores, pain points, trends and CSV export. The picked round lives in the URL (?round=ID), so a view can be shared.
 */
export const SurveyPlatformPage = () => {
  const api = useApi(pulseSurveyApiRef);
  const [search, setSearch] = useSearchParams();
  const roundId = roundFromUrl(search);
  const setRoundId = (next: number | undefined) =>
    setSearch(
      params => {
        if (next === undefined) params.delete('round');
        else params.set('round', String(next));
        return params;
      },
      { replace: true },
    );
  // Bumped when the round manager changes the rounds, so the picker and the overview read them again.
  const [roundsVersion, setRoundsVersion] = useState(0);
  const rounds = useAsync(() => api.getRounds(), [api, roundsVersion]);
  const { value: overview, loading, error } = useAsync(
    () => api.getOverview(roundId),
    [api, roundId, roundsVersion],
  );
  const roundsChanged = (deletedRoundId?: number) => {
    if (deletedRoundId !== undefined && deletedRoundId === roundId) setRoundId(undefined);
    setRoundsVersion(v => v + 1);
  };

  const body = () => {
    if (loading || rounds.loading) return <Progress />;
    if (error ?? rounds.error) return <ResponseErrorPanel error={(error ?? rounds.error)!} />;
    if (!overview?.round) {
      return (
        <EmptyState
          missing="data"
          title="No survey round has opened yet"
          description="Platform teams holding pulse.survey.manage create one with New round on this page (or POST /api/pulse/surveys/rounds)."
        />
      );
    }
    const { round } = overview;
    return (
      <>
        <ContentHeader title={round.title}>
          <SurveyRoundPicker rounds={rounds.value ?? [round]} roundId={round.id} onChange={setRoundId} />
          <Box ml={2}>
            <Button variant="outlined" onClick={() => downloadCsv(api.getOverviewCsv(round.id), round.id)}>
              Export CSV
            </Button>
          </Box>
        </ContentHeader>
        {roundId === undefined && <NewestRoundNote rounds={rounds.value ?? []} shown={round} />}
        <Typography paragraph>
          Round {round.status}; {overview.previousRound ? `compared with ${overview.previousRound.title}. ` : ''}
          Results of fewer than {overview.minRespondents} responses are hidden.{' '}
          {surveyResultsTiming(overview.openResults, overview.minRespondents)}
        </Typography>
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <Table
              title="Teams"
              options={{ paging: false, search: false, padding: 'dense', draggable: false }}
              columns={scoreColumns('Team')}
              // Rows with ids: material-table keys its rows by them (React warns about keys otherwise).
              data={overview.teams.map(row => ({ ...row, id: row.ref }))}
            />
          </Grid>
          <Grid item xs={12} md={6}>
            <InfoCard title="Top pain points">
              {overview.painPoints.length > 0 ? (
                <Table
                  options={{ paging: false, search: false, toolbar: false, padding: 'dense', draggable: false }}
                  columns={painPointColumns}
                  data={overview.painPoints.slice(0, 5).map(row => ({ ...row, id: row.choiceId }))}
                />
              ) : (
                <Typography>
                  {overview.overall?.hidden ? overview.overall.reason : 'No pain points were picked in this round.'}
                </Typography>
              )}
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={6}>
            <InfoCard title="Trend">
              <SurveyTrendChart points={overview.trend} selectedRoundId={round.id} />
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <Table
              title="Entities"
              // Not draggable: a draggable header is a button around the sort button (axe: nested-interactive).
              options={{ paging: overview.entities.length > 20, pageSize: 20, search: true, padding: 'dense', draggable: false }}
              columns={scoreColumns('Entity')}
              data={overview.entities.map(row => ({ ...row, id: row.ref }))}
            />
          </Grid>
        </Grid>
      </>
    );
  };

  return (
    <Page themeId="tool">
      <Header title="Developer satisfaction" subtitle="Survey results across teams" />
      <Content>
        <PermittedSurveyRoundManager onRoundsChanged={roundsChanged} />
        {body()}
      </Content>
    </Page>
  );
};
