// A failed AWS call as the task form's hooks hand it to the screen: DMS's one readable line and
// its error code (which field a refusal concerns is read from both). src/aws translates the
// error once (AwsError).
import { AwsError, errorLine } from '../../aws/call.js';

export interface AwsFailure {
  message: string;
  /** The AWS error name, e.g. "ResourceAlreadyExistsFault" ("Error" when there is none). */
  code: string;
}

export function awsFailure(error: unknown): AwsFailure {
  if (error instanceof AwsError) return { message: error.message, code: error.code };
  return { message: errorLine(error), code: 'Error' };
}
