// The AWS SDK is loaded on first use, never at start-up: a cold `dms-tui` paints before the
// SDK's modules are even read. Every other module in src/aws imports the SDK through these
// (type-only imports aside, which vanish from the build).
import { createRequire } from 'node:module';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

// The SDK's packages are CommonJS: require() reads them as they are, where import() would first
// scan each file for its exports (cjs-module-lexer) and detect its format, about a third of the
// SDK's loading time.
const requireSdk = createRequire(import.meta.url);

type DmsModule = typeof import('@aws-sdk/client-database-migration-service');
type LogsModule = typeof import('@aws-sdk/client-cloudwatch-logs');
type CloudWatchModule = typeof import('@aws-sdk/client-cloudwatch');
type S3Module = typeof import('@aws-sdk/client-s3');
type LibStorageModule = typeof import('@aws-sdk/lib-storage');

export const loadDms = async (): Promise<DmsModule> =>
  requireSdk('@aws-sdk/client-database-migration-service');
export const loadLogs = async (): Promise<LogsModule> =>
  requireSdk('@aws-sdk/client-cloudwatch-logs');
export const loadCloudWatch = async (): Promise<CloudWatchModule> =>
  requireSdk('@aws-sdk/client-cloudwatch');
export const loadS3 = async (): Promise<S3Module> => requireSdk('@aws-sdk/client-s3');
export const loadLibStorage = async (): Promise<LibStorageModule> =>
  requireSdk('@aws-sdk/lib-storage');

export type DmsSdk = Awaited<ReturnType<typeof loadDms>>;
export type LogsSdk = Awaited<ReturnType<typeof loadLogs>>;
export type S3Sdk = Awaited<ReturnType<typeof loadS3>>;
export type CloudWatchSdk = Awaited<ReturnType<typeof loadCloudWatch>>;
