/**
 * Pixel geometry of the SVG charts. Screen coordinates are plain numbers:
 * the exact decimals are cut to a float only here, for drawing.
 */

/** One palette for every allocation chart, so "Equities" keeps its colour when the advisor switches clients. */
export const PALETTE = ['#4c8dff', '#2fbf71', '#e8b339', '#c774e8', '#3cc8c8', '#f0525a', '#8f9bb3', '#f08c3c', '#7bd35a', '#5a6cf0'];

export function colourAt(i: number): string {
  return PALETTE[i % PALETTE.length] ?? '#8f9bb3';
}

/**
 * The SVG path of one donut segment from `start` to `end` (fractions of the
 * full turn, 0 at twelve o'clock, clockwise). A whole turn is drawn as two
 * halves because an arc whose ends meet draws nothing.
 */
export function donutSegmentPath(start: number, end: number, cx: number, cy: number, outer: number, inner: number): string {
  const span = end - start;
  if (span <= 0) return '';
  if (span >= 0.9999) {
    return `${donutSegmentPath(0, 0.5, cx, cy, outer, inner)} ${donutSegmentPath(0.5, 1, cx, cy, outer, inner)}`;
  }
  const large = span > 0.5 ? 1 : 0;
  const [x0, y0] = pointAt(start, cx, cy, outer);
  const [x1, y1] = pointAt(end, cx, cy, outer);
  const [x2, y2] = pointAt(end, cx, cy, inner);
  const [x3, y3] = pointAt(start, cx, cy, inner);
  return [
    `M ${f(x0)} ${f(y0)}`,
    `A ${f(outer)} ${f(outer)} 0 ${large} 1 ${f(x1)} ${f(y1)}`,
    `L ${f(x2)} ${f(y2)}`,
    `A ${f(inner)} ${f(inner)} 0 ${large} 0 ${f(x3)} ${f(y3)}`,
    'Z',
  ].join(' ');
}

function pointAt(turn: number, cx: number, cy: number, r: number): [number, number] {
  const angle = turn * 2 * Math.PI - Math.PI / 2;
  return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
}

function f(n: number): string {
  return n.toFixed(2);
}

/** Start and end of each segment as fractions of the turn, from weights that add up to 1 (or less: the rest stays empty). */
export function segmentsOf(weights: readonly number[]): { start: number; end: number }[] {
  let at = 0;
  return weights.map((w) => {
    const start = at;
    at += Math.max(0, w);
    return { start, end: Math.min(1, at) };
  });
}

/** Bar length in pixels for a weight against the largest weight, never negative. */
export function barLength(weight: number, largest: number, full: number): number {
  if (largest <= 0 || weight <= 0) return 0;
  return Math.max(1, (weight / largest) * full);
}
