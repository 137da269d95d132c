// When a task has no CloudWatch log: why (asked of DMS: the task's settings and state), and
// enabling logging when it is off (ModifyReplicationTask), with the result in the status bar.
import { useCallback, useEffect, useState } from 'react';
import { keysFor } from '../ui/keyHint.js';
import { useServices } from '../ui/services.js';
import { useStatus } from '../ui/status.js';
import { errorLine } from '../aws/call.js';
import { findTask, modifyTaskSettings } from '../aws/tasks.js';
import { explainMissingLog, type LogExplanation } from '../model/logExplanation.js';
import { enableLoggingSettings } from '../model/taskDetails.js';

export interface MissingLogApi {
  /** Null while there is a log, or while DMS is being asked. */
  explanation: LogExplanation | null;
  /** Turns logging on; `onEnabled` runs once DMS accepted. */
  enable(onEnabled?: () => void): void;
}

export function useMissingLog(options: {
  arn: string;
  id: string;
  group: string;
  stream: string;
  /** Why the log reader found nothing (undefined while there is a log). */
  missing?: 'no-group' | 'no-stream';
  /** The log reader's own line, shown when DMS cannot be asked either. */
  missingMessage?: string;
}): MissingLogApi {
  const { arn, id, group, stream, missing, missingMessage } = options;
  const { clients } = useServices();
  const { setError, setNotice } = useStatus();
  const [explanation, setExplanation] = useState<LogExplanation | null>(null);
  // Bumped after logging was enabled: the answer changes.
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    if (!missing || asked < 0) {
      setExplanation(null);
      return;
    }
    let live = true;
    findTask(clients, arn, { withSettings: true }).then(
      (task) =>
        live &&
        setExplanation(
          explainMissingLog({
            task,
            id,
            group,
            stream,
            missing,
            enableKey: keysFor('logs.enable'),
          }),
        ),
      (e) =>
        live &&
        setExplanation({ text: `${missingMessage ?? ''} (${errorLine(e)})`, canEnable: false }),
    );
    return () => {
      live = false;
    };
  }, [missing, clients, arn, id, group, stream, missingMessage, asked]);

  const settings = explanation?.settings;
  const enable = useCallback(
    (onEnabled?: () => void) => {
      modifyTaskSettings(clients, arn, enableLoggingSettings(settings)).then(
        () => {
          setError(null);
          setNotice(`Logging enabled for ${id}: start the task to see its log`);
          setAsked((n) => n + 1);
          onEnabled?.();
        },
        (e) => setError(`Cannot enable logging: ${errorLine(e)}`),
      );
    },
    [clients, arn, id, settings, setError, setNotice],
  );
  return { explanation, enable };
}
