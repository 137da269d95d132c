// Awaits a call that must fail and returns its error, for tests that then check its name,
// message and HTTP status.
export interface CallFailure {
  name: string;
  message: string;
  $metadata?: { httpStatusCode?: number };
}

/** The error `p` rejects with; throws when it resolves instead. */
export const fail = (p: Promise<unknown>): Promise<CallFailure> =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as CallFailure,
  );
