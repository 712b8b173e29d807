import type { RunReport } from '@restaurant/sim';
import type { SweepCell } from './sweep-cell.js';
import type { SweepPlan } from './sweep-plan.js';
import { recommendStaffing } from './staffing-recommendation.js';

interface Metric {
  title: string;
  value: (report: RunReport) => number;
  /** The value that gets the full colour. */
  top: (capacity: number) => number;
  label: (value: number) => string;
  /** RGB of the full colour; zero is white. */
  rgb: [number, number, number];
}

const METRICS: Metric[] = [
  {
    title: 'Customers finding the queue empty',
    value: (r) => r.emptyFraction,
    top: () => 1,
    label: (v) => `${(v * 100).toFixed(v < 0.1 ? 1 : 0)}%`,
    rgb: [200, 40, 40],
  },
  {
    title: 'Meals dropped at a full queue',
    value: (r) => r.fullFraction,
    top: () => 1,
    label: (v) => `${(v * 100).toFixed(v < 0.1 ? 1 : 0)}%`,
    rgb: [220, 140, 0],
  },
  {
    title: 'Mean queue length',
    value: (r) => r.meanQueueLength,
    top: (capacity) => capacity,
    label: (v) => v.toFixed(v < 10 ? 2 : 0),
    rgb: [40, 90, 200],
  },
];

const CELL_W = 46;
const CELL_H = 26;
const LEFT = 64;
const TOP = 60;
const GAP = 36;

/**
 * Heatmaps, one per figure (rows) and queue capacity (columns), cooks down and customers across,
 * each cell labelled with its value; a black frame marks the recommended number of cooks. Plain
 * SVG with text, so any browser shows it.
 */
export function sweepChart(cells: readonly SweepCell[], plan: SweepPlan): string {
  const panelW = LEFT + plan.consumers.length * CELL_W;
  const panelH = TOP + plan.producers.length * CELL_H + 34;
  const width = plan.capacities.length * (panelW + GAP) + GAP;
  const height = 60 + METRICS.length * (panelH + GAP) + 20;
  const chosen = new Set(
    recommendStaffing(cells, plan.maxEmptyFraction).flatMap((rec) =>
      rec.chosen ? [`${rec.capacity}/${rec.chosen.producers}/${rec.consumers}`] : [],
    ),
  );
  const byKey = new Map(cells.map((cell) => [`${cell.capacity}/${cell.producers}/${cell.consumers}`, cell]));
  const { base } = plan;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${GAP}" y="24" font-size="16" font-weight="bold">Staffing sweep: cooks (rows) × customers (columns), per queue capacity</text>`,
    `<text x="${GAP}" y="44" fill="#444">Cook every ${base.producerPeriodS} s, customer every ${base.consumerMinS}-${base.consumerMaxS} s; ${base.engine} engine, ` +
      `${base.modelHours} model h × ${base.replications} replication(s), means. Framed: fewest cooks with ≤ ${+(plan.maxEmptyFraction * 100).toFixed(2)}% empty visits.</text>`,
  ];
  METRICS.forEach((metric, row) => {
    plan.capacities.forEach((capacity, column) => {
      const x0 = GAP + column * (panelW + GAP);
      const y0 = 60 + row * (panelH + GAP);
      parts.push(
        `<text x="${x0}" y="${y0 + 16}" font-size="13" font-weight="bold">${metric.title}, capacity ${capacity}</text>`,
        `<text x="${x0 + LEFT + (plan.consumers.length * CELL_W) / 2}" y="${y0 + 34}" text-anchor="middle" fill="#444">customers</text>`,
        `<text x="${x0 + 12}" y="${y0 + TOP + (plan.producers.length * CELL_H) / 2}" text-anchor="middle" fill="#444" transform="rotate(-90 ${x0 + 12} ${y0 + TOP + (plan.producers.length * CELL_H) / 2})">cooks</text>`,
      );
      plan.consumers.forEach((consumers, i) => {
        parts.push(`<text x="${x0 + LEFT + i * CELL_W + CELL_W / 2}" y="${y0 + TOP - 4}" text-anchor="middle">${consumers}</text>`);
      });
      plan.producers.forEach((producers, j) => {
        const y = y0 + TOP + j * CELL_H;
        parts.push(`<text x="${x0 + LEFT - 6}" y="${y + CELL_H / 2 + 4}" text-anchor="end">${producers}</text>`);
        plan.consumers.forEach((consumers, i) => {
          const key = `${capacity}/${producers}/${consumers}`;
          const cell = byKey.get(key);
          if (!cell) return;
          const value = metric.value(cell.report);
          const share = Math.min(1, Math.max(0, value / metric.top(capacity)));
          const x = x0 + LEFT + i * CELL_W;
          const framed = chosen.has(key) ? ' stroke="black" stroke-width="2.5"' : ' stroke="#ddd"';
          parts.push(
            `<rect x="${x}" y="${y}" width="${CELL_W}" height="${CELL_H}" fill="${shade(metric.rgb, share)}"${framed}><title>${producers} cooks, ${consumers} customers, capacity ${capacity}: ${metric.label(value)}</title></rect>`,
            `<text x="${x + CELL_W / 2}" y="${y + CELL_H / 2 + 4}" text-anchor="middle" fill="${share > 0.6 ? 'white' : 'black'}">${metric.label(value)}</text>`,
          );
        });
      });
    });
  });
  parts.push('</svg>', '');
  return parts.join('\n');
}

/** White at 0, the full colour at 1. */
function shade([r, g, b]: [number, number, number], share: number): string {
  const mix = (full: number): number => Math.round(255 + (full - 255) * share);
  return `rgb(${mix(r)},${mix(g)},${mix(b)})`;
}
