// The setup shared by the replication-task tests: a test sandbox whose loads run the in-test
// copier (which a test can hold mid-way at a table), source/target/unreachable PostgreSQL
// endpoints, a source schema with three filled tables and a target database, both uniquely
// named per call so test files run in parallel, and helpers to create and watch tasks.
// Call `await withTaskFixture()` at the top of a test file: it registers the file's
// beforeAll/afterAll, and the returned fixture's sandbox and ARNs are set in beforeAll.
import {
  CreateEndpointCommand,
  CreateReplicationTaskCommand,
  type CreateReplicationTaskCommandInput,
  DescribeReplicationInstancesCommand,
  DescribeTableStatisticsCommand,
  type ReplicationTask,
} from '@aws-sdk/client-database-migration-service';
import { afterAll, beforeAll, expect } from 'vitest';
import { type DbConnection, openConnection } from '../../../src/db/connection.js';
import type { TableRef } from '../../../src/sandbox/engine/types.js';
import { startTestSandbox, type TestSandbox, uniqueName } from '../../support/sandbox.js';
import { serverAvailable } from '../../support/servers.js';
import { waitFor } from '../../support/wait.js';
import { makeCopier } from './copier.js';
import { includeTables } from '../../support/mappings.js';
import { describeTaskByArn } from '../../support/describeTask.js';

/** Rows in each source table. */
export const ROWS = { customers: 300, orders: 1200, order_items: 450 };

type Hold = { table: string; gate: Promise<void>; reached: () => void };

