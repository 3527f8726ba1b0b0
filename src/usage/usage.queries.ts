/** Types generated for queries found in "src/usage/usage.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'RecordUsage' parameters type */
export interface IRecordUsageParams {
  events: Json;
}

/** 'RecordUsage' return type */
export interface IRecordUsageResult {
  cost: string | null;
  occurredAt: Date;
  recorded: boolean;
  requestId: string;
}

/** 'RecordUsage' query type */
export interface IRecordUsageQuery {
  params: IRecordUsageParams;
  result: IRecordUsageResult;
}

const recordUsageIR: any = {"usedParamSet":{"events":true},"params":[{"name":"events","required":true,"transform":{"type":"scalar"},"locs":[{"a":119,"b":126}]}],"statement":"select request_id as \"requestId!\", recorded as \"recorded!\", occurred_at as \"occurredAt!\", cost\n  from api.record_usage(:events!::jsonb)"};

/**
 * Query generated from SQL:
 * ```
 * select request_id as "requestId!", recorded as "recorded!", occurred_at as "occurredAt!", cost
 *   from api.record_usage(:events!::jsonb)
 * ```
 */
export const recordUsage = new PreparedQuery<IRecordUsageParams,IRecordUsageResult>(recordUsageIR);


/** 'KeyUsage' parameters type */
export interface IKeyUsageParams {
  at: DateOrString;
  keyId: string;
}

/** 'KeyUsage' return type */
export interface IKeyUsageResult {
  allTokens: string;
  cacheCreate1hTokens: string;
  cacheCreate5mTokens: string;
  cacheCreateTokens: string;
  cacheReadTokens: string;
  cost: string;
  inputTokens: string;
  longContextRequests: string;
  opusCost: string;
  outputTokens: string;
  period: string;
  requests: string;
}

/** 'KeyUsage' query type */
export interface IKeyUsageQuery {
  params: IKeyUsageParams;
  result: IKeyUsageResult;
}

const keyUsageIR: any = {"usedParamSet":{"keyId":true,"at":true},"params":[{"name":"keyId","required":true,"transform":{"type":"scalar"},"locs":[{"a":466,"b":472}]},{"name":"at","required":true,"transform":{"type":"scalar"},"locs":[{"a":475,"b":478}]}],"statement":"select period as \"period!\", requests as \"requests!\", input_tokens as \"inputTokens!\", output_tokens as \"outputTokens!\",\n       cache_create_tokens as \"cacheCreateTokens!\", cache_create_5m_tokens as \"cacheCreate5mTokens!\",\n       cache_create_1h_tokens as \"cacheCreate1hTokens!\", cache_read_tokens as \"cacheReadTokens!\",\n       all_tokens as \"allTokens!\", long_context_requests as \"longContextRequests!\", cost as \"cost!\", opus_cost as \"opusCost!\"\n  from api.key_usage(:keyId!, :at!)"};

/**
 * Query generated from SQL:
 * ```
 * select period as "period!", requests as "requests!", input_tokens as "inputTokens!", output_tokens as "outputTokens!",
 *        cache_create_tokens as "cacheCreateTokens!", cache_create_5m_tokens as "cacheCreate5mTokens!",
 *        cache_create_1h_tokens as "cacheCreate1hTokens!", cache_read_tokens as "cacheReadTokens!",
 *        all_tokens as "allTokens!", long_context_requests as "longContextRequests!", cost as "cost!", opus_cost as "opusCost!"
 *   from api.key_usage(:keyId!, :at!)
 * ```
 */
export const keyUsage = new PreparedQuery<IKeyUsageParams,IKeyUsageResult>(keyUsageIR);


/** 'UsageTotals' parameters type */
export interface IUsageTotalsParams {
  at: DateOrString;
  scope: string;
  scopeId: string;
}

/** 'UsageTotals' return type */
export interface IUsageTotalsResult {
  allTokens: string;
  cacheCreate1hTokens: string;
  cacheCreate5mTokens: string;
  cacheCreateTokens: string;
  cacheReadTokens: string;
  cost: string;
  inputTokens: string;
  longContextRequests: string;
  outputTokens: string;
  period: string;
  requests: string;
}

