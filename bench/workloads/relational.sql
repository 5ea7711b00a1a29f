-- A relational workload for the benchmarks: generated tables, an index, joins, grouping,
-- sorting, a window function and updates; deterministic.
CREATE TABLE customer(id INTEGER PRIMARY KEY, name TEXT, region INTEGER);
CREATE TABLE orders(id INTEGER PRIMARY KEY, customer INTEGER, amount INTEGER, day INTEGER);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
INSERT INTO customer SELECT i, printf('c%06d', (i * 7919) % 100003), i % 17 FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120000)
INSERT INTO orders SELECT i, 1 + (i * 104729) % 20000, (i * 31337) % 1000, i % 365 FROM n;
CREATE INDEX orders_customer ON orders(customer);
SELECT region, count(*), sum(amount), avg(amount)
  FROM orders JOIN customer ON customer.id = orders.customer
  GROUP BY region ORDER BY region;
SELECT name, total FROM (SELECT customer, sum(amount) AS total FROM orders GROUP BY customer)
  JOIN customer ON customer.id = customer ORDER BY total DESC, name LIMIT 5;
SELECT day, amount, rank() OVER (PARTITION BY day % 7 ORDER BY amount DESC) AS r
  FROM orders WHERE customer < 40 ORDER BY day, amount LIMIT 5;
UPDATE orders SET amount = amount + 1 WHERE day % 5 = 0;
SELECT count(DISTINCT customer), max(amount), min(name) FROM orders JOIN customer ON customer.id = orders.customer
  WHERE name LIKE 'c01%';
