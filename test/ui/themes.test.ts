/**
 * Issue 4: the chat reads well in light, dark and high-contrast themes. The view uses only the
 * theme's `--vscode-*` colours; these journeys open the real workbench in each theme and
 * measure the WCAG contrast of what a reader reads (answer text, code, the stats line, buttons,
 * the message box) against what is actually behind it, and saves a screenshot of each.
 * Issue 23: in each theme, at 250 px, the header and the composer stay on one line and no text
 * overflows its box (measured with getBoundingClientRect in the real workbench).
 */
import * as assert from 'node:assert/strict';
import { useJourney } from './journey';
import { findLayoutProblems } from './layoutProbe';
import { answerFinished, waitFor } from './workbench';

/**
 * The ids this workbench (VS Code 1.139) applies from `workbench.colorTheme` at start. The high
 * contrast ones apply only with `window.autoDetectHighContrast` off (found in this harness, whose
 * browser does not report high contrast).
 */
const THEMES = ['Default Light Modern', 'Default Dark Modern', 'Default High Contrast', 'Default High Contrast Light'];
/** The class the workbench carries once each theme is applied. */
const THEME_CLASS: Record<string, string> = {
  'Default Light Modern': 'vs',
  'Default Dark Modern': 'vs-dark',
  'Default High Contrast': 'hc-black',
  'Default High Contrast Light': 'hc-light',
};

/** Body text needs 4.5:1 (WCAG AA); secondary text such as the stats line 3:1 (AA large / UI). */
const TARGETS: Record<string, number> = { answer: 4.5, code: 4.5, tokens: 4.5, stats: 3, button: 3, input: 4.5 };

/** In the chat frame: contrast of each probe's text against its effective background. */
function measureContrast(): { ratios: Record<string, number>; weakTokens: string[] } {
  const parse = (color: string): [number, number, number, number] => {
    // `color-mix()` computes to `color(srgb r g b / a)` with channels from 0 to 1.
    const srgb = /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)(?: \/ ([\d.]+))?\)/.exec(color);
    if (srgb) return [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255, srgb[4] === undefined ? 1 : Number(srgb[4])];
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(color);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : [0, 0, 0, 0];
  };
  const background = (element: Element | null): [number, number, number] => {
    // Blend translucent layers from the page up to the element.
    const layers: [number, number, number, number][] = [];
    for (let node = element; node; node = node.parentElement) layers.unshift(parse(getComputedStyle(node).backgroundColor));
    let rgb: [number, number, number] = parse(getComputedStyle(document.documentElement).backgroundColor).slice(0, 3) as [number, number, number];
    if (layers.every((l) => l[3] === 0)) rgb = [255, 255, 255];
    for (const [r, g, b, a] of layers) rgb = [r * a + rgb[0] * (1 - a), g * a + rgb[1] * (1 - a), b * a + rgb[2] * (1 - a)];
    return rgb;
  };
  const luminance = ([r, g, b]: [number, number, number]): number => {
    const channel = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const contrast = (element: Element | null): number => {
    if (!element) return 0;
    const [r, g, b, a] = parse(getComputedStyle(element).color);
    const behind = background(element);
    const text: [number, number, number] = [r * a + behind[0] * (1 - a), g * a + behind[1] * (1 - a), b * a + behind[2] * (1 - a)];
    const [light, dark] = [luminance(text), luminance(behind)].sort((x, y) => y - x) as [number, number];
    return Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100;
  };
  // None at all counts as 0: the probe must have something to measure.
  const leastReadable = (ratios: number[]): number => (ratios.length ? Math.min(...ratios) : 0);
  const answer = document.querySelector('article[aria-label="Assistant"]');
  const tokens = [...(answer?.querySelectorAll('pre code [class*="hljs-"]') ?? [])];
  // Which kinds of token fall short, so a failure says what to fix.
  const weakTokens = [...new Set(tokens.filter((token) => contrast(token) < 4.5).map((token) => `${token.className} ${contrast(token)}:1`))];
  const ratios = {
    answer: contrast(answer?.querySelector('.markdown-body p') ?? null),
    code: contrast(answer?.querySelector('pre code') ?? null),
    // The least readable highlighted token (keywords, strings, names…) of the answer's code.
    tokens: leastReadable(tokens.map(contrast)),
    stats: contrast(answer?.querySelector('.stats-line, [class*="stats"]') ?? null),
    button: contrast(answer?.querySelector('button') ?? null),
    input: contrast(document.querySelector('textarea')),
  };
  return { ratios, weakTokens };
}

for (const theme of THEMES) {
  describe(`Theme: ${theme}`, function () {
    const journey = useJourney(`theme-${theme.toLowerCase().replace(/\s+/g, '-')}`, { settings: { 'workbench.colorTheme': theme, 'window.autoDetectHighContrast': false } });

    it('keeps answer text, code and its highlighted tokens, stats, buttons and the message box readable', async function () {
      this.timeout(120_000);
      const { workbench } = journey();
      const token = THEME_CLASS[theme] ?? theme;
      // The configured theme is applied once the theme extensions have loaded.
      await waitFor(`the workbench in ${theme}`, async () => {
        const classes = await workbench.page.evaluate(() => document.querySelector('.monaco-workbench')?.className ?? '');
        return classes.split(/\s+/).includes(token) ? true : undefined;
      });
      const answer = await workbench.ask('Show me an add function.');
      await answerFinished(answer);
      const { ratios: measured, weakTokens } = await workbench.chat().evaluate(measureContrast);
      console.log(`      ${theme}: ${Object.entries(measured).map(([k, v]) => `${k} ${v}:1`).join(', ')}`);
      if (weakTokens.length) console.log(`      hard to read: ${weakTokens.join('; ')}`);
      const failures = Object.entries(measured)
        .filter(([probe, ratio]) => ratio < (TARGETS[probe] ?? 4.5))
        .map(([probe, ratio]) => `${probe} ${ratio}:1 < ${TARGETS[probe]}:1`);
      await workbench.screenshot(`test-results/theme-${theme.toLowerCase().replace(/\s+/g, '-')}.png`);
      assert.deepEqual(failures, []);
    });

    it('keeps the header and the composer on one line at 250 px, with no text overflowing', async function () {
      this.timeout(120_000);
      const { workbench } = journey();
      await workbench.resizeSideBar(250);
      const frameWidth = await workbench.chat().evaluate(() => document.documentElement.clientWidth);
      assert.ok(frameWidth <= 260, `the view is ${frameWidth} px wide`);
      await workbench.titleAction('New chat').waitFor();
      await workbench.titleAction('History').waitFor();
      const problems = await workbench.chat().evaluate(findLayoutProblems);
      await workbench.screenshot(`test-results/narrow-${theme.toLowerCase().replace(/\s+/g, '-')}.png`);
      assert.deepEqual(problems, []);
    });
  });
}