/** 'UsageTotals' query type */
export interface IUsageTotalsQuery {
  params: IUsageTotalsParams;
  result: IUsageTotalsResult;
}

const usageTotalsIR: any = {"usedParamSet":{"scope":true,"scopeId":true,"at":true},"params":[{"name":"scope","required":true,"transform":{"type":"scalar"},"locs":[{"a":443,"b":449}]},{"name":"scopeId","required":true,"transform":{"type":"scalar"},"locs":[{"a":452,"b":460}]},{"name":"at","required":true,"transform":{"type":"scalar"},"locs":[{"a":463,"b":466}]}],"statement":"select period as \"period!\", requests as \"requests!\", input_tokens as \"inputTokens!\", output_tokens as \"outputTokens!\",\n       cache_create_tokens as \"cacheCreateTokens!\", cache_create_5m_tokens as \"cacheCreate5mTokens!\",\n       cache_create_1h_tokens as \"cacheCreate1hTokens!\", cache_read_tokens as \"cacheReadTokens!\",\n       all_tokens as \"allTokens!\", long_context_requests as \"longContextRequests!\", cost as \"cost!\"\n  from api.usage_totals(:scope!, :scopeId!, :at!)"};

/**
 * Query generated from SQL:
 * ```
 * select period as "period!", requests as "requests!", input_tokens as "inputTokens!", output_tokens as "outputTokens!",
 *        cache_create_tokens as "cacheCreateTokens!", cache_create_5m_tokens as "cacheCreate5mTokens!",
 *        cache_create_1h_tokens as "cacheCreate1hTokens!", cache_read_tokens as "cacheReadTokens!",
 *        all_tokens as "allTokens!", long_context_requests as "longContextRequests!", cost as "cost!"
 *   from api.usage_totals(:scope!, :scopeId!, :at!)
 * ```
 */
export const usageTotals = new PreparedQuery<IUsageTotalsParams,IUsageTotalsResult>(usageTotalsIR);


/** 'UsageByModel' parameters type */
export interface IUsageByModelParams {
  from: DateOrString;
  grain: string;
  scope: string;
  scopeId: string;
  to: DateOrString;
}

/** 'UsageByModel' return type */
export interface IUsageByModelResult {
  allTokens: string;
  bucket: Date;
  cacheCreate1hTokens: string;
  cacheCreate5mTokens: string;
  cacheCreateTokens: string;
  cacheReadTokens: string;
  cost: string;
  inputTokens: string;
  longContextRequests: string;
  model: string;
  outputTokens: string;
  requests: string;
}

/** 'UsageByModel' query type */
export interface IUsageByModelQuery {
  params: IUsageByModelParams;
  result: IUsageByModelResult;
}

const usageByModelIR: any = {"usedParamSet":{"scope":true,"scopeId":true,"grain":true,"from":true,"to":true},"params":[{"name":"scope","required":true,"transform":{"type":"scalar"},"locs":[{"a":471,"b":477}]},{"name":"scopeId","required":true,"transform":{"type":"scalar"},"locs":[{"a":480,"b":488}]},{"name":"grain","required":true,"transform":{"type":"scalar"},"locs":[{"a":491,"b":497}]},{"name":"from","required":true,"transform":{"type":"scalar"},"locs":[{"a":500,"b":505}]},{"name":"to","required":true,"transform":{"type":"scalar"},"locs":[{"a":514,"b":517}]}],"statement":"select bucket as \"bucket!\", model as \"model!\", requests as \"requests!\", input_tokens as \"inputTokens!\",\n       output_tokens as \"outputTokens!\", cache_create_tokens as \"cacheCreateTokens!\",\n       cache_create_5m_tokens as \"cacheCreate5mTokens!\", cache_create_1h_tokens as \"cacheCreate1hTokens!\",\n       cache_read_tokens as \"cacheReadTokens!\", all_tokens as \"allTokens!\",\n       long_context_requests as \"longContextRequests!\", cost as \"cost!\"\n  from api.usage_by_model(:scope!, :scopeId!, :grain!, :from!::date, :to!::date)"};

