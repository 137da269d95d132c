import { describe, expect, it } from 'vitest';
import { describeAwsError, isThrottling, isTransient } from '../../src/aws/errors.js';

const target = { profile: 'prod', region: 'eu-west-1' };

function sdkError(name: string, message: string, status = 400) {
  return Object.assign(new Error(message), {
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status },
  });
}

describe('describeAwsError', () => {
  it('names the refused action on access denied', () => {
    const error = sdkError(
      'AccessDeniedFault',
      'User: arn:aws:iam::1:user/x is not authorized to perform: dms:StartReplicationTask on resource: arn',
    );
    expect(describeAwsError(error, { target, action: 'StartReplicationTask' })).toBe(
      'Access denied for dms:StartReplicationTask: the credentials of profile "prod" lack this IAM permission',
    );
  });

  it('tells how to log in again when the SSO token expired', () => {
    const error = Object.assign(
      new Error(
        'The SSO session associated with this profile has expired or is otherwise invalid.',
      ),
      { name: 'TokenProviderError' },
    );
    expect(describeAwsError(error, { target })).toBe(
      'SSO session expired or missing: run `aws sso login --profile prod` and try again',
    );
  });

  it('says how to set a region', () => {
    expect(describeAwsError(new Error('Region is missing'), { target: {} })).toMatch(
      /No AWS region set: pass --region, set AWS_REGION/,
    );
  });

  it('names the URL it cannot reach', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
    });
    expect(describeAwsError(error, { target: { endpointUrl: 'http://127.0.0.1:1' } })).toBe(
      'Cannot reach http://127.0.0.1:1: connection refused (is the endpoint URL right and the service up?)',
    );
    expect(describeAwsError(error, { target, service: 'logs' })).toMatch(
      /^Cannot reach https:\/\/logs\.eu-west-1\.amazonaws\.com/,
    );
  });

  it('explains missing credentials', () => {
    const error = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    });
    expect(describeAwsError(error, { target: {} })).toMatch(/No AWS credentials found/);
    expect(describeAwsError(error, { target })).toMatch(/No usable credentials in profile "prod"/);
  });

  it('keeps DMS messages for ordinary faults, in one line', () => {
    const error = sdkError(
      'InvalidResourceStateFault',
      'Replication Task cannot be started, invalid state\nmore',
    );
    expect(describeAwsError(error, { target })).toBe(
      'Replication Task cannot be started, invalid state (InvalidResourceStateFault)',
    );
  });

  it('classifies throttling and transient errors', () => {
    const throttled = sdkError('ThrottlingException', 'Rate exceeded');
    expect(isThrottling(throttled)).toBe(true);
    expect(describeAwsError(throttled, { target })).toMatch(/^Throttled by AWS \(Rate exceeded\)/);
    expect(isTransient(sdkError('InternalFailure', 'boom', 500))).toBe(true);
    expect(isTransient(sdkError('ResourceNotFoundFault', 'nope'))).toBe(false);
    expect(describeAwsError(sdkError('ServiceUnavailable', '', 503), { target })).toMatch(
      /server error/,
    );
  });
});
