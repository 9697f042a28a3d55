export { ChartFigure } from './ChartFigure';
export type { ChartRow } from './ChartFigure';
