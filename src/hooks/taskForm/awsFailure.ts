// A failed AWS call as the task form's hooks hand it to the screen: DMS's one readable line and
// its error code (which field a refusal concerns is read from both). src/aws translates the
// error once (AwsError); awsCall passes an AwsError through and translates anything else.
import { AwsError, awsCall, errorLine } from '../../aws/call.js';
import type { AwsTarget } from '../../model/awsTarget.js';

export interface AwsFailure {
  message: string;
  /** The AWS error name, e.g. "ResourceAlreadyExistsFault" ("Error" when there is none). */
  code: string;
}

export function awsFailure(error: unknown): AwsFailure {
  if (error instanceof AwsError) return { message: error.message, code: error.code };
  return { message: errorLine(error), code: 'Error' };
}

/** Runs one DMS call so that whatever it throws is an AwsError naming the action. */
export function dmsCall<T>(target: AwsTarget, action: string, fn: () => Promise<T>): Promise<T> {
  return awsCall(target, 'dms', action, fn);
}
