// A DMS replication instance as the app sees it, one type for every screen that shows one (the
// task list's names, the task details, the task form's picker): plain data that
// src/aws/instances.ts builds from DescribeReplicationInstances. Pure.

export interface ReplicationInstance {
  /** ReplicationInstanceIdentifier. */
  identifier: string;
  arn: string;
  /** "dms.t3.medium", … ("" when DMS did not say). */
  instanceClass: string;
  /** "available", "modifying", … ("unknown" when DMS did not say). */
  status: string;
  engineVersion?: string;
  /** AllocatedStorage, in GB. */
  allocatedStorageGb?: number;
}
