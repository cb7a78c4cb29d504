/**
 * Frame *work* from a Chromium trace, for the browser benchmarks.
 *
 * requestAnimationFrame deltas measure the frame *interval*: at 60 Hz it cannot
 * fall below 16.67 ms and Chromium reports it in 0.1 ms steps, so a p95 of
 * 16.8 ms says a frame landed one step late, not that it needed more than its
 * budget. What a frame costs is the renderer main thread's busy time: every
 * top-level task (socket message handlers, timers, rAF callbacks, style,
 * layout, paint, commit) from one BeginMainThreadFrame to the next. A frame
 * whose work fits in the vsync interval never makes the page late by itself.
 *
 * Both clocks are kept: wall time (`dur`, what the frame took, which grows when
 * the OS runs another process) and thread time (`tdur`, the CPU the page
 * itself used, which a busy machine does not inflate).
 */

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread CPU time of the event: unlike `dur`, it does not grow while the OS runs someone else. */
  tdur?: number;
  pid: number;
  tid: number;
  cat: string;
  args?: { name?: string };
}

export interface FrameWork {
  /** Main-thread busy time per rendered frame, wall clock, µs, ascending. */
  wall: number[];
  /** The same in thread CPU time, µs, ascending. */
  cpu: number[];
  /** Gaps between consecutive main-thread frames, µs, in order. */
  gaps: number[];
  /** Microseconds of the traced window the tasks cover, and its length. */
  busyWall: number;
  busyCpu: number;
  span: number;
}

const TASK = 'RunTask';
const FRAME = 'BeginMainThreadFrame';

/** The renderer main thread: the CrRendererMain thread that ran the most task time (there is one page). */
export function rendererMainThread(events: readonly TraceEvent[]): { pid: number; tid: number } | undefined {
  const renderers = new Set<string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') renderers.add(`${e.pid}:${e.tid}`);
  const busy = new Map<string, number>();
  for (const e of events) {
    if (e.name !== TASK || e.ph !== 'X') continue;
    const key = `${e.pid}:${e.tid}`;
    if (renderers.size > 0 && !renderers.has(key)) continue;
    busy.set(key, (busy.get(key) ?? 0) + (e.dur ?? 0));
  }
  const best = [...busy.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!best) return undefined;
  const [pid, tid] = best.split(':').map(Number);
  return { pid: pid ?? 0, tid: tid ?? 0 };
}

/**
 * Per rendered frame, the main thread's busy time: a frame starts with the
 * task that holds its BeginMainThreadFrame and owns every top-level task that
 * starts before the next frame's. Tasks before the first frame and after the
 * last one are left out (the window's edges are partial frames).
 */
export function frameWork(events: readonly TraceEvent[]): FrameWork | undefined {
  const main = rendererMainThread(events);
  if (!main) return undefined;
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid).sort((a, b) => a.ts - b.ts);
  // Top-level tasks only: a nested run loop's tasks are inside their parent's time already.
  const tasks: TraceEvent[] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const e of mine) {
    if (e.name !== TASK || e.ph !== 'X' || e.ts < end) continue;
    tasks.push(e);
    end = e.ts + (e.dur ?? 0);
  }
  // Each frame begins at the start of the task its BeginMainThreadFrame runs in (or at the mark itself when outside any).
  const starts: number[] = [];
  let t = 0;
  for (const e of mine) {
    if (e.name !== FRAME) continue;
    while (t < tasks.length && (tasks[t]?.ts ?? 0) + (tasks[t]?.dur ?? 0) < e.ts) t += 1;
    const holder = tasks[t];
    const start = holder && holder.ts <= e.ts ? holder.ts : e.ts;
    if (starts.at(-1) !== start) starts.push(start);
  }
  const wall: number[] = [];
  const cpu: number[] = [];
  let k = 0;
  for (let f = 0; f + 1 < starts.length; f++) {
    const from = starts[f] ?? 0;
    const to = starts[f + 1] ?? 0;
    let w = 0;
    let c = 0;
    while (k < tasks.length && (tasks[k]?.ts ?? 0) < from) k += 1;
    while (k < tasks.length && (tasks[k]?.ts ?? 0) < to) {
      w += tasks[k]?.dur ?? 0;
      c += tasks[k]?.tdur ?? tasks[k]?.dur ?? 0;
      k += 1;
    }
    wall.push(w);
    cpu.push(c);
  }
  const gaps = starts.slice(1).map((s, i) => s - (starts[i] ?? s));
  const first = starts[0] ?? 0;
  const last = starts.at(-1) ?? 0;
  return {
    wall: wall.sort((a, b) => a - b),
    cpu: cpu.sort((a, b) => a - b),
    gaps,
    busyWall: wall.reduce((s, x) => s + x, 0),
    busyCpu: cpu.reduce((s, x) => s + x, 0),
    span: last - first,
  };
}

/** Inclusive main-thread time by event name, CPU and wall µs (events nest, so these overlap). */
export function timeByEvent(events: readonly TraceEvent[]): Map<string, { wall: number; cpu: number }> {
  const main = rendererMainThread(events);
  const byName = new Map<string, { wall: number; cpu: number }>();
  if (!main) return byName;
  for (const e of events) {
    if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X') continue;
    if (e.name === TASK || e.name === 'ThreadControllerImpl::RunTask') continue;
    const t = byName.get(e.name) ?? { wall: 0, cpu: 0 };
    t.wall += e.dur ?? 0;
    t.cpu += e.tdur ?? 0;
    byName.set(e.name, t);
  }
  return byName;
}
