import type { PnlSeries } from '../streams/deskState.ts';

/** One line of the intraday P&L chart, ready for lightweight-charts. */
export interface ChartLine {
  readonly key: string;
  readonly title: string;
  readonly color: string;
  readonly width: 1 | 2;
  /** Numbers for drawing only: the figures themselves stay decimal strings everywhere else. */
  readonly points: readonly { readonly time: number; readonly value: number }[];
}

const TRADER_COLORS = ['#4c8dff', '#e0b341', '#c678dd', '#26c6da', '#ff8a65', '#9ccc65', '#f06292', '#90a4ae'];
const DESK_COLOR = '#e8eef6';

/** The desk first and thicker, then each trader in a colour kept by name order, so a trader keeps their colour as others appear. */
export function chartLines(series: readonly PnlSeries[]): ChartLine[] {
  const desks = series.filter((s) => s.key.startsWith('desk:')).sort((a, b) => a.key.localeCompare(b.key));
  const traders = series.filter((s) => !s.key.startsWith('desk:')).sort((a, b) => a.key.localeCompare(b.key));
  const points = (s: PnlSeries) => s.points.map((p) => ({ time: p.time, value: Number(p.net) }));
  return [
    ...desks.map((s): ChartLine => ({ key: s.key, title: `${s.label} (desk)`, color: DESK_COLOR, width: 2, points: points(s) })),
    ...traders.map((s, i): ChartLine => ({ key: s.key, title: s.label, color: TRADER_COLORS[i % TRADER_COLORS.length] ?? DESK_COLOR, width: 1, points: points(s) })),
  ];
}
