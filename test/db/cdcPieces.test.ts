// The pure pieces of change data capture: native positions and checkpoints, the CdcStopPosition
// reader and the DDL table reader.
import { describe, expect, it } from 'vitest';
import { ddlTable } from '../../src/db/cdc/binlogCapture.js';
import {
  nativePosition,
  positionFits,
  positionOrder,
  toCheckpoint,
} from '../../src/db/cdc/positions.js';
import { parseStopPosition, startPositionTime } from '../../src/sandbox/cdcOptions.js';

describe('positions and checkpoints', () => {
  it.each([
    ['lsn', '0/1A', '0/1B', -1],
    ['lsn', '1/0', '0/FFFFFFFF', 1],
    ['lsn', '4AF/B00000D0', '4af/b00000d0', 0],
    ['binlog', 'mysql-bin.000002:500', 'mysql-bin.000010:4', -1],
    ['binlog', 'mysql-bin.000010:900', 'mysql-bin.000010:4', 1],
    ['seq', '9', '10', -1],
  ] as const)('%s %s vs %s', (kind, a, b, sign) => {
    expect(Math.sign(positionOrder[kind](a, b))).toBe(sign);
  });

  it('wraps and unwraps positions as DMS checkpoints', () => {
    expect(toCheckpoint('lsn', '4AF/B00000D0')).toBe('checkpoint:V1#1#000004AF/B00000D0#0#0#*#0#0');
    expect(nativePosition('checkpoint:V1#1#000004AF/B00000D0#0#0#*#0#0')).toBe('000004AF/B00000D0');
    expect(nativePosition(toCheckpoint('binlog', 'mysql-bin.000024:373'))).toBe(
      'mysql-bin.000024:373',
    );
    expect(positionFits('lsn', '0/16B3748')).toBe(true);
    expect(positionFits('lsn', 'mysql-bin.000024:373')).toBe(false);
    expect(positionFits('binlog', 'mysql-bin-changelog.000024:373')).toBe(true);
  });
});

describe('CdcStopPosition and start dates', () => {
  it('reads server_time and commit_time as UTC', () => {
    expect(parseStopPosition('server_time:2018-02-09T12:12:12')).toEqual({
      ok: true,
      stop: { kind: 'server_time', atMs: Date.UTC(2018, 1, 9, 12, 12, 12) },
    });
    expect(parseStopPosition('commit_time:2018-02-09 12:12:12')).toMatchObject({
      ok: true,
      stop: { kind: 'commit_time' },
    });
    for (const bad of ['tomorrow', 'server_time:', 'server_time:soon', 'lsn:0/1'])
      expect(parseStopPosition(bad).ok).toBe(false);
    expect(startPositionTime('2018-03-08T12:12:12')).toBe(Date.UTC(2018, 2, 8, 12, 12, 12));
    expect(startPositionTime('0/16B3748')).toBeNull();
  });
});

describe('DDL statements', () => {
  it('names the table they change', () => {
    expect(ddlTable('ALTER TABLE items ADD COLUMN x int', 'shop')).toEqual({
      schema: 'shop',
      table: 'items',
    });
    expect(ddlTable('alter table `my db`.`it``s` drop x', 'other')).toEqual({
      schema: 'my db',
      table: 'it`s',
    });
    expect(ddlTable('CREATE TABLE IF NOT EXISTS a.b (x int)', '')).toEqual({
      schema: 'a',
      table: 'b',
    });
    expect(ddlTable('GRANT SELECT ON a.b TO x', 'a')).toBeUndefined();
  });
});
