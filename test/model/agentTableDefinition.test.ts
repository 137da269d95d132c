import { describe, expect, it } from 'vitest';
import {
  definitionTooLarge,
  externalTable,
  externalTableDefinition,
} from '../../src/model/agentTableDefinition.js';

const col = (name: string, fullType: string, nullable = true) => ({ name, fullType, nullable });

describe('ExternalTableDefinition', () => {
  it('from a PostgreSQL catalog: every mapped type, key and nullability, values as strings', () => {
    const table = externalTable('postgres', {
      schema: 'hr',
      table: 'employee',
      primaryKey: ['id'],
      columns: [
        col('id', 'bigint', false),
        col('small', 'smallint'),
        col('n', 'integer'),
        col('price', 'numeric(12,2)'),
        col('wide', 'numeric'),
        col('r', 'real'),
        col('d', 'double precision'),
        col('ok', 'boolean'),
        col('name', 'character varying(40)'),
        col('any', 'character varying'),
        col('code', 'character(3)'),
        col('notes', 'text'),
        col('raw', 'bytea'),
        col('born', 'date'),
        col('at', 'timestamp(3) without time zone'),
        col('atz', 'timestamp with time zone'),
        col('t', 'time without time zone'),
        col('doc', 'jsonb'),
        col('u', 'uuid'),
        col('tags', 'text[]'),
      ],
    });
    expect(table).toMatchObject({
      TableName: 'employee',
      TableOwner: 'hr',
      TablePath: 'hr/employee/',
      TableColumnsTotal: '20',
    });
    const byName = Object.fromEntries(table.TableColumns.map((c) => [c.ColumnName, c]));
    expect(byName.id).toEqual({
      ColumnName: 'id',
      ColumnType: 'INT8',
      ColumnNullable: 'false',
      ColumnIsPk: 'true',
    });
    expect(byName.small?.ColumnType).toBe('INT2');
    expect(byName.n?.ColumnType).toBe('INT4');
    expect(byName.price).toMatchObject({
      ColumnType: 'NUMERIC',
      ColumnPrecision: '12',
      ColumnScale: '2',
    });
    expect(byName.wide).toMatchObject({ ColumnType: 'STRING', ColumnLength: '1000' });
    expect(byName.r?.ColumnType).toBe('REAL4');
    expect(byName.d?.ColumnType).toBe('REAL8');
    expect(byName.ok?.ColumnType).toBe('BOOLEAN');
    expect(byName.name).toMatchObject({ ColumnType: 'STRING', ColumnLength: '40' });
    expect(byName.any?.ColumnType).toBe('CLOB');
    expect(byName.code).toMatchObject({ ColumnType: 'STRING', ColumnLength: '3' });
    expect(byName.notes?.ColumnType).toBe('CLOB');
    expect(byName.raw?.ColumnType).toBe('BLOB');
    expect(byName.born?.ColumnType).toBe('DATE');
    expect(byName.at).toMatchObject({ ColumnType: 'DATETIME', ColumnScale: '3' });
    expect(byName.atz).toMatchObject({ ColumnType: 'DATETIME', ColumnScale: '6' });
    expect(byName.t?.ColumnType).toBe('TIME');
    expect(byName.doc?.ColumnType).toBe('CLOB');
    expect(byName.u).toMatchObject({ ColumnType: 'STRING', ColumnLength: '36' });
    expect(byName.tags?.ColumnType).toBe('CLOB');
  });

  it('from a MySQL/MariaDB catalog: unsigned, tinyint(1), binary, blobs, datetime', () => {
    const table = externalTable('mysql', {
      schema: 'shop',
      table: 'orders',
      primaryKey: ['id'],
      columns: [
        col('id', 'int(10) unsigned', false),
        col('flag', 'tinyint(1)'),
        col('tiny', 'tinyint(4)'),
        col('med', 'mediumint(9)'),
        col('big', 'bigint(20) unsigned'),
        col('amount', 'decimal(65,30)'),
        col('f', 'float'),
        col('bin', 'varbinary(16)'),
        col('pic', 'longblob'),
        col('at', 'datetime(6)'),
        col('ts', 'timestamp'),
        col('y', 'year(4)'),
        col('doc', 'json'),
        col('e', "enum('a','b')"),
      ],
    });
    const types = table.TableColumns.map((c) => c.ColumnType);
    expect(types).toEqual([
      'UINT4',
      'BOOLEAN',
      'INT1',
      'INT4',
      'UINT8',
      'STRING',
      'REAL4',
      'BYTE',
      'BLOB',
      'DATETIME',
      'DATETIME',
      'INT2',
      'CLOB',
      'CLOB',
    ]);
    expect(table.TableColumns[7]?.ColumnLength).toBe('16');
    expect(table.TableColumns[9]?.ColumnScale).toBe('6');
  });

  it('counts tables and refuses more than DMS’s 2 MB', () => {
    const t = externalTable('postgres', {
      schema: 's',
      table: 't',
      primaryKey: [],
      columns: [col('a', 'text')],
    });
    const def = externalTableDefinition([t, t]);
    expect(def.TableCount).toBe('2');
    expect(definitionTooLarge(def)).toBeNull();
    const huge = externalTableDefinition(Array.from({ length: 30_000 }, () => t));
    expect(definitionTooLarge(huge)).toMatch(/at most 2097152/);
  });
});