/**
 * Query generated from SQL:
 * ```
 * select bucket as "bucket!", model as "model!", requests as "requests!", input_tokens as "inputTokens!",
 *        output_tokens as "outputTokens!", cache_create_tokens as "cacheCreateTokens!",
 *        cache_create_5m_tokens as "cacheCreate5mTokens!", cache_create_1h_tokens as "cacheCreate1hTokens!",
 *        cache_read_tokens as "cacheReadTokens!", all_tokens as "allTokens!",
 *        long_context_requests as "longContextRequests!", cost as "cost!"
 *   from api.usage_by_model(:scope!, :scopeId!, :grain!, :from!::date, :to!::date)
 * ```
 */
export const usageByModel = new PreparedQuery<IUsageByModelParams,IUsageByModelResult>(usageByModelIR);


/** 'RecentUsage' parameters type */
export interface IRecentUsageParams {
  at: DateOrString;
  minutes: number;
}

/** 'RecentUsage' return type */
export interface IRecentUsageResult {
  allTokens: string;
  cacheCreateTokens: string;
  cacheReadTokens: string;
  inputTokens: string;
  minutes: number;
  outputTokens: string;
  requests: string;
  requestsPerMinute: string;
  tokensPerMinute: string;
}

/** 'RecentUsage' query type */
export interface IRecentUsageQuery {
  params: IRecentUsageParams;
  result: IRecentUsageResult;
}

const recentUsageIR: any = {"usedParamSet":{"minutes":true,"at":true},"params":[{"name":"minutes","required":true,"transform":{"type":"scalar"},"locs":[{"a":358,"b":366}]},{"name":"at","required":true,"transform":{"type":"scalar"},"locs":[{"a":369,"b":372}]}],"statement":"select minutes as \"minutes!\", requests as \"requests!\", all_tokens as \"allTokens!\", input_tokens as \"inputTokens!\",\n       output_tokens as \"outputTokens!\", cache_create_tokens as \"cacheCreateTokens!\", cache_read_tokens as \"cacheReadTokens!\",\n       requests_per_minute as \"requestsPerMinute!\", tokens_per_minute as \"tokensPerMinute!\"\n  from api.recent_usage(:minutes!, :at!)"};

/**
 * Query generated from SQL:
 * ```
 * select minutes as "minutes!", requests as "requests!", all_tokens as "allTokens!", input_tokens as "inputTokens!",
 *        output_tokens as "outputTokens!", cache_create_tokens as "cacheCreateTokens!", cache_read_tokens as "cacheReadTokens!",
 *        requests_per_minute as "requestsPerMinute!", tokens_per_minute as "tokensPerMinute!"
 *   from api.recent_usage(:minutes!, :at!)
 * ```
 */
export const recentUsage = new PreparedQuery<IRecentUsageParams,IRecentUsageResult>(recentUsageIR);


/** 'SetUsageTimeZone' parameters type */
export interface ISetUsageTimeZoneParams {
  timeZone: string;
}

/** 'SetUsageTimeZone' return type */
export interface ISetUsageTimeZoneResult {
  previous: string;
}

/** 'SetUsageTimeZone' query type */
export interface ISetUsageTimeZoneQuery {
  params: ISetUsageTimeZoneParams;
  result: ISetUsageTimeZoneResult;
}

const setUsageTimeZoneIR: any = {"usedParamSet":{"timeZone":true},"params":[{"name":"timeZone","required":true,"transform":{"type":"scalar"},"locs":[{"a":31,"b":40}]}],"statement":"select api.set_usage_time_zone(:timeZone!) as \"previous!\""};

/**
 * Query generated from SQL:
 * ```
 * select api.set_usage_time_zone(:timeZone!) as "previous!"
 * ```
 */
export const setUsageTimeZone = new PreparedQuery<ISetUsageTimeZoneParams,ISetUsageTimeZoneResult>(setUsageTimeZoneIR);


