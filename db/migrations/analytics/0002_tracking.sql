-- Number 0002 belongs to the tracking tables; this branch carries no tracking, and the runner needs the numbers
-- without gaps. On merge, the tracking branch's 0002_tracking.sql replaces this file.
select 1;
