import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * Every progress lookup counted, by outcome: `ProgressLookups` in the stack's `Banjian` namespace
 * with an `outcome` dimension, as CloudWatch embedded-metric-format lines on stdout (Powertools
 * Metrics, as the calendar watch emits its own). Each is written as it happens (a single metric),
 * so a lookup is counted even when the request fails later. Locally (`POWERTOOLS_DEV`) nothing is written.
 */
export const lookupOutcomes = ['found', 'not-found', 'limited'] as const;
export type LookupOutcome = (typeof lookupOutcomes)[number];

const metrics = new Metrics({ namespace: 'Banjian', serviceName: 'banjian' });

export function countLookup(outcome: LookupOutcome, into: Metrics = metrics): void {
  const single = into.singleMetric();
  single.addDimension('outcome', outcome);
  single.addMetric('ProgressLookups', MetricUnit.Count, 1);
}
