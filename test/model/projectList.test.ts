// The projects screen's words for a project.
import { describe, expect, it } from 'vitest';
import type { ConnectionSpec } from '../../src/model/connection.js';
import {
  awsText,
  connectionColumn,
  connectionText,
  exportFileName,
  openedText,
  passwordNote,
} from '../../src/model/projectList.js';

const pg: ConnectionSpec = {
  engine: 'postgres',
  host: 'db.example.com',
  port: 5432,
  database: 'sales',
  user: 'app',
  sslMode: 'none',
};

describe('project wording', () => {
  it('shows a connection in a column, and a dash when it is not set', () => {
    expect(connectionColumn(pg)).toBe('PostgreSQL db.example.com');
    expect(connectionColumn(null)).toBe('—');
  });

  it('says when a project was opened', () => {
    const now = Date.parse('2026-01-01T00:10:00Z');
    expect(openedText('2026-01-01T00:07:00Z', now)).toBe('3m ago');
    expect(openedText(undefined, now)).toBe('never');
  });

  it('names the export file after the project', () => {
    expect(exportFileName('Sales move 2')).toBe('Sales-move-2.dms-project.json');
    expect(exportFileName('a/b')).toBe('a-b.dms-project.json');
  });

  it("words the project's AWS target", () => {
    expect(awsText({ profile: 'sandbox', region: 'us-east-1' })).toBe('local sandbox · us-east-1');
    expect(awsText({ profile: '' })).toBe('default credential chain');
    expect(awsText({ profile: 'prod', defaultReplicationInstance: 'dms-1' })).toBe(
      'prod · instance dms-1',
    );
  });

  it('words a connection, or names the key that sets it', () => {
    expect(connectionText(pg, 's')).toBe('PostgreSQL app@db.example.com:5432/sales');
    expect(connectionText(null, 't')).toBe('not set (t)');
  });

  it("says how a connection's password is kept", () => {
    expect(passwordNote(null, { remembered: true, asked: false })).toBe('');
    expect(passwordNote(pg, { remembered: true, asked: false })).toBe(' · password remembered');
    expect(passwordNote(pg, { remembered: false, asked: true })).toBe(
      ' · password asked once per run',
    );
    expect(passwordNote(pg, { remembered: false, asked: false })).toBe('');
  });
});
