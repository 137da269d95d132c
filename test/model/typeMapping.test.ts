import { describe, expect, it } from 'vitest';
import {
  isLob,
  parseMysqlType,
  parsePostgresType,
  targetType,
} from '../../src/model/typeMapping.js';

describe('PostgreSQL → MySQL', () => {
  it.each([
    ['smallint', 'smallint'],
    ['integer', 'int'],
    ['bigint', 'bigint'],
    ['numeric(10,2)', 'decimal(10,2)'],
    ['numeric', 'decimal(65,30)'],
    ['real', 'float'],
    ['double precision', 'double'],
    ['boolean', 'tinyint(1)'],
    ['character varying(40)', 'varchar(40)'],
    ['character varying', 'longtext'],
    ['character(2)', 'char(2)'],
    ['text', 'longtext'],
    ['bytea', 'longblob'],
    ['date', 'date'],
    ['timestamp without time zone', 'datetime(6)'],
    ['timestamp(3) without time zone', 'datetime(3)'],
    ['timestamp with time zone', 'datetime(6)'],
    ['time without time zone', 'time(6)'],
    ['jsonb', 'json'],
    ['json', 'json'],
    ['uuid', 'char(36)'],
    ['integer[]', 'longtext'],
    ['interval', 'longtext'],
  ])('%s → %s', (pg, mysql) => {
    expect(targetType(parsePostgresType(pg), 'mysql').sql).toBe(mysql);
  });
  it('warns for unmapped types and uses an indexable type in keys', () => {
    expect(targetType(parsePostgresType('integer[]'), 'mysql').warning).toMatch(/not mapped/);
    expect(targetType(parsePostgresType('text'), 'mysql', true).sql).toBe('varchar(768)');
  });
});

describe('MySQL → PostgreSQL', () => {
  it.each([
    ['tinyint(1)', 'boolean'],
    ['tinyint(4)', 'smallint'],
    ['tinyint unsigned', 'smallint'],
    ['smallint(6)', 'smallint'],
    ['mediumint(9)', 'integer'],
    ['int(11)', 'integer'],
    ['int(10) unsigned', 'bigint'],
    ['bigint(20)', 'bigint'],
    ['bigint(20) unsigned', 'numeric(20,0)'],
    ['decimal(12,3)', 'numeric(12,3)'],
    ['float', 'real'],
    ['double', 'double precision'],
    ['varchar(255)', 'character varying(255)'],
    ['char(36)', 'character(36)'],
    ['longtext', 'text'],
    ['mediumblob', 'bytea'],
    ['varbinary(16)', 'bytea'],
    ['date', 'date'],
    ['datetime(6)', 'timestamp(6) without time zone'],
    ['datetime', 'timestamp without time zone'],
    ['timestamp', 'timestamp with time zone'],
    ['time', 'time without time zone'],
    ['json', 'jsonb'],
    ["enum('a','b')", 'text'],
  ])('%s → %s', (mysql, pg) => {
    expect(targetType(parseMysqlType(mysql), 'postgres').sql).toBe(pg);
  });
});

describe('isLob', () => {
  it.each([
    ['text', true],
    ['bytea', true],
    ['jsonb', true],
    ['character varying', true],
    ['character varying(10)', false],
    ['integer', false],
  ])('%s: %s', (pg, lob) => {
    expect(isLob(parsePostgresType(pg))).toBe(lob);
  });
});
