// The demo source database: a small company's sales, inventory and HR data. Deterministic (no
// random()): every value derives from generate_series, so every first start makes the same rows.
export const DEMO_MARKER_TABLE = 'sales.order_items';

export const SAMPLE_SQL = `
CREATE SCHEMA hr;
CREATE SCHEMA inventory;
CREATE SCHEMA sales;

CREATE TABLE hr.departments (
  id integer PRIMARY KEY,
  name varchar(60) NOT NULL
);
INSERT INTO hr.departments
SELECT g, (ARRAY['Sales','Support','Engineering','Finance','Operations','Marketing','Legal','People'])[g]
  FROM generate_series(1, 8) g;

CREATE TABLE hr.employees (
  id integer PRIMARY KEY,
  department_id integer NOT NULL,
  first_name varchar(40) NOT NULL,
  last_name varchar(40) NOT NULL,
  email varchar(120) NOT NULL,
  hired_on date NOT NULL,
  salary numeric(10,2) NOT NULL,
  photo bytea
);
INSERT INTO hr.employees
SELECT g, 1 + g % 8,
       (ARRAY['Ana','Ben','Chloe','Dev','Emma','Farid','Grace','Hugo','Ines','Jon'])[1 + g % 10],
       (ARRAY['Silva','Berg','Moreau','Patel','Novak','Haddad','Kim','Larsen','Costa','Wong'])[1 + (g * 7) % 10],
       'employee' || g || '@example.com',
       date '2015-01-05' + (g * 13) % 3650,
       30000 + (g * 937) % 90000 + (g % 100) / 100.0,
       CASE WHEN g % 4 = 0 THEN decode(repeat(lpad(to_hex(g % 256), 2, '0'), 64 + g % 64), 'hex') END
  FROM generate_series(1, 240) g;

CREATE TABLE inventory.warehouses (
  id integer PRIMARY KEY,
  name varchar(60) NOT NULL,
  city varchar(60) NOT NULL
);
INSERT INTO inventory.warehouses
SELECT g, 'Warehouse ' || g, (ARRAY['Lisbon','Oslo','Lyon','Pune','Austin'])[g]
  FROM generate_series(1, 5) g;

CREATE TABLE inventory.categories (
  id integer PRIMARY KEY,
  name varchar(60) NOT NULL,
  parent_id integer
);
INSERT INTO inventory.categories
SELECT g, (ARRAY['Hardware','Software','Books','Tools','Garden','Kitchen','Laptops','Phones','Novels','Drills','Seeds','Knives'])[g],
       CASE WHEN g > 6 THEN g - 6 END
  FROM generate_series(1, 12) g;

CREATE TABLE inventory.products (
  id integer PRIMARY KEY,
  sku varchar(20) NOT NULL UNIQUE,
  name varchar(120) NOT NULL,
  category_id integer NOT NULL,
  price numeric(10,2) NOT NULL,
  description text,
  image bytea,
  added_at timestamp NOT NULL
);
INSERT INTO inventory.products
SELECT g, 'SKU-' || lpad(g::text, 6, '0'), 'Product ' || g,
       1 + g % 12,
       round((5 + (g * 17) % 995 + (g % 100) / 100.0)::numeric, 2),
       repeat('Product ' || g || ' is sturdy, useful and well reviewed. ', 1 + g % 40),
       decode(repeat(md5(g::text), 4 + g % 8), 'hex'),
       timestamp '2020-01-01 08:00:00' + (g * interval '7 hours 13 minutes')
  FROM generate_series(1, 500) g;

CREATE TABLE inventory.stock (
  warehouse_id integer NOT NULL,
  product_id integer NOT NULL,
  quantity integer NOT NULL,
  PRIMARY KEY (warehouse_id, product_id)
);
INSERT INTO inventory.stock
SELECT w, p, (w * 31 + p * 7) % 500
  FROM generate_series(1, 5) w, generate_series(1, 500) p;

CREATE TABLE sales.customers (
  id integer PRIMARY KEY,
  name varchar(100) NOT NULL,
  email varchar(120) NOT NULL,
  country char(2) NOT NULL,
  is_active boolean NOT NULL,
  created_at timestamptz NOT NULL
);
INSERT INTO sales.customers
SELECT g, 'Customer ' || g, 'customer' || g || '@example.org',
       (ARRAY['PT','NO','FR','IN','US','DE','BR','JP'])[1 + g % 8],
       g % 9 <> 0,
       timestamptz '2021-01-01 00:00:00+00' + (g * interval '1 hour 37 minutes')
  FROM generate_series(1, 5000) g;

CREATE TABLE sales.orders (
  id integer PRIMARY KEY,
  customer_id integer NOT NULL,
  ordered_at timestamptz NOT NULL,
  status varchar(20) NOT NULL,
  total numeric(12,2) NOT NULL
);
CREATE TABLE sales.order_items (
  order_id integer NOT NULL,
  line_no smallint NOT NULL,
  product_id integer NOT NULL,
  quantity integer NOT NULL,
  unit_price numeric(10,2) NOT NULL,
  PRIMARY KEY (order_id, line_no)
);
INSERT INTO sales.order_items
SELECT o, l, 1 + (o * 31 + l * 17) % 500, 1 + (o + l) % 5,
       round((5 + ((1 + (o * 31 + l * 17) % 500) * 17) % 995)::numeric, 2)
  FROM generate_series(1, 30000) o, generate_series(1, 4) l;

INSERT INTO sales.orders
SELECT i.order_id, 1 + (i.order_id * 7919) % 5000,
       timestamptz '2022-01-01 00:00:00+00' + (i.order_id * interval '17 minutes'),
       (ARRAY['new','paid','shipped','delivered','returned'])[1 + i.order_id % 5],
       sum(i.quantity * i.unit_price)
  FROM sales.order_items i GROUP BY i.order_id;

CREATE TABLE sales.payments (
  id integer PRIMARY KEY,
  order_id integer NOT NULL,
  paid_at timestamptz NOT NULL,
  method varchar(20) NOT NULL,
  amount numeric(12,2) NOT NULL
);
INSERT INTO sales.payments
SELECT g, g, o.ordered_at + interval '2 hours', (ARRAY['card','transfer','paypal'])[1 + g % 3], o.total
  FROM generate_series(1, 25000) g JOIN sales.orders o ON o.id = g;

CREATE TABLE sales.order_notes (
  id integer PRIMARY KEY,
  order_id integer NOT NULL,
  written_at timestamp NOT NULL,
  body text NOT NULL
);
INSERT INTO sales.order_notes
SELECT g, g * 29, timestamp '2022-02-01 09:00:00' + g * interval '3 hours',
       'Note ' || g || E':\\tcustomer called about the delivery.\\n' || repeat('Follow-up details. ', (g * 7) % 3000)
  FROM generate_series(1, 1000) g;

-- Foreign keys last: checking them once is much faster than row by row.
ALTER TABLE hr.employees ADD FOREIGN KEY (department_id) REFERENCES hr.departments (id);
ALTER TABLE inventory.categories ADD FOREIGN KEY (parent_id) REFERENCES inventory.categories (id);
ALTER TABLE inventory.products ADD FOREIGN KEY (category_id) REFERENCES inventory.categories (id);
ALTER TABLE inventory.stock ADD FOREIGN KEY (warehouse_id) REFERENCES inventory.warehouses (id);
ALTER TABLE inventory.stock ADD FOREIGN KEY (product_id) REFERENCES inventory.products (id);
ALTER TABLE sales.orders ADD FOREIGN KEY (customer_id) REFERENCES sales.customers (id);
ALTER TABLE sales.order_items ADD FOREIGN KEY (order_id) REFERENCES sales.orders (id);
ALTER TABLE sales.order_items ADD FOREIGN KEY (product_id) REFERENCES inventory.products (id);
ALTER TABLE sales.payments ADD FOREIGN KEY (order_id) REFERENCES sales.orders (id);
ALTER TABLE sales.order_notes ADD FOREIGN KEY (order_id) REFERENCES sales.orders (id);
`;
