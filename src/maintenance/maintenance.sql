/*
  Periodic maintenance, for the service's fallback timer (pg_cron runs the
  same function where it is installed). Generated: maintenance.queries.ts.
*/

/* @name RunMaintenance */
select ran as "ran!", sticky_sessions as "stickySessions!", oauth_sessions as "oauthSessions!", leases as "leases!",
       partitions_created as "partitionsCreated!", partitions_dropped as "partitionsDropped!",
       events_rolled_up as "eventsRolledUp!"
  from api.run_maintenance();

/* @name ListScheduledJobs */
select name as "name!" from api.list_scheduled_jobs() name;
