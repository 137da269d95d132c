// The AWS SDK is loaded on first use, never at start-up: a cold `dms-tui` paints before the
// SDK's modules are even read. Every other module in src/aws imports the SDK through these
// (type-only imports aside, which vanish from the build).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export const loadDms = () => import('@aws-sdk/client-database-migration-service');
export const loadLogs = () => import('@aws-sdk/client-cloudwatch-logs');
export const loadS3 = () => import('@aws-sdk/client-s3');
export const loadLibStorage = () => import('@aws-sdk/lib-storage');
export const loadCredentialProviders = () => import('@aws-sdk/credential-providers');

export type DmsSdk = Awaited<ReturnType<typeof loadDms>>;
export type LogsSdk = Awaited<ReturnType<typeof loadLogs>>;
export type S3Sdk = Awaited<ReturnType<typeof loadS3>>;
