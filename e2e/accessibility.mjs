// The accessibility scan of a Pulse page: axe-core (the engine behind Lighthouse's and Deque's checks) run in the page,
// reporting the violations of impact "serious" or "critical" in the page's main content.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The serious and critical axe violations of the page's main content, one line each (rule, impact, first targets). */
export async function seriousViolations(page) {
  // Evaluated through the DevTools protocol: the portal's Content-Security-Policy (rightly) refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // The Pulse content. (Production builds suffix class names, MuiTabs-root-612, hence the attribute selector.) The app shell (sidebar) and the entity page's tab bar are Backstage's, with its theme's
    // colours (a grey tab label at 2.6:1), and are left to Backstage.
    const main = document.querySelector('main') ?? document.body;
    const result = await window.axe.run({ include: [main], exclude: [['[class*="MuiTabs-root"]']] }, { resultTypes: ['violations'] });
    return result.violations.map(v => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      // The element itself and, for contrast, the colours axe measured: enough to find and fix it.
      targets: v.nodes.slice(0, 3).map(n => {
        const contrast = n.any.find(check => check.data?.contrastRatio)?.data;
        const colours = contrast ? ` [${contrast.fgColor} on ${contrast.bgColor}: ${contrast.contrastRatio}:1]` : '';
        return `${n.html.slice(0, 140)}${colours}`;
      }),
      count: v.nodes.length,
    }));
  });
  return violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}, ${v.count}x): ${v.help} at ${v.targets.join(', ')}`);
}
