// The project settings form (AWS profile, region, default replication instance), pure.
import { identifierError } from './identifiers.js';
import type { Project } from './project.js';
import { looksLikeRegion } from './regions.js';

export interface SettingsDraft {
  profile: string;
  region: string;
  defaultReplicationInstance: string;
}

export function settingsDraft(project: Project): SettingsDraft {
  return {
    profile: project.profile,
    region: project.region ?? '',
    defaultReplicationInstance: project.defaultReplicationInstance ?? '',
  };
}

export function settingsErrors(draft: SettingsDraft): Partial<Record<keyof SettingsDraft, string>> {
  const errors: Partial<Record<keyof SettingsDraft, string>> = {};
  if (/\s/.test(draft.profile.trim())) errors.profile = 'A profile name has no spaces';
  if (draft.region.trim() && !looksLikeRegion(draft.region.trim()))
    errors.region = `"${draft.region.trim()}" is not an AWS region (for example: eu-west-1)`;
  const instance = draft.defaultReplicationInstance.trim();
  if (instance) {
    const error = identifierError(instance, 'instance');
    if (error) errors.defaultReplicationInstance = error;
  }
  return errors;
}

export function applySettings(project: Project, draft: SettingsDraft): Project {
  const { region: _r, defaultReplicationInstance: _d, ...rest } = project;
  return {
    ...rest,
    profile: draft.profile.trim(),
    ...(draft.region.trim() ? { region: draft.region.trim() } : {}),
    ...(draft.defaultReplicationInstance.trim()
      ? { defaultReplicationInstance: draft.defaultReplicationInstance.trim() }
      : {}),
  };
}
