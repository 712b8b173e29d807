// The queue's length over time against its capacity, drawn as SVG by hand: no library, works offline.

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 800;
const HEIGHT = 220;
const MARGIN = { left: 36, right: 12, top: 12, bottom: 24 };
const SPAN_MS = 5 * 60_000;

function element(name, attributes, text) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Redraws the chart: `history` is `[epoch ms, length]` pairs; the length holds between reads, so
 * the line is drawn in steps. `modelMean` (or null) is the virtual engine's mean length.
 */
export function drawLengthChart(svg, { history, capacity, now, modelMean }) {
  const top = Math.max(1, capacity, ...history.map(([, length]) => length));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (t) => MARGIN.left + plotWidth * (1 - Math.min(SPAN_MS, Math.max(0, now - t)) / SPAN_MS);
  const y = (length) => MARGIN.top + plotHeight * (1 - length / top);

  const nodes = [];
  const step = Math.max(1, Math.ceil(top / 6));
  for (let length = 0; length <= top; length += step) {
    nodes.push(element('line', { class: 'grid', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(length), y2: y(length) }));
    nodes.push(element('text', { class: 'tick', x: MARGIN.left - 6, y: y(length) + 4, 'text-anchor': 'end' }, length));
  }
  for (let minutes = 5; minutes >= 0; minutes--) {
    const label = minutes === 0 ? 'now' : `−${minutes} min`;
    nodes.push(element('text', { class: 'tick', x: x(now - minutes * 60_000), y: HEIGHT - 6, 'text-anchor': 'middle' }, label));
  }
  nodes.push(element('line', { class: 'capacity', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(capacity), y2: y(capacity) }));
  if (modelMean !== null) {
    nodes.push(element('line', { class: 'model', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(modelMean), y2: y(modelMean) }));
  }
  const points = [];
  history.forEach(([t, length], index) => {
    if (index > 0) points.push(`${x(t).toFixed(1)},${y(history[index - 1][1]).toFixed(1)}`);
    points.push(`${x(t).toFixed(1)},${y(length).toFixed(1)}`);
  });
  nodes.push(element('polyline', { class: 'length', points: points.join(' ') }));

  svg.replaceChildren(...nodes);
  svg.dataset.points = String(history.length);
}
