import { incidentReviewMarkdown, markdownQuote, markdownText, markdownUrl } from './reviewMarkdown';
import { novemberReview } from './reviewExportFixtures';

describe('markdownText', () => {
  it('escapes every character that could make a link, an image, HTML or formatting', () => {
    expect(markdownText('[x](http://evil) ![i](y) <b>*_`#|~&')).toBe(
      '\\[x\\]\\(http\\://evil\\) \\!\\[i\\]\\(y\\) \\<b\\>\\*\\_\\`\\#\\|\\~\\&',
    );
    expect(markdownText('plain words, 42')).toBe('plain words, 42');
  });
});

describe('markdownUrl', () => {
  it('percent-encodes what could end a link destination and refuses other schemes', () => {
    // space -> %20, ( -> %28, ) -> %29, > -> %3E
    expect(markdownUrl('https://wiki/pm/a b(c)>')).toBe('https://wiki/pm/a%20b%28c%29%3E');
    expect(markdownUrl('data:text/html,<script>x</script>')).toBeUndefined();
    expect(markdownUrl('ftp://wiki/pm')).toBeUndefined();
  });
});

describe('markdownQuote', () => {
  it('quotes each line with a hard break, and keeps paragraphs apart', () => {
    expect(markdownQuote('one\r\ntwo\n\n  three  ')).toBe('> one\\\n> two\n>\n> three');
  });
});

describe('incidentReviewMarkdown', () => {
  it('writes the heading, the summary and one section per incident, with hostile text inert', () => {
    // Summary: 2 incidents, 135 min; threshold 0.2 -> "20.0%"; inc-42 spent 0.304 -> "30.4%", inc-43 0.45 -> "45.0%".
    expect(incidentReviewMarkdown(novemberReview)).toBe(
      [
        '# Incident review 2026-11: group\\:default/payments',
        '',
        '2 production incident(s), 135 minutes in total. 2 postmortem(s) required (above 20.0% of any error budget): ' +
          '1 done, 1 outstanding.',
        '',
        '## inc\\-42\\: Checkout 500s',
        '',
        '- Service: component\\:default/checkout',
        '- Started: 2026-11-20T10:00:00.000Z',
        '- Resolved: 2026-11-20T12:00:00.000Z',
        '- Duration: 120 minutes',
        '- Budget spent: availability / 99% 30.4%',
        '- Caused by: deployment dep\\-7 (attributed by time)',
        '- Postmortem: **outstanding**',
        '',
        '### Learnings',
        '',
        '> Retry storms, see \\[here\\]\\(javascript\\:alert\\(1\\)\\) \\<img src\\=x onerror\\=alert\\(1\\)\\>\\',
        '> \\=SUM\\(A1\\)',
        '>',
        '> Second paragraph',
        '',
        '_Written by user\\:default/bob at 2026-11-22T09:30:00.000Z_',
        '',
        '## inc\\-43',
        '',
        '- Service: component\\:default/payments\\-api',
        '- Started: 2026-11-21T10:00:00.000Z',
        '- Resolved: 2026-11-21T10:15:00.000Z',
        '- Duration: 15 minutes',
        '- Budget spent: latency / 95% under 300ms 45.0%',
        '- Caused by: deployment dep\\-9',
        '- Postmortem: done ([link](https://wiki.example.com/pm/inc%2043%28draft%29))',
        '',
        '### Learnings',
        '',
        '_None recorded._',
        '',
      ].join('\n'),
    );
  });

  it('names the organisation and says when the month had no incident', () => {
    const { groupRef, ...org } = novemberReview;
    const text = incidentReviewMarkdown({
      ...org,
      summary: { incidents: 0, totalDurationMinutes: 0, postmortemsRequired: 0, postmortemsDone: 0, postmortemsOutstanding: 0 },
      incidents: [],
    });
    expect(text.split('\n')[0]).toBe('# Incident review 2026-11: the organisation');
    expect(text.trim().endsWith('No production incidents this month.')).toBe(true);
  });
});
