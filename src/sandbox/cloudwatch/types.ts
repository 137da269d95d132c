// The CloudWatch request members the handlers read (after the model check).

export interface Dimension {
  Name: string;
  Value: string;
}

export interface MetricStat {
  Metric: { Namespace?: string; MetricName?: string; Dimensions?: Dimension[] };
  Period: number;
  Stat: string;
  Unit?: string;
}

export interface MetricQuery {
  Id: string;
  MetricStat?: MetricStat;
  Expression?: string;
  Label?: string;
  ReturnData?: boolean;
  Period?: number;
  AccountId?: string;
}

/** A timestamp member as it arrives: epoch seconds (JSON), or text (awsQuery: ISO 8601). */
export function timestampMs(value: unknown): number {
  if (typeof value === 'number') return value * 1000;
  const text = String(value);
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) * 1000 : Date.parse(text);
}
