/** A fraction as a percentage with one decimal, e.g. 0.304 as "30.4%"; a dash when unknown. */
export const percentText = (fraction: number | null | undefined) =>
  fraction === null || fraction === undefined ? '–' : `${(fraction * 100).toFixed(1)}%`;
