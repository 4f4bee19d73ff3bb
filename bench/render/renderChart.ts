/** The render benchmark's chart: our renderer vs the naive one, total main-thread time by length. */
export interface ChartPoint {
  readonly tokens: number;
  readonly oursMs: number;
  readonly naiveMs: number;
}

const WIDTH = 640;
const HEIGHT = 360;
const MARGIN = { left: 70, right: 20, top: 40, bottom: 50 };

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderChartSvg(points: readonly ChartPoint[], title: string): string {
  const maxTokens = Math.max(...points.map((point) => point.tokens));
  const maxMs = Math.max(...points.map((point) => Math.max(point.oursMs, point.naiveMs))) * 1.1;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (tokens: number): number => MARGIN.left + (tokens / maxTokens) * plotWidth;
  const y = (ms: number): number => MARGIN.top + plotHeight - (ms / maxMs) * plotHeight;
  const line = (pick: (point: ChartPoint) => number): string =>
    points.map((point, index) => `${index === 0 ? 'M' : 'L'}${x(point.tokens).toFixed(1)},${y(pick(point)).toFixed(1)}`).join(' ');
  const dots = (pick: (point: ChartPoint) => number, color: string): string =>
    points.map((point) => `<circle cx="${x(point.tokens).toFixed(1)}" cy="${y(pick(point)).toFixed(1)}" r="3" fill="${color}"><title>${point.tokens} tokens: ${pick(point).toFixed(0)} ms</title></circle>`).join('');
  const yTicks = Array.from({ length: 5 }, (_, index) => (maxMs / 4) * index);
  const grid = yTicks
    .map((ms) => `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(ms).toFixed(1)}" y2="${y(ms).toFixed(1)}" stroke="#ddd"/><text x="${MARGIN.left - 6}" y="${(y(ms) + 4).toFixed(1)}" text-anchor="end">${Math.round(ms)}</text>`)
    .join('');
  const xLabels = points.map((point) => `<text x="${x(point.tokens).toFixed(1)}" y="${HEIGHT - MARGIN.bottom + 18}" text-anchor="middle">${point.tokens / 1000}k</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="#fff"/>
<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="14">${escapeXml(title)}</text>
${grid}${xLabels}
<text x="${WIDTH / 2}" y="${HEIGHT - 10}" text-anchor="middle">answer length (tokens)</text>
<text transform="translate(16 ${HEIGHT / 2}) rotate(-90)" text-anchor="middle">main-thread time (ms)</text>
<path d="${line((point) => point.naiveMs)}" fill="none" stroke="#c0392b" stroke-width="2"/>${dots((point) => point.naiveMs, '#c0392b')}
<path d="${line((point) => point.oursMs)}" fill="none" stroke="#2471a3" stroke-width="2"/>${dots((point) => point.oursMs, '#2471a3')}
<rect x="${MARGIN.left + 10}" y="${MARGIN.top}" width="12" height="3" fill="#c0392b"/><text x="${MARGIN.left + 28}" y="${MARGIN.top + 5}">naive (re-parse whole text each frame)</text>
<rect x="${MARGIN.left + 10}" y="${MARGIN.top + 16}" width="12" height="3" fill="#2471a3"/><text x="${MARGIN.left + 28}" y="${MARGIN.top + 21}">incremental (this webview)</text>
</svg>
`;
}
