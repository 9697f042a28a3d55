import { SurveyOverview, SurveyOverviewRow } from '@pulse/plugin-pulse-common';

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
];

/** A CSV cell: quoted when needed; cells starting with =, +, - or @ are prefixed so spreadsheets do not run them. */
function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(Math.round(value * 10000) / 10000);
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function rowCells(section: string, row: SurveyOverviewRow): Array<string | number | undefined> {
  if (row.hidden) return [section, row.ref, row.groupRef, row.reason];
  return [
    section,
    row.ref,
    row.groupRef,
    undefined,
    row.respondents,
    row.satisfaction?.mean,
    row.satisfaction?.favorable.share,
    row.satisfaction?.favorable.low,
    row.satisfaction?.favorable.high,
    row.nps?.score,
    row.nps?.low,
    row.nps?.high,
    row.participation?.rate,
  ];
}

/** The overview's aggregates as CSV: one line per team, entity and pain point; never a response or an answer. */
export function surveyOverviewCsv(overview: SurveyOverview): string {
  const lines: Array<Array<string | number | undefined>> = [header];
  if (overview.overall) lines.push(rowCells('round', overview.overall));
  overview.teams.forEach(row => lines.push(rowCells('team', row)));
  overview.entities.forEach(row => lines.push(rowCells('entity', row)));
  for (const point of overview.painPoints) {
    const cells: Array<string | number | undefined> = ['pain-point', point.choiceId];
    cells[header.indexOf('pain_point_share')] = point.share;
    cells[header.indexOf('pain_point_change')] = point.change;
    lines.push(cells);
  }
  return `${lines.map(cells => header.map((_, i) => cell(cells[i])).join(',')).join('\n')}\n`;
}
