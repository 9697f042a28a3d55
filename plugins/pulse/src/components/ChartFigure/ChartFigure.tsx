import { makeStyles } from '@material-ui/core';
import { ReactNode } from 'react';

const useStyles = makeStyles({
  // Read by screen readers, not drawn: the usual "visually hidden" rules.
  hidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    margin: -1,
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
  figure: { margin: 0, position: 'relative' },
});

/** One row of a chart's text alternative: the values behind one mark, in the order of `columns`. */
export type ChartRow = (string | number | null)[];

/**
 * A chart with its text alternative: the SVG is hidden from assistive technology, and a table holding the numbers
 * behind every mark is read instead (WCAG 1.1.1). The table is the same data the chart draws, so it cannot drift.
 */
export const ChartFigure = (props: {
  title: string;
  columns: string[];
  rows: ChartRow[];
  testId?: string;
  children: ReactNode;
}) => {
  const classes = useStyles();
  return (
    <figure className={classes.figure} aria-label={props.title} data-testid={props.testId}>
      <div aria-hidden="true">{props.children}</div>
      <table className={classes.hidden}>
        <caption>{props.title}</caption>
        <thead>
          <tr>
            {props.columns.map(column => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, index) => (
            <tr key={index}>
              {row.map((cell, column) => (
                <td key={column}>{cell === null ? 'no data' : cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
};
