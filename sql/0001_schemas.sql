-- 0001: the three schemas of the warehouse.
-- Data flows one way: raw (as a source returned it) -> core (domain model) -> metrics (views).

CREATE SCHEMA IF NOT EXISTS raw;
CREATE SCHEMA IF NOT EXISTS core;
CREATE SCHEMA IF NOT EXISTS metrics;

COMMENT ON SCHEMA raw IS
  'What each source API returned, as returned (one row per fetched page), so extraction can be re-run without fetching again. Git needs no raw layer: the repository is the raw data.';
COMMENT ON SCHEMA core IS
  'The domain model every source maps into. Ids are stable text ids (git:<repo>@<sha>, github:acme/web#123, jira:ABC-42), so any table can be truncated and rebuilt.';
COMMENT ON SCHEMA metrics IS
  'One view per metric: the analysts'' API and the dashboard''s only input. Each view is defined in its own file with its definition, unit, grain and exclusions.';
