import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import { Box, Grid, List, ListItem, Typography } from '@material-ui/core';
import { SurveyQuestionResult, SurveyResults, SurveyTrendPoint } from '@pulse/plugin-pulse-common';
import { formatMean, formatNps, formatPercent, formatShare } from './format';
import { SurveyTrendChart } from './SurveyTrendChart';

const Stat = ({ label, value }: { label: string; value: string }) => (
  <Box>
    <Typography variant="overline">{label}</Typography>
    <Typography variant="h5">{value}</Typography>
  </Box>
);

const columns: TableColumn<SurveyQuestionResult>[] = [
  { title: 'Question', field: 'prompt' },
  { title: 'Answers', render: q => (q.hidden ? 'hidden' : q.count) },
  { title: 'Mean', render: q => (q.mean === undefined ? '' : formatMean(q.mean)) },
  {
    title: 'Favorable (95% interval)',
    render: q => {
      if (q.favorable) return formatShare(q.favorable);
      return q.nps ? `NPS ${formatNps(q.nps)}` : '';
    },
  },
];

/** The pain points picked, most first. */
const ChoiceList = ({ question }: { question: SurveyQuestionResult }) => (
  <List dense aria-label={question.prompt}>
    {[...(question.distribution ?? [])]
      .filter(d => d.count > 0)
      .sort((a, b) => b.count - a.count)
      .map(d => (
        <ListItem key={d.value}>
          {d.label ?? d.value}: {d.count} ({formatPercent(d.share)})
        </ListItem>
      ))}
  </List>
);

/** A round's results for an entity, or why they are hidden; then the trend across rounds. */
export const SurveyResultsView = ({ results, trend }: { results: SurveyResults; trend: SurveyTrendPoint[] }) => (
  <InfoCard title="Results">
    {results.hidden ? (
      <Typography>Results hidden: {results.reason}.</Typography>
    ) : (
      <Grid container spacing={2}>
        <Grid item xs={12}>
          <Box display="flex" style={{ gap: 32 }} flexWrap="wrap">
            <Stat label="Responses" value={String(results.respondents)} />
            {results.satisfaction && (
              <>
                <Stat label="Satisfaction (mean)" value={formatMean(results.satisfaction.mean)} />
                <Stat label="Favorable" value={formatShare(results.satisfaction.favorable)} />
              </>
            )}
            {results.nps && <Stat label="NPS" value={formatNps(results.nps)} />}
            {results.participation && (
              <Stat
                label="Participation"
                value={`${formatPercent(results.participation.rate)} (${results.participation.participants} of ${results.participation.audienceSize})`}
              />
            )}
          </Box>
        </Grid>
        <Grid item xs={12}>
          <Table
            title="Questions"
            // Not draggable: a draggable header is a button around the sort button (axe: nested-interactive).
            options={{ paging: false, search: false, padding: 'dense', draggable: false }}
            columns={columns}
            // Rows with ids: material-table keys its rows by them (React warns about keys otherwise).
            data={results.questions.filter(q => q.type === 'scale' || q.type === 'nps').map(q => ({ ...q, id: q.questionId }))}
          />
        </Grid>
        {results.questions
          .filter(q => q.type === 'choice' && !q.hidden)
          .map(q => (
            <Grid item xs={12} md={6} key={q.questionId}>
              <Typography variant="h6">Pain points</Typography>
              <ChoiceList question={q} />
            </Grid>
          ))}
        {results.questions
          .filter(q => q.type === 'text')
          .map(q => (
            <Grid item xs={12} md={6} key={q.questionId}>
              <Typography variant="h6">{q.prompt}</Typography>
              {q.comments ? (
                <List dense>
                  {q.comments.map((c, i) => (
                    <ListItem key={i}>{c}</ListItem>
                  ))}
                </List>
              ) : (
                <Typography variant="body2" color="textSecondary">
                  {q.commentsHiddenReason}
                </Typography>
              )}
            </Grid>
          ))}
      </Grid>
    )}
    <Box mt={2}>
      <Typography variant="h6">Trend</Typography>
      <SurveyTrendChart points={trend} selectedRoundId={results.roundId} />
    </Box>
  </InfoCard>
);
