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
  ZAxis,
} from 'recharts';
import { ChartFigure } from '../ChartFigure';
import { coLocatedServices, PlacedService } from './coLocatedServices';

const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;
const perDay = (value: number) => value.toFixed(2);

const PLOTTED: Exclude<SpeedReliabilityQuadrant, 'unknown'>[] = [
  'ship-with-confidence',
  'fix-reliability',
  'ship-more',
  'needs-help',
];

/**
 * The services under the pointer, in the table's words and units: every service drawn on that spot, since points
 * with the same numbers cover each other.
 */
export const ServiceTooltip = ({
  active,
  payload,
  placed,
}: {
  active?: boolean;
  payload?: { payload: PlacedService }[];
  placed: PlacedService[];
}) => {
  const hovered = active ? payload?.[0]?.payload : undefined;
  if (!hovered) return null;
  const here = coLocatedServices(placed, hovered);
  return (
    <Paper style={{ padding: 8 }} data-testid="quadrant-tooltip">
      {here.length > 1 && <Typography variant="subtitle2">{here.length} services at this point</Typography>}
      {here.map(service => (
        <div key={service.entityRef}>
          <Typography variant="subtitle2">{service.title ?? service.entityRef}</Typography>
          <Typography variant="body2">{service.reading}</Typography>
          <Typography variant="body2">Deployments per day: {perDay(service.deploymentsPerDay)}</Typography>
          <Typography variant="body2">Error budget remaining: {percent(service.budgetRemaining)}</Typography>
        </div>
      ))}
    </Paper>
  );
};

/**
 * Deployments per day against the lowest budget remaining, one colour per quadrant; the dashed line is the budget cut.
 * The colour is the quadrant the rule decided (DORA tiers and budget), which the two axes alone cannot place exactly.
 * Points are never moved apart (that would draw numbers a service does not have): overlapping ones stay visible by
 * their size, outline and transparency, and the tooltip lists every service on the spot.
 */
export const QuadrantChart = (props: { services: SpeedReliabilityService[]; budgetLine: number }) => {
  const theme = useTheme();
  const colours: Record<(typeof PLOTTED)[number], string> = {
    'ship-with-confidence': theme.palette.success.main,
    'fix-reliability': theme.palette.warning.main,
    'ship-more': theme.palette.info.main,
    'needs-help': theme.palette.error.main,
  };
  const plotted = props.services.filter(
    (s): s is PlacedService => s.deploymentsPerDay !== null && s.budgetRemaining !== null,
  );
  return (
    <ChartFigure
      title="Speed against reliability: deployments per day and error budget remaining per service"
      testId="quadrant-chart"
      columns={['Service', 'Reading', 'Deployments per day', 'Error budget remaining']}
      rows={plotted.map(s => [s.title ?? s.entityRef, s.reading, perDay(s.deploymentsPerDay), percent(s.budgetRemaining)])}
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
          {/* Small points (36 px², a 7 px disc; the default is 64 px²) so that near neighbours still show apart */}
          <ZAxis range={[36, 36]} />
          <Tooltip cursor={{ strokeDasharray: '3 3' }} content={<ServiceTooltip placed={plotted} />} />
          <Legend wrapperStyle={{ paddingTop: 24 }} />
          {PLOTTED.map(quadrant => (
            <Scatter
              key={quadrant}
              name={plotted.find(s => s.quadrant === quadrant)?.reading ?? quadrant}
              data={plotted.filter(s => s.quadrant === quadrant)}
              fill={colours[quadrant]}
              // Half-transparent with a solid outline: two points on one spot read darker, near ones show both rims.
              fillOpacity={0.5}
              stroke={colours[quadrant]}
              strokeWidth={1.5}
              // Drawn at once: an animated point starts at size 0, which is what screenshots and slow machines caught.
              isAnimationActive={false}
            />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
};
