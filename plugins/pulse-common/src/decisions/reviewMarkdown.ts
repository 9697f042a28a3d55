import { IncidentReview, ReviewedIncident } from './types';

/**
 * User text made inert for Markdown: every character CommonMark or GitHub Markdown can give a meaning to (links,
 * images, HTML, emphasis, code, headings, lists, tables, autolinks) is backslash-escaped, which CommonMark allows for
 * any ASCII punctuation, so the text renders exactly as typed.
 */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&:@=]/g, '\\$&');
}

/** An http(s) URL as a Markdown link destination (characters that could end it percent-encoded); undefined otherwise. */
export function markdownUrl(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  return url.replace(/[\s()<>\\"'`]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Multi-line user text as a block quote: lines keep their breaks, blank lines split paragraphs. */
export function markdownQuote(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map(p => p.split('\n').map(line => markdownText(line.trim())).filter(line => line.length > 0))
    .filter(lines => lines.length > 0);
  // A backslash at the end of a line is a hard line break in CommonMark.
  return paragraphs.map(lines => lines.map(line => `> ${line}`).join('\\\n')).join('\n>\n');
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

function postmortemLine(incident: ReviewedIncident): string {
  const url = incident.postmortemUrl ? markdownUrl(incident.postmortemUrl) : undefined;
  if (url) return `- Postmortem: done ([link](${url}))`;
  if (incident.postmortemUrl) return `- Postmortem: done (${markdownText(incident.postmortemUrl)})`;
  return incident.postmortemStatus === 'outstanding' ? '- Postmortem: **outstanding**' : '- Postmortem: not required';
}

function causeLine(incident: ReviewedIncident): string {
  if (!incident.deployment) return '- Caused by: no deployment linked';
  const how = incident.deployment.linked === 'attributed' ? ' (attributed by time)' : '';
  return `- Caused by: deployment ${markdownText(incident.deployment.id)}${how}`;
}

function incidentSection(incident: ReviewedIncident): string {
  const title = `${incident.id}${incident.description ? `: ${incident.description}` : ''}`;
  const spent =
    incident.budgetSpent.length === 0
      ? 'no SLO data'
      : incident.budgetSpent.map(s => `${markdownText(s.slo)} / ${markdownText(s.objective)} ${percent(s.share)}`).join('; ');
  const lines = [
    `## ${markdownText(title)}`,
    '',
    `- Service: ${markdownText(incident.entityRef)}`,
    `- Started: ${incident.createdAt}`,
    `- Resolved: ${incident.resolvedAt ?? 'still open'}`,
    `- Duration: ${incident.durationMinutes} minutes`,
    `- Budget spent: ${spent}`,
    causeLine(incident),
    postmortemLine(incident),
    '',
    '### Learnings',
    '',
  ];
  if (!incident.learnings) return [...lines, '_None recorded._'].join('\n');
  const { text, updatedBy, updatedAt } = incident.learnings;
  return [...lines, markdownQuote(text), '', `_Written by ${markdownText(updatedBy)} at ${updatedAt}_`].join('\n');
}

/** A month's review as a Markdown document to publish: heading, summary, then one section per incident. */
export function incidentReviewMarkdown(review: IncidentReview): string {
  const { summary } = review;
  const scope = review.groupRef ? markdownText(review.groupRef) : 'the organisation';
  const head = [
    `# Incident review ${review.month}: ${scope}`,
    `${summary.incidents} production incident(s), ${summary.totalDurationMinutes} minutes in total. ` +
      `${summary.postmortemsRequired} postmortem(s) required (above ${percent(review.postmortemThreshold)} of any ` +
      `error budget): ${summary.postmortemsDone} done, ${summary.postmortemsOutstanding} outstanding.`,
  ];
  const sections = review.incidents.length === 0 ? ['No production incidents this month.'] : review.incidents.map(incidentSection);
  return `${[...head, ...sections].join('\n\n')}\n`;
}
