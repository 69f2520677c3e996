-- 0006: raw pages fetched from HTTP APIs (GitHub, Jira, ...), kept as returned so extraction
-- can be re-run or fixed without fetching again.

CREATE TABLE raw.api_pages (
  page_id    bigserial PRIMARY KEY,
  source_id  text NOT NULL,
  stream     text NOT NULL,
  request    jsonb NOT NULL,
  status     int,
  headers    jsonb,
  body       jsonb,
  fetched_at timestamptz NOT NULL DEFAULT now(),
  run_id     text
);

CREATE INDEX api_pages_source_stream_idx ON raw.api_pages (source_id, stream, page_id);

COMMENT ON TABLE raw.api_pages IS 'One row per page an HTTP collector fetched: the request, the useful response headers and the JSON body, exactly as returned (never credentials).';
COMMENT ON COLUMN raw.api_pages.page_id IS 'Increasing id of the page (fetch order).';
COMMENT ON COLUMN raw.api_pages.source_id IS 'The source the page was fetched for (core.sources).';
COMMENT ON COLUMN raw.api_pages.stream IS 'Which stream of the source (pulls, reviews, issues, changelog, ...).';
COMMENT ON COLUMN raw.api_pages.request IS 'Method, URL and query parameters of the request (no authorisation headers).';
COMMENT ON COLUMN raw.api_pages.status IS 'HTTP status code of the response.';
COMMENT ON COLUMN raw.api_pages.headers IS 'Useful response headers (pagination links, rate-limit counters, ETag).';
COMMENT ON COLUMN raw.api_pages.body IS 'Parsed JSON body of the response.';
COMMENT ON COLUMN raw.api_pages.fetched_at IS 'When the page was fetched (UTC).';
COMMENT ON COLUMN raw.api_pages.run_id IS 'Run that fetched the page (core.runs).';
