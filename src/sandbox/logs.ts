// CloudWatch Logs: DescribeLogGroups, DescribeLogStreams, GetLogEvents, FilterLogEvents, over
// the task logs the runner writes (docs/dms-api.md §1, §5). Timestamps in milliseconds.
import { logGroupArn } from './arn.js';
import type { Call, Handler, Input } from './context.js';
import { logsInvalid, logsNotFound } from './protocol/errors.js';
import type { LogEvent, LogGroupRecord, LogStreamRecord } from './state.js';

const BAD_TOKEN = 'The specified nextToken is invalid.';
const MAX_BYTES = 1_048_576;

function groups(call: Call): LogGroupRecord[] {
  return call.sandbox.store.state.logGroups
    .filter((g) => g.region === call.region)
    .sort((a, b) => a.name.localeCompare(b.name));
}

function groupNameOf(input: Input): string {
  if (input.logGroupName !== undefined && input.logGroupIdentifier !== undefined)
    throw logsInvalid('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
  const id: string | undefined = input.logGroupName ?? input.logGroupIdentifier;
  if (id === undefined)
    throw logsInvalid('Either logGroupName or logGroupIdentifier must be specified.');
  const m = /^arn:aws:logs:[^:]*:[^:]*:log-group:([^:]+)(:\*)?$/.exec(id);
  return m ? m[1]! : id;
}

function findGroup(call: Call, input: Input): LogGroupRecord {
  const name = groupNameOf(input);
  const group = groups(call).find((g) => g.name === name);
  if (!group) throw logsNotFound('The specified log group does not exist.');
  return group;
}

function findStream(group: LogGroupRecord, name: string): LogStreamRecord {
  const stream = group.streams.find((s) => s.name === name);
  if (!stream) throw logsNotFound('The specified log stream does not exist.');
  return stream;
}

function offsetToken(next: number): string {
  return Buffer.from(`o${next}`).toString('base64url');
}

function readOffsetToken(token: string | undefined): number {
  if (token === undefined) return 0;
  const m = /^o([0-9]+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!m) throw logsInvalid(BAD_TOKEN);
  return Number(m[1]);
}

function pageOf<T>(items: T[], input: Input, max: number) {
  const limit = input.limit ?? max;
  const offset = readOffsetToken(input.nextToken);
  const slice = items.slice(offset, offset + limit);
  return {
    slice,
    nextToken: offset + limit < items.length ? offsetToken(offset + limit) : undefined,
  };
}

const storedBytes = (s: LogStreamRecord) => s.events.reduce((n, e) => n + e.message.length, 0);

const describeLogGroups: Handler = (call, input: Input) => {
  if (input.logGroupNamePrefix !== undefined && input.logGroupNamePattern !== undefined)
    throw logsInvalid(
      'LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.',
    );
  const matched = groups(call).filter(
    (g) =>
      (input.logGroupNamePrefix === undefined || g.name.startsWith(input.logGroupNamePrefix)) &&
      (input.logGroupNamePattern === undefined || g.name.includes(input.logGroupNamePattern)),
  );
  const { slice, nextToken } = pageOf(matched, input, 50);
  return {
    logGroups: slice.map((g) => ({
      logGroupName: g.name,
      creationTime: g.createdMs,
      metricFilterCount: 0,
      arn: `${logGroupArn(g.region, g.name)}:*`,
      logGroupArn: logGroupArn(g.region, g.name),
      storedBytes: g.streams.reduce((n, s) => n + storedBytes(s), 0),
      logGroupClass: 'STANDARD',
    })),
    nextToken,
  };
};

const describeLogStreams: Handler = (call, input: Input) => {
  const group = findGroup(call, input);
  const orderBy = input.orderBy ?? 'LogStreamName';
  if (orderBy !== 'LogStreamName' && orderBy !== 'LastEventTime')
    throw logsInvalid(`Invalid orderBy: ${String(orderBy)}`);
  if (orderBy === 'LastEventTime' && input.logStreamNamePrefix !== undefined)
    throw logsInvalid('Cannot order by LastEventTime with a logStreamNamePrefix.');
  const last = (s: LogStreamRecord) => s.events[s.events.length - 1]?.timestamp ?? s.createdMs;
  const streams = group.streams
    .filter(
      (s) =>
        input.logStreamNamePrefix === undefined || s.name.startsWith(input.logStreamNamePrefix),
    )
    .sort((a, b) =>
      orderBy === 'LogStreamName' ? a.name.localeCompare(b.name) : last(a) - last(b),
    );
  if (input.descending === true) streams.reverse();
  const { slice, nextToken } = pageOf(streams, input, 50);
  return {
    logStreams: slice.map((s) => ({
      logStreamName: s.name,
      creationTime: s.createdMs,
      firstEventTimestamp: s.events[0]?.timestamp,
      lastEventTimestamp: s.events[s.events.length - 1]?.timestamp,
      lastIngestionTime: s.events[s.events.length - 1]?.ingestionTime,
      uploadSequenceToken: '49039859541583462823471112374561830125836812353937788673',
      arn: `${logGroupArn(group.region, group.name)}:log-stream:${s.name}`,
      storedBytes: 0,
    })),
    nextToken,
  };
};

/** Stream positions as CloudWatch-looking tokens: f/<56 digits>/s and b/<56 digits>/s. */
function positionToken(direction: 'f' | 'b', position: number): string {
  return `${direction}/${String(position).padStart(56, '0')}/s`;
}

function readPosition(token: string): { direction: 'f' | 'b'; position: number } {
  const m = /^([fb])\/([0-9]{56})\/s$/.exec(token);
  if (!m) throw logsInvalid(BAD_TOKEN);
  return { direction: m[1] as 'f' | 'b', position: Number(m[2]) };
}

const inRange = (e: LogEvent, input: Input) =>
  (input.startTime === undefined || e.timestamp >= input.startTime) &&
  (input.endTime === undefined || e.timestamp < input.endTime);

const getLogEvents: Handler = (call, input: Input) => {
  const group = findGroup(call, input);
  const stream = findStream(group, input.logStreamName);
  const events = stream.events;
  const limit: number = input.limit ?? 10_000;
  let forward: boolean;
  let from: number;
  if (input.nextToken !== undefined) {
    const t = readPosition(input.nextToken);
    forward = t.direction === 'f';
    from = Math.min(t.position, events.length);
  } else {
    forward = input.startFromHead === true;
    from = forward ? 0 : events.length;
  }
  const taken: number[] = [];
  let bytes = 0;
  /** Forward: where the scan stopped (past events skipped for their time, as CloudWatch's
   *  token moves past them too: a page emptied by startTime does not restart at the head). */
  let scanned = from;
  if (forward) {
    for (; scanned < events.length && taken.length < limit; scanned++) {
      // A stream is in time order: past endTime, nothing more matches (and the token stays).
      if (input.endTime !== undefined && events[scanned]!.timestamp >= input.endTime) break;
      if (!inRange(events[scanned]!, input)) continue;
      bytes += events[scanned]!.message.length + 26;
      if (bytes > MAX_BYTES && taken.length > 0) break;
      taken.push(scanned);
    }
  } else {
    for (let i = from - 1; i >= 0 && taken.length < limit; i--) {
      if (!inRange(events[i]!, input)) continue;
      bytes += events[i]!.message.length + 26;
      if (bytes > MAX_BYTES && taken.length > 0) break;
      taken.unshift(i);
    }
  }
  const first = taken[0];
  const last = taken[taken.length - 1];
  const nextForward = last === undefined ? (forward ? scanned : from) : last + 1;
  const nextBackward = first === undefined ? from : first;
  return {
    events: taken.map((i) => ({
      timestamp: events[i]!.timestamp,
      message: events[i]!.message,
      ingestionTime: events[i]!.ingestionTime,
    })),
    nextForwardToken: positionToken('f', nextForward),
    nextBackwardToken: positionToken('b', nextBackward),
  };
};

/** A simple CloudWatch filter pattern: terms and "quoted phrases" that must all appear,
 *  ?term alternatives of which one must appear, -term that must not. */
export function matchesPattern(message: string, pattern: string | undefined): boolean {
  if (!pattern || pattern.trim() === '') return true;
  const tokens = pattern.match(/[?-]?"[^"]*"|\S+/g) ?? [];
  const anyOf: string[] = [];
  for (const raw of tokens) {
    const prefix = raw[0] === '?' || raw[0] === '-' ? raw[0] : '';
    const term = raw.slice(prefix.length).replace(/^"(.*)"$/, '$1');
    if (prefix === '?') anyOf.push(term);
    else if (prefix === '-') {
      if (message.includes(term)) return false;
    } else if (!message.includes(term)) return false;
  }
  return anyOf.length === 0 || anyOf.some((t) => message.includes(t));
}

const filterLogEvents: Handler = (call, input: Input) => {
  const group = findGroup(call, input);
  if (input.logStreamNames !== undefined && input.logStreamNamePrefix !== undefined)
    throw logsInvalid('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.');
  if (
    input.startTime !== undefined &&
    input.endTime !== undefined &&
    input.endTime < input.startTime
  )
    throw logsInvalid('endTime must be greater than or equal to startTime.');
  const streams = group.streams.filter(
    (s) =>
      (input.logStreamNames === undefined || input.logStreamNames.includes(s.name)) &&
      (input.logStreamNamePrefix === undefined || s.name.startsWith(input.logStreamNamePrefix)),
  );
  if (input.logStreamNames !== undefined && streams.length === 0)
    throw logsNotFound('The specified log stream does not exist.');
  const all: { e: LogEvent; stream: string; index: number }[] = [];
  for (const s of streams) {
    s.events.forEach((e, index) => {
      if (
        e.timestamp >= (input.startTime ?? 0) &&
        (input.endTime === undefined || e.timestamp <= input.endTime) &&
        matchesPattern(e.message, input.filterPattern)
      )
        all.push({ e, stream: s.name, index });
    });
  }
  all.sort(
    (a, b) =>
      a.e.timestamp - b.e.timestamp || a.stream.localeCompare(b.stream) || a.index - b.index,
  );
  const { slice, nextToken } = pageOf(all, input, 10_000);
  return {
    events: slice.map(({ e, stream, index }) => ({
      logStreamName: stream,
      timestamp: e.timestamp,
      message: e.message,
      ingestionTime: e.ingestionTime,
      eventId: `${String(e.timestamp).padStart(20, '0')}${String(index).padStart(36, '0')}`,
    })),
    searchedLogStreams: streams.map((s) => ({ logStreamName: s.name, searchedCompletely: true })),
    nextToken,
  };
};

export const logsHandlers: Record<string, Handler> = {
  DescribeLogGroups: describeLogGroups,
  DescribeLogStreams: describeLogStreams,
  GetLogEvents: getLogEvents,
  FilterLogEvents: filterLogEvents,
};