export async function withTaskFixture() {
  const pg = await serverAvailable('postgres');
  const schema = uniqueName('dmst_tasks');
  const targetDb = uniqueName('dmst_tasks_tgt');

  /** When set, the copier waits on it after every batch (a test holds a load mid-way). */
  let hold: Hold | null = null;
  const copier = makeCopier({
    batchSize: 200,
    async afterBatch(ref: TableRef) {
      const h = hold;
      if (h && ref.table === h.table) {
        h.reached();
        await h.gate;
      }
    },
  });

  let admin: DbConnection | undefined;
  const fx = {
    pg,
    schema,
    targetDb,
    copier,
    t: undefined as unknown as TestSandbox,
    instanceArn: '',
    sourceArn: '',
    targetArn: '',
    missingTargetArn: '',
    /** Resolves when the copier has reached the table given to the last `holdAt`. */
    reachedHold: Promise.resolve(),

    /** Holds loads of `table` after its first batch; returns the function that releases it. */
    holdAt(table: string) {
      let open!: () => void;
      let reached!: () => void;
      const gate = new Promise<void>((r) => {
        open = r;
      });
      fx.reachedHold = new Promise<void>((r) => {
        reached = r;
      });
      hold = { table, gate, reached };
      return () => {
        hold = null;
        open();
      };
    },

    mappings: (table = '%') => includeTables(schema, table),

    settings: (extra: Record<string, unknown> = {}) =>
      JSON.stringify({
        Logging: { EnableLogging: true },
        FullLoadSettings: { TargetTablePrepMode: 'DROP_AND_CREATE' },
        ...extra,
      }),

    taskInput(
      id: string,
      over: Partial<CreateReplicationTaskCommandInput> = {},
    ): CreateReplicationTaskCommandInput {
      return {
        ReplicationTaskIdentifier: id,
        SourceEndpointArn: fx.sourceArn,
        TargetEndpointArn: fx.targetArn,
        ReplicationInstanceArn: fx.instanceArn,
        MigrationType: 'full-load',
        TableMappings: fx.mappings(),
        ReplicationTaskSettings: fx.settings(),
        ...over,
      };
    },

    async describeTask(arn: string): Promise<ReplicationTask> {
      return (await describeTaskByArn(fx.t.dms, arn))!;
    },

    /** Creates a task and waits until it is ready; returns its ARN. */
    async createReady(id: string, over: Partial<CreateReplicationTaskCommandInput> = {}) {
      const out = await fx.t.dms.send(new CreateReplicationTaskCommand(fx.taskInput(id, over)));
      expect(out.ReplicationTask?.Status).toBe('creating');
      const arn = out.ReplicationTask!.ReplicationTaskArn!;
      await waitFor(() => fx.describeTask(arn), {
        until: (x) => x.Status === 'ready',
        what: `${id} ready`,
        timeout: 30_000,
      });
      return arn;
    },

    waitStatus: (arn: string, status: string, timeoutMs = 30_000) =>
      waitFor(() => fx.describeTask(arn), {
        until: (x) => x.Status === status,
        what: `status ${status}`,
        timeout: timeoutMs,
      }),

    /** Rows of `table` in the target database. */
    async targetCount(table: string): Promise<number> {
      const c = await openConnection({ ...pg.spec, database: targetDb });
      try {
        const r = await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.${table}`);
        return Number(r.rows[0]!.n);
      } finally {
        await c.close();
      }
    },

    /** The task's table statistics by table name. */
    async tableStats(arn: string) {
      const out = await fx.t.dms.send(
        new DescribeTableStatisticsCommand({ ReplicationTaskArn: arn }),
      );
      return Object.fromEntries(out.TableStatistics!.map((s) => [s.TableName!, s]));
    },
  };

  beforeAll(async () => {
    const t = await startTestSandbox({ runFullLoad: copier });
    fx.t = t;
    fx.instanceArn = (await t.dms.send(new DescribeReplicationInstancesCommand({})))
      .ReplicationInstances![0]!.ReplicationInstanceArn!;
    const spec = pg.spec;
    const fields = {
      EngineName: 'postgres',
      ServerName: spec.host,
      Port: spec.port,
      Username: spec.user,
      Password: spec.password,
    };
    const endpoint = async (
      id: string,
      type: 'source' | 'target',
      database: string,
      port?: number,
    ) =>
      (
        await t.dms.send(
          new CreateEndpointCommand({
            EndpointIdentifier: id,
            EndpointType: type,
            DatabaseName: database,
            ...fields,
            ...(port === undefined ? {} : { Port: port }),
          }),
        )
      ).Endpoint!.EndpointArn!;
    fx.sourceArn = await endpoint('src', 'source', spec.database);
    fx.targetArn = await endpoint('tgt', 'target', targetDb);
    fx.missingTargetArn = await endpoint('tgt-closed', 'target', 'x', 1);
    if (!pg.ok) return;
    admin = await openConnection(spec);
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.query(`CREATE TABLE ${schema}.customers (id int PRIMARY KEY, name text)`);
    await admin.query(
      `CREATE TABLE ${schema}.orders (id int PRIMARY KEY, customer_id int, note text, amount numeric(10,2))`,
    );
    await admin.query(
      `CREATE TABLE ${schema}.order_items (id int PRIMARY KEY, order_id int, qty int)`,
    );
    await admin.query(
      `INSERT INTO ${schema}.customers SELECT g, 'customer ' || g FROM generate_series(1, ${ROWS.customers}) g`,
    );
    await admin.query(
      `INSERT INTO ${schema}.orders SELECT g, g % 300 + 1, repeat('x', g % 50), g * 1.25 FROM generate_series(1, ${ROWS.orders}) g`,
    );
    await admin.query(
      `INSERT INTO ${schema}.order_items SELECT g, g % 1200 + 1, g % 7 FROM generate_series(1, ${ROWS.order_items}) g`,
    );
    await admin.query(`CREATE DATABASE ${targetDb}`);
  });

  afterAll(async () => {
    hold = null;
    await fx.t?.close();
    if (admin) {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.query(`DROP DATABASE IF EXISTS ${targetDb} WITH (FORCE)`);
      await admin.close();
    }
  });

  return fx;
}

export type TaskFixture = Awaited<ReturnType<typeof withTaskFixture>>;
