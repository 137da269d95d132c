// DMS's TestConnection of an endpoint from a replication instance, as the task form follows it:
// the state DescribeConnections reports, and the warning the form shows when it failed. Pure.

export type ConnectionStatus = 'testing' | 'successful' | 'failed' | 'deleting' | string;

export interface ConnectionState {
  status: ConnectionStatus;
  /** DMS's LastFailureMessage when the test failed. */
  message?: string;
}

/** A test the form started, for one endpoint. */
export interface EndpointTest extends ConnectionState {
  endpointArn: string;
}

/** The warning under an endpoint field whose chosen endpoint failed its test, or null. */
export function connectionTestWarning(
  test: EndpointTest | undefined,
  endpointArn: string | null,
): string | null {
  if (!test || test.endpointArn !== endpointArn || test.status !== 'failed') return null;
  return `Connection test failed: ${test.message ?? 'no message from DMS'}`;
}
