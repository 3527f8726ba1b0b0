/** Types generated for queries found in "src/maintenance/maintenance.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'RunMaintenance' parameters type */
export type IRunMaintenanceParams = void;

/** 'RunMaintenance' return type */
export interface IRunMaintenanceResult {
  eventsRolledUp: string;
  leases: string;
  oauthSessions: string;
  partitionsCreated: string;
  partitionsDropped: string;
  ran: boolean;
  stickySessions: string;
}

/** 'RunMaintenance' query type */
export interface IRunMaintenanceQuery {
  params: IRunMaintenanceParams;
  result: IRunMaintenanceResult;
}

const runMaintenanceIR: any = {"usedParamSet":{},"params":[],"statement":"select ran as \"ran!\", sticky_sessions as \"stickySessions!\", oauth_sessions as \"oauthSessions!\", leases as \"leases!\",\n       partitions_created as \"partitionsCreated!\", partitions_dropped as \"partitionsDropped!\",\n       events_rolled_up as \"eventsRolledUp!\"\n  from api.run_maintenance()"};

/**
 * Query generated from SQL:
 * ```
 * select ran as "ran!", sticky_sessions as "stickySessions!", oauth_sessions as "oauthSessions!", leases as "leases!",
 *        partitions_created as "partitionsCreated!", partitions_dropped as "partitionsDropped!",
 *        events_rolled_up as "eventsRolledUp!"
 *   from api.run_maintenance()
 * ```
 */
export const runMaintenance = new PreparedQuery<IRunMaintenanceParams,IRunMaintenanceResult>(runMaintenanceIR);


/** 'ListScheduledJobs' parameters type */
export type IListScheduledJobsParams = void;

/** 'ListScheduledJobs' return type */
export interface IListScheduledJobsResult {
  name: string;
}

/** 'ListScheduledJobs' query type */
export interface IListScheduledJobsQuery {
  params: IListScheduledJobsParams;
  result: IListScheduledJobsResult;
}

const listScheduledJobsIR: any = {"usedParamSet":{},"params":[],"statement":"select name as \"name!\" from api.list_scheduled_jobs() name"};

/**
 * Query generated from SQL:
 * ```
 * select name as "name!" from api.list_scheduled_jobs() name
 * ```
 */
export const listScheduledJobs = new PreparedQuery<IListScheduledJobsParams,IListScheduledJobsResult>(listScheduledJobsIR);


