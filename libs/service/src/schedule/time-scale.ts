/** Wall milliseconds for a span of model seconds: time scale 0.01 runs a hundred times faster. */
export function modelSecondsToWallMs(modelSeconds: number, timeScale: number): number {
  return modelSeconds * timeScale * 1000;
}
