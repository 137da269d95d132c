// CloudWatch ListMetrics over the metrics store (docs/dms-api.md §8): the series with data in
// the last three hours (the store's retention), filtered by Namespace, MetricName and
// dimension filters (a name, or a name and value, that the metric must have), 500 a page.
import type { Call, Handler, Input } from '../context.js';
import { DMS_NAMESPACE, type SeriesKey } from '../metrics/store.js';
import { fingerprint, makeToken, readToken } from './tokens.js';

const PAGE = 500;

interface DimensionFilter {
  Name: string;
  Value?: string;
}

function dimensionsOf(s: SeriesKey) {
  return [
    { Name: 'ReplicationInstanceIdentifier', Value: s.dimensions.ReplicationInstanceIdentifier },
    { Name: 'ReplicationTaskIdentifier', Value: s.dimensions.ReplicationTaskIdentifier },
  ];
}

const listMetrics: Handler = (call: Call, input: Input) => {
  const filters: DimensionFilter[] = input.Dimensions ?? [];
  const matched = call.sandbox.metrics
    .series()
    .filter(
      (s) =>
        (input.Namespace === undefined || input.Namespace === DMS_NAMESPACE) &&
        (input.MetricName === undefined || input.MetricName === s.metric),
    )
    .map((s) => ({ Namespace: DMS_NAMESPACE, MetricName: s.metric, Dimensions: dimensionsOf(s) }))
    .filter((m) =>
      filters.every((f) =>
        m.Dimensions.some(
          (d) => d.Name === f.Name && (f.Value === undefined || d.Value === f.Value),
        ),
      ),
    )
    .sort(
      (a, b) =>
        a.MetricName.localeCompare(b.MetricName) ||
        a.Dimensions.map((d) => d.Value)
          .join('\u0000')
          .localeCompare(b.Dimensions.map((d) => d.Value).join('\u0000')),
    );
  const print = fingerprint([input.Namespace, input.MetricName, filters, input.RecentlyActive]);
  const offset = input.NextToken === undefined ? 0 : readToken(input.NextToken, 'l', print);
  const next = offset + PAGE;
  return {
    Metrics: matched.slice(offset, next),
    NextToken: next < matched.length ? makeToken('l', print, next) : undefined,
    ...(input.IncludeLinkedAccounts === true ? { OwningAccounts: [] } : {}),
  };
};

export const listMetricsHandlers: Record<string, Handler> = { ListMetrics: listMetrics };
