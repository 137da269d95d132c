// The profiles the AWS CLI knows: ~/.aws/config and ~/.aws/credentials (or the files named by
// AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE), read with the SDK's own loader. A file that
// cannot be read is an AwsError (call.ts) saying so.
import { AwsError, errorLine } from './call.js';
import { errorCode } from './errors.js';

export type ProfileKind =
  | 'sso'
  | 'assume-role'
  | 'static keys'
  | 'process'
  | 'web identity'
  | 'settings only';

export interface ProfileInfo {
  name: string;
  region?: string;
  kind: ProfileKind;
  sources: ('config' | 'credentials')[];
}

export async function listProfiles(): Promise<ProfileInfo[]> {
  const { configFile, credentialsFile } = await readConfigFiles();
  const names = new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)]);
  return [...names]
    .sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)))
    .map((name) => {
      const config = configFile[name] ?? {};
      const credentials = credentialsFile[name] ?? {};
      const merged = { ...config, ...credentials };
      const sources: ProfileInfo['sources'] = [];
      if (configFile[name]) sources.push('config');
      if (credentialsFile[name]) sources.push('credentials');
      return { name, region: merged.region, kind: profileKind(merged), sources };
    });
}

function profileKind(settings: Record<string, string | undefined>): ProfileKind {
  if (settings.sso_session || settings.sso_start_url) return 'sso';
  if (settings.role_arn && settings.web_identity_token_file) return 'web identity';
  if (settings.role_arn) return 'assume-role';
  if (settings.credential_process) return 'process';
  if (settings.aws_access_key_id) return 'static keys';
  return 'settings only';
}

async function readConfigFiles() {
  try {
    const { loadSharedConfigFiles } = await import('@smithy/shared-ini-file-loader');
    return await loadSharedConfigFiles({ ignoreCache: true });
  } catch (error) {
    throw new AwsError(`Cannot read the AWS config files: ${errorLine(error)}`, {
      code: errorCode(error),
      cause: error,
    });
  }
}
