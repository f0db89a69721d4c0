-- Search reindex jobs, shared by every instance of the service: any instance answers for any job, and at
-- most one runs in the whole cluster.
create table catalog.reindex_jobs (
  id text primary key,
  engine text not null,
  status text not null check (status in ('running', 'succeeded', 'failed')),
  indexed int not null default 0,
  error text,
  started_at timestamptz not null,
  finished_at timestamptz,
  -- Moved forward every few seconds by the instance running the job; a running job whose heartbeat has
  -- stopped lost its process, is reported failed and no longer blocks a new one.
  heartbeat_at timestamptz not null
);
create unique index reindex_jobs_one_running_idx on catalog.reindex_jobs ((true)) where status = 'running';
