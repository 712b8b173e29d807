/** One line of progress, redrawn in place with a carriage return: `[#####-----] 48/96 cells 3.1 s`. */
export function progressLine(done: number, total: number, elapsedS: number, width = 30): string {
  const filled = total > 0 ? Math.round((done / total) * width) : width;
  const eta = done > 0 && done < total ? `, ~${((elapsedS / done) * (total - done)).toFixed(0)} s left` : '';
  return `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} cells ${elapsedS.toFixed(1)} s${eta}  `;
}
