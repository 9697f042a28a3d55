import { incidentReviewCsv } from './reviewCsv';
import { novemberReview } from './reviewExportFixtures';

describe('incidentReviewCsv', () => {
  it('writes one row per incident, with quoted multi-line learnings and formulas defused', () => {
    // Shares 0.304 -> 30.4 and 0.45 -> 45 (percent, one decimal). inc-42's learning starts with "Retry" (no guard)
    // but holds quotes-free commas and line breaks, so it is quoted; inc-43 has no title, learnings or author.
    const lines = incidentReviewCsv(novemberReview);
    expect(lines).toBe(
      [
        'id,entity,title,created,resolved,minutes,budget_share_percent,postmortem_status,postmortem_url,learnings,learnings_by',
        'inc-42,component:default/checkout,Checkout 500s,2026-11-20T10:00:00.000Z,2026-11-20T12:00:00.000Z,120,30.4,' +
          'outstanding,,"Retry storms, see [here](javascript:alert(1)) <img src=x onerror=alert(1)>\n=SUM(A1)\n\n' +
          'Second paragraph",user:default/bob',
        'inc-43,component:default/payments-api,,2026-11-21T10:00:00.000Z,2026-11-21T10:15:00.000Z,15,45,done,' +
          'https://wiki.example.com/pm/inc 43(draft),,',
        '',
      ].join('\n'),
    );
  });

  it('defuses a learning that starts a formula', () => {
    const [incident] = novemberReview.incidents;
    const csv = incidentReviewCsv({
      ...novemberReview,
      incidents: [{ ...incident, learnings: { ...incident.learnings!, text: '=HYPERLINK("http://evil","click")' } }],
    });
    // The quote marks are doubled and the cell quoted because of the comma; the apostrophe keeps it text.
    expect(csv.split('\n')[1]).toContain(`,"'=HYPERLINK(""http://evil"",""click"")",user:default/bob`);
  });
});
