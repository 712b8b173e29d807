import { createRequire } from 'node:module';

// The parser is CommonJS without types; its result gets one below.
const parse = createRequire(import.meta.url)('parse-prometheus-text-format') as (text: string) => unknown[];

/** One metric family of a Prometheus text exposition, as a parser of the format reads it. */
export interface MetricFamily {
  name: string;
  help: string;
  type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
  metrics: Array<{ value?: string; labels?: Record<string, string>; buckets?: Record<string, string>; count?: string; sum?: string }>;
}

/**
 * Parses `/metrics` output with a real parser of the Prometheus text format, so a test fails on
 * output Prometheus could not read, not only on a missing line.
 */
export function parsePrometheusText(text: string): MetricFamily[] {
  return parse(text) as MetricFamily[];
}

/** The value of one sample: the metric family `name`, the sample whose labels include `labels`. */
export function sampleValue(families: MetricFamily[], name: string, labels: Record<string, string> = {}): number | undefined {
  const family = families.find((candidate) => candidate.name === name);
  const sample = family?.metrics.find((metric) => Object.entries(labels).every(([key, value]) => metric.labels?.[key] === value));
  return sample?.value === undefined ? undefined : Number(sample.value);
}
