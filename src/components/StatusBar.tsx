// The bottom line: where AWS calls go, the open project, read-only, freshness, active alerts,
// and the latest error or notice.
import { Box } from 'ink';
import { Text } from './Text.js';
import { useEffect, useState } from 'react';
import { type AwsTarget, describeTarget, describeTargetShort } from '../model/awsTarget.js';
import type { StatusState } from '../ui/status.js';
import { ageText } from '../model/time.js';
import { visible } from '../model/visibleText.js';

/** Said after a message cut short: where to read it in full. */
const MORE = ' · :messages';

export function StatusBar({
  target,
  readOnly,
  status,
  alert,
  width,
  project,
}: {
  target: AwsTarget;
  /** The open project's name: calls go where it points (unless a flag said otherwise). */
  project?: string;
  readOnly: boolean;
  status: Omit<StatusState, 'messages'>;
  /** The active alerts in one line (src/model/alerts.ts), shown after the error or notice. */
  alert?: string;
  width: number;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  // Always the resolved target the clients use (Services.target): "sandbox · URL" or
  // "profile · region · endpoint"; without the URL and the age when a message needs the room.
  // What the user just did comes first; the active alerts follow in the room left.
  const message = [status.error ?? status.notice, alert].filter(Boolean).join(' · ');
  const fullWhere = describeTarget(target);
  const fullFreshness = status.refreshing
    ? 'refreshing…'
    : status.lastRefresh
      ? `updated ${ageText(now - status.lastRefresh.getTime())} ago`
      : '';
  const fullProject = project ? `project ${project}` : '';
  const roomWith = (where: string, freshness: string, named: string) =>
    Math.max(
      0,
      width -
        where.length -
        freshness.length -
        (named ? named.length + 1 : 0) -
        (readOnly ? 12 : 0) -
        6,
    );
  const tight = message.length > roomWith(fullWhere, fullFreshness, fullProject);
  const where = tight ? describeTargetShort(target) : fullWhere;
  const freshness = tight && !status.refreshing ? '' : fullFreshness;
  const named = tight ? '' : fullProject;
  const room = roomWith(where, freshness, named);
  return (
    <Box>
      <Text inverse color={target.sandbox ? 'magenta' : 'blue'}>{` ${where} `}</Text>
      {named ? <Text color="cyan"> {named}</Text> : null}
      {readOnly ? <Text color="yellow"> READ-ONLY</Text> : null}
      {freshness ? <Text dimColor> {freshness}</Text> : null}
      {message ? (
        <Text color={status.error || alert ? 'red' : 'yellow'}>
          {' '}
          {message.length > room && room > MORE.length + 8
            ? `${visible(message, { maxLength: room - MORE.length })}${MORE}`
            : visible(message, { maxLength: Math.max(1, room) })}
        </Text>
      ) : null}
    </Box>
  );
}
