export type { QueueCounters } from './queue-counters.js';
export { QueueModel } from './queue-model.js';
export { countersBetween } from './redis-counters.js';
export { runReportJsonSchema, runReportSchema } from './report-schema.js';
export { buildRunReport, figuresOf, type EngineName, type EngineStats, type RunFigures, type RunReport, type RunScenario } from './run-report.js';
export { ci95HalfWidth, studentT975 } from './student-t.js';
export { runVirtual, type VirtualRunOptions, type VirtualRunResult } from './virtual-engine.js';
