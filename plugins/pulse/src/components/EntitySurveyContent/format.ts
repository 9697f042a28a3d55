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
