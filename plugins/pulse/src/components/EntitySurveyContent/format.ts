import { SurveyNps, SurveyShare } from '@pulse/plugin-pulse-common';

/** 0.6 -> "60%". */
export const formatPercent = (share: number) => `${Math.round(share * 100)}%`;

/** A share with its interval: "60% (23-88%)". */
export const formatShare = (share: SurveyShare) =>
  `${formatPercent(share.share)} (${Math.round(share.low * 100)}–${formatPercent(share.high)})`;

/** An NPS with its interval: "+12 (-40 to +64)". */
export const formatNps = (nps: SurveyNps) => {
  const signed = (n: number) => `${n > 0 ? '+' : ''}${Math.round(n)}`;
  return `${signed(nps.score)} (${signed(nps.low)} to ${signed(nps.high)})`;
};

/** A mean on its scale: "3.4". */
export const formatMean = (mean: number) => mean.toFixed(1);

/** A change in share points: "+12 pts". */
export const formatChange = (change: number) =>
  `${change > 0 ? '+' : ''}${Math.round(change * 100)} pts`;

/** A round's closing instant in the reader's time zone, named: "on 15 December 2026 at 17:00 CET". */
export const formatClosingTime = (instant: string) => {
  const date = new Date(instant);
  const day = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  return `on ${day} at ${time}`;
};

/**
 * Axis labels for round titles: when titles are too long for a tick, the words every title starts with ("Developer
 * experience, ") are dropped, so the ticks read "round 1", "round 2" instead of four copies of the same cut-off
 * prefix; what remains is shortened.
 */
export function roundTickLabels(titles: string[]): string[] {
  const [first = '', ...rest] = titles;
  let shared = first.length;
  for (const title of rest) {
    let i = 0;
    while (i < shared && i < title.length && title[i] === first[i]) i++;
    shared = i;
  }
  // Cut after the last ", " of the shared words ("Developer experience, | round 1"), else after its last space; keep
  // every label non-empty.
  const prefix = first.slice(0, shared);
  const comma = prefix.lastIndexOf(', ');
  const cut = comma > 0 ? comma + 2 : prefix.lastIndexOf(' ') + 1;
  const needed = titles.some(t => t.length > 22); // short titles ("Round 1") stay whole
  const usable = needed && titles.length > 1 && cut > 0 && titles.every(t => t.length > cut);
  return titles.map(title => {
    const label = title.slice(usable ? cut : 0).trim();
    return label.length > 22 ? `${label.slice(0, 21)}…` : label;
  });
}
