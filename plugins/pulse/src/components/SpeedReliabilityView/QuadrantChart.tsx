import { Paper, Typography, useTheme } from '@material-ui/core';
import { SpeedReliabilityQuadrant, SpeedReliabilityService } from '@pulse/plugin-pulse-common';
import {
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFigure } from '../ChartFigure';

const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;
const perDay = (value: number) => value.toFixed(2);

const PLOTTED: Exclude<SpeedReliabilityQuadrant, 'unknown'>[] = [
  'ship-with-confidence',
  'fix-reliability',
  'ship-more',
  'needs-help',
];

/** The service under the pointer, in the table's words and units. */
const ServiceTooltip = ({ active, payload }: { active?: boolean; payload?: { payload: SpeedReliabilityService }[] }) => {
  const service = active ? payload?.[0]?.payload : undefined;
  if (!service) return null;
  return (
    <Paper style={{ padding: 8 }}>
      <Typography variant="subtitle2">{service.title ?? service.entityRef}</Typography>
      <Typography variant="body2">{service.reading}</Typography>
      <Typography variant="body2">Deployments per day: {perDay(service.deploymentsPerDay ?? 0)}</Typography>
      <Typography variant="body2">Error budget remaining: {percent(service.budgetRemaining ?? 0)}</Typography>
    </Paper>
  );
};

/**
 * Deployments per day against the lowest budget remaining, one colour per quadrant; the dashed line is the budget cut.
 * The colour is the quadrant the rule decided (DORA tiers and budget), which the two axes alone cannot place exactly.
 */
export const QuadrantChart = (props: { services: SpeedReliabilityService[]; budgetLine: number }) => {
  const theme = useTheme();
  const colours: Record<(typeof PLOTTED)[number], string> = {
    'ship-with-confidence': theme.palette.success.main,
    'fix-reliability': theme.palette.warning.main,
    'ship-more': theme.palette.info.main,
    'needs-help': theme.palette.error.main,
  };
  const plotted = props.services.filter(s => s.deploymentsPerDay !== null && s.budgetRemaining !== null);
  return (
    <ChartFigure
      title="Speed against reliability: deployments per day and error budget remaining per service"
      testId="quadrant-chart"
      columns={['Service', 'Reading', 'Deployments per day', 'Error budget remaining']}
      rows={plotted.map(s => [s.title ?? s.entityRef, s.reading, perDay(s.deploymentsPerDay ?? 0), percent(s.budgetRemaining ?? 0)])}
    >
      <ResponsiveContainer width="100%" height={320}>
        <ScatterChart margin={{ top: 16, right: 24, bottom: 24, left: 32 }}>
          <CartesianGrid />
          <XAxis
            type="number"
            dataKey="deploymentsPerDay"
            name="Deployments per day"
            label={{ value: 'Deployments per day', position: 'bottom', offset: 0 }}
          />
          <YAxis
            type="number"
            dataKey="budgetRemaining"
            name="Budget remaining"
            tickFormatter={(fraction: number) => `${Math.round(fraction * 100)}%`}
            label={{ value: 'Error budget remaining', angle: -90, position: 'left', offset: 16, style: { textAnchor: 'middle' } }}
          />
          <ReferenceLine
            y={props.budgetLine}
            strokeDasharray="4 4"
            label={{ value: `Budget cut ${percent(props.budgetLine)}`, position: 'insideTopRight', fontSize: 11 }}
          />
          <Tooltip cursor={{ strokeDasharray: '3 3' }} content={<ServiceTooltip />} />
          <Legend wrapperStyle={{ paddingTop: 24 }} />
          {PLOTTED.map(quadrant => (
            <Scatter
              key={quadrant}
              name={plotted.find(s => s.quadrant === quadrant)?.reading ?? quadrant}
              data={plotted.filter(s => s.quadrant === quadrant)}
              fill={colours[quadrant]}
              // Drawn at once: an animated point starts at size 0, which is what screenshots and slow machines caught.
              isAnimationActive={false}
            />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
};