/** 'RollUpUsage' parameters type */
export type IRollUpUsageParams = void;

/** 'RollUpUsage' return type */
export interface IRollUpUsageResult {
  events: string;
  ran: boolean;
}

/** 'RollUpUsage' query type */
export interface IRollUpUsageQuery {
  params: IRollUpUsageParams;
  result: IRollUpUsageResult;
}

const rollUpUsageIR: any = {"usedParamSet":{},"params":[],"statement":"select ran as \"ran!\", events as \"events!\" from api.roll_up_usage()"};

/**
 * Query generated from SQL:
 * ```
 * select ran as "ran!", events as "events!" from api.roll_up_usage()
 * ```
 */
export const rollUpUsage = new PreparedQuery<IRollUpUsageParams,IRollUpUsageResult>(rollUpUsageIR);


/** 'MaintainPartitions' parameters type */
export interface IMaintainPartitionsParams {
  from?: DateOrString | null | void;
  now: DateOrString;
}

/** 'MaintainPartitions' return type */
export interface IMaintainPartitionsResult {
  action: string;
  partitionName: string;
}

/** 'MaintainPartitions' query type */
export interface IMaintainPartitionsQuery {
  params: IMaintainPartitionsParams;
  result: IMaintainPartitionsResult;
}

const maintainPartitionsIR: any = {"usedParamSet":{"now":true,"from":true},"params":[{"name":"now","required":true,"transform":{"type":"scalar"},"locs":[{"a":92,"b":96}]},{"name":"from","required":false,"transform":{"type":"scalar"},"locs":[{"a":99,"b":103}]}],"statement":"select action as \"action!\", partition_name as \"partitionName!\" from api.maintain_partitions(:now!, :from)"};

/**
 * Query generated from SQL:
 * ```
 * select action as "action!", partition_name as "partitionName!" from api.maintain_partitions(:now!, :from)
 * ```
 */
export const maintainPartitions = new PreparedQuery<IMaintainPartitionsParams,IMaintainPartitionsResult>(maintainPartitionsIR);


/** 'ListPartitionPolicies' parameters type */
export type IListPartitionPoliciesParams = void;

/** 'ListPartitionPolicies' return type */
export interface IListPartitionPoliciesResult {
  defaultRows: string;
  newestTo: Date | null;
  oldestFrom: Date | null;
  partitions: string;
  premake: number;
  retention: string | null;
  step: string;
  tableName: string;
}

/** 'ListPartitionPolicies' query type */
export interface IListPartitionPoliciesQuery {
  params: IListPartitionPoliciesParams;
  result: IListPartitionPoliciesResult;
}

const listPartitionPoliciesIR: any = {"usedParamSet":{},"params":[],"statement":"select table_name as \"tableName!\", step as \"step!\", retention::text as \"retention\", premake as \"premake!\",\n       partitions as \"partitions!\", oldest_from as \"oldestFrom\", newest_to as \"newestTo\", default_rows as \"defaultRows!\"\n  from api.list_partition_policies()"};

/**
 * Query generated from SQL:
 * ```
 * select table_name as "tableName!", step as "step!", retention::text as "retention", premake as "premake!",
 *        partitions as "partitions!", oldest_from as "oldestFrom", newest_to as "newestTo", default_rows as "defaultRows!"
 *   from api.list_partition_policies()
 * ```
 */
export const listPartitionPolicies = new PreparedQuery<IListPartitionPoliciesParams,IListPartitionPoliciesResult>(listPartitionPoliciesIR);


/** 'SetPartitionRetention' parameters type */
export interface ISetPartitionRetentionParams {
  retention?: DateOrString | null | void;
  tableName: string;
}

/** 'SetPartitionRetention' return type */
export interface ISetPartitionRetentionResult {
  done: undefined | null;
}

/** 'SetPartitionRetention' query type */
export interface ISetPartitionRetentionQuery {
  params: ISetPartitionRetentionParams;
  result: ISetPartitionRetentionResult;
}

