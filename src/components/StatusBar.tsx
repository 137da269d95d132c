// The bottom line: where AWS calls go, read-only, freshness, active alerts, and the latest
// error or notice.
import { Box } from 'ink';
import { Text } from './Text.js';
import { useEffect, useState } from 'react';
import { type AwsTarget, describeTarget, describeTargetShort } from '../model/awsTarget.js';
import type { StatusState } from '../ui/status.js';
import { ageText } from '../model/time.js';
import { visible } from '../model/visibleText.js';

export function StatusBar({
  target,
  readOnly,
  status,
  alert,
  width,
}: {
  target: AwsTarget;
  readOnly: boolean;
  status: StatusState;
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
  const roomWith = (where: string, freshness: string) =>
    Math.max(0, width - where.length - freshness.length - (readOnly ? 12 : 0) - 6);
  const tight = message.length > roomWith(fullWhere, fullFreshness);
  const where = tight ? describeTargetShort(target) : fullWhere;
  const freshness = tight && !status.refreshing ? '' : fullFreshness;
  const room = roomWith(where, freshness);
  return (
    <Box>
      <Text inverse color={target.sandbox ? 'magenta' : 'blue'}>{` ${where} `}</Text>
      {readOnly ? <Text color="yellow"> READ-ONLY</Text> : null}
      {freshness ? <Text dimColor> {freshness}</Text> : null}
      {message ? (
        <Text color={status.error || alert ? 'red' : 'yellow'}>
          {' '}
          {visible(message, { maxLength: Math.max(1, room) })}
        </Text>
      ) : null}
    </Box>
  );
}
