// Fixture schemas with odd names (mixed case, spaces, quotes, unicode) for the catalog tests.

export const ODD = {
  orders: 'Order "Items"',
  cafe: 'café ☕',
  customers: 'Customers',
  view: 'Big Spenders',
};

export function postgresFixture(schema: string): string {
  const s = `"${schema.replace(/"/g, '""')}"`;
  return `
CREATE SCHEMA ${s};
CREATE TABLE ${s}."Customers" ("Id" integer PRIMARY KEY, "Full Name" varchar(80) NOT NULL, notes text, photo bytea, prefs jsonb, tags text[], free varchar);
CREATE TABLE ${s}."Order ""Items""" (order_id integer, line integer, customer_id integer REFERENCES ${s}."Customers"("Id"), qty numeric(10,2), PRIMARY KEY (order_id, line));
CREATE TABLE ${s}."café ☕" ("ünïcode" text);
CREATE VIEW ${s}."Big Spenders" AS SELECT "Id" FROM ${s}."Customers";
INSERT INTO ${s}."Customers" ("Id", "Full Name") SELECT g, 'n' || g FROM generate_series(1, 50) g;
ANALYZE ${s}."Customers";
`;
}

export function mysqlFixture(schema: string): string[] {
  const s = `\`${schema.replace(/`/g, '``')}\``;
  return [
    `CREATE DATABASE ${s} CHARACTER SET utf8mb4`,
    `CREATE TABLE ${s}.\`Customers\` (\`Id\` int PRIMARY KEY, \`Full Name\` varchar(80) NOT NULL, notes text, photo longblob, prefs json, small tinytext) ENGINE=InnoDB`,
    `CREATE TABLE ${s}.\`Order "Items"\` (order_id int, line int, customer_id int, qty decimal(10,2), PRIMARY KEY (order_id, line), CONSTRAINT fk_cust FOREIGN KEY (customer_id) REFERENCES ${s}.\`Customers\`(\`Id\`)) ENGINE=InnoDB`,
    `CREATE TABLE ${s}.\`café ☕\` (\`ünïcode\` text)`,
    `CREATE VIEW ${s}.\`Big Spenders\` AS SELECT \`Id\` FROM ${s}.\`Customers\``,
  ];
}
