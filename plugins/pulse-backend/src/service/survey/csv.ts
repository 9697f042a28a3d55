import { csvDocument, SurveyOverview, SurveyOverviewRow } from '@pulse/plugin-pulse-common';

const header = [
  'section',
  'ref',
  'group_ref',
  'hidden_reason',
  'respondents',
  'satisfaction_mean',
  'favorable_share',
  'favorable_low',
  'favorable_high',
  'nps',
  'nps_low',
  'nps_high',
  'participation_rate',
  'pain_point_share',
  'pain_point_change',
  // Last, so that the columns before it keep their places in existing spreadsheets.
  'title',
] as const;

type Cells = Partial<Record<(typeof header)[number], string | number>>;

function rowCells(section: string, row: SurveyOverviewRow): Cells {
  const named = { section, ref: row.ref, group_ref: row.groupRef, title: row.title };
  if (row.hidden) return { ...named, hidden_reason: row.reason };
  return {
    ...named,
    respondents: row.respondents,
    satisfaction_mean: row.satisfaction?.mean,
    favorable_share: row.satisfaction?.favorable.share,
    favorable_low: row.satisfaction?.favorable.low,
    favorable_high: row.satisfaction?.favorable.high,
    nps: row.nps?.score,
    nps_low: row.nps?.low,
    nps_high: row.nps?.high,
    participation_rate: row.participation?.rate,
  };
}

/** The overview's aggregates as CSV: one line per team, entity and pain point; never a response or an answer. */
export function surveyOverviewCsv(overview: SurveyOverview): string {
  const rows: Cells[] = [
    ...(overview.overall ? [rowCells('round', overview.overall)] : []),
    ...overview.teams.map(row => rowCells('team', row)),
    ...overview.entities.map(row => rowCells('entity', row)),
    ...overview.painPoints.map(point => ({
      section: 'pain-point',
      ref: point.choiceId,
      title: point.label,
      pain_point_share: point.share,
      pain_point_change: point.change,
    })),
  ];
  return csvDocument(header, rows);
}