const setPartitionRetentionIR: any = {"usedParamSet":{"tableName":true,"retention":true},"params":[{"name":"tableName","required":true,"transform":{"type":"scalar"},"locs":[{"a":35,"b":45}]},{"name":"retention","required":false,"transform":{"type":"scalar"},"locs":[{"a":48,"b":57}]}],"statement":"select api.set_partition_retention(:tableName!, :retention::interval) as \"done\""};

/**
 * Query generated from SQL:
 * ```
 * select api.set_partition_retention(:tableName!, :retention::interval) as "done"
 * ```
 */
export const setPartitionRetention = new PreparedQuery<ISetPartitionRetentionParams,ISetPartitionRetentionResult>(setPartitionRetentionIR);


/** 'UsageAverages' parameters type */
export interface IUsageAveragesParams {
  at: DateOrString;
  scope: string;
  scopeId: string;
}

/** 'UsageAverages' return type */
export interface IUsageAveragesResult {
  days: number;
  requests: string;
  requestsPerDay: string;
  requestsPerMinute: string;
  since: Date | null;
  tokens: string;
  tokensPerDay: string;
  tokensPerMinute: string;
}

/** 'UsageAverages' query type */
export interface IUsageAveragesQuery {
  params: IUsageAveragesParams;
  result: IUsageAveragesResult;
}

const usageAveragesIR: any = {"usedParamSet":{"scope":true,"scopeId":true,"at":true},"params":[{"name":"scope","required":true,"transform":{"type":"scalar"},"locs":[{"a":269,"b":275}]},{"name":"scopeId","required":true,"transform":{"type":"scalar"},"locs":[{"a":278,"b":286}]},{"name":"at","required":true,"transform":{"type":"scalar"},"locs":[{"a":289,"b":292}]}],"statement":"select since, days as \"days!\", requests as \"requests!\", tokens as \"tokens!\", requests_per_minute as \"requestsPerMinute!\",\n       tokens_per_minute as \"tokensPerMinute!\", requests_per_day as \"requestsPerDay!\", tokens_per_day as \"tokensPerDay!\"\n  from api.usage_averages(:scope!, :scopeId!, :at!)"};

/**
 * Query generated from SQL:
 * ```
 * select since, days as "days!", requests as "requests!", tokens as "tokens!", requests_per_minute as "requestsPerMinute!",
 *        tokens_per_minute as "tokensPerMinute!", requests_per_day as "requestsPerDay!", tokens_per_day as "tokensPerDay!"
 *   from api.usage_averages(:scope!, :scopeId!, :at!)
 * ```
 */
export const usageAverages = new PreparedQuery<IUsageAveragesParams,IUsageAveragesResult>(usageAveragesIR);


/** 'DashboardCounts' parameters type */
export interface IDashboardCountsParams {
  at: DateOrString;
}

/** 'DashboardCounts' return type */
export interface IDashboardCountsResult {
  active: string;
  available: string | null;
  createdToday: string | null;
  otherUnavailable: string | null;
  paused: string | null;
  rateLimited: string | null;
  subject: string;
  total: string;
}

/** 'DashboardCounts' query type */
export interface IDashboardCountsQuery {
  params: IDashboardCountsParams;
  result: IDashboardCountsResult;
}

const dashboardCountsIR: any = {"usedParamSet":{"at":true},"params":[{"name":"at","required":true,"transform":{"type":"scalar"},"locs":[{"a":228,"b":231}]}],"statement":"select subject as \"subject!\", total as \"total!\", active as \"active!\", created_today as \"createdToday\", available,\n       paused, rate_limited as \"rateLimited\", other_unavailable as \"otherUnavailable\"\n  from api.dashboard_counts(:at!)"};

/**
 * Query generated from SQL:
 * ```
 * select subject as "subject!", total as "total!", active as "active!", created_today as "createdToday", available,
 *        paused, rate_limited as "rateLimited", other_unavailable as "otherUnavailable"
 *   from api.dashboard_counts(:at!)
 * ```
 */
export const dashboardCounts = new PreparedQuery<IDashboardCountsParams,IDashboardCountsResult>(dashboardCountsIR);


