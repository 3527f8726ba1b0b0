/*
  Usage recording and statistics (api.record_usage, api.key_usage,
  api.usage_totals, api.usage_by_model, api.recent_usage) and the usage
  settings. Generated code: src/usage/usage.queries.ts (npm run codegen).
*/

/* @name RecordUsage */
select request_id as "requestId!", recorded as "recorded!", occurred_at as "occurredAt!", cost
  from api.record_usage(:events!::jsonb);

/* @name KeyUsage */
select period as "period!", requests as "requests!", input_tokens as "inputTokens!", output_tokens as "outputTokens!",
       cache_create_tokens as "cacheCreateTokens!", cache_create_5m_tokens as "cacheCreate5mTokens!",
       cache_create_1h_tokens as "cacheCreate1hTokens!", cache_read_tokens as "cacheReadTokens!",
       all_tokens as "allTokens!", long_context_requests as "longContextRequests!", cost as "cost!", opus_cost as "opusCost!"
  from api.key_usage(:keyId!, :at!);

/* @name UsageTotals */
select period as "period!", requests as "requests!", input_tokens as "inputTokens!", output_tokens as "outputTokens!",
       cache_create_tokens as "cacheCreateTokens!", cache_create_5m_tokens as "cacheCreate5mTokens!",
       cache_create_1h_tokens as "cacheCreate1hTokens!", cache_read_tokens as "cacheReadTokens!",
       all_tokens as "allTokens!", long_context_requests as "longContextRequests!", cost as "cost!"
  from api.usage_totals(:scope!, :scopeId!, :at!);

/* @name UsageByModel */
select bucket as "bucket!", model as "model!", requests as "requests!", input_tokens as "inputTokens!",
       output_tokens as "outputTokens!", cache_create_tokens as "cacheCreateTokens!",
       cache_create_5m_tokens as "cacheCreate5mTokens!", cache_create_1h_tokens as "cacheCreate1hTokens!",
       cache_read_tokens as "cacheReadTokens!", all_tokens as "allTokens!",
       long_context_requests as "longContextRequests!", cost as "cost!"
  from api.usage_by_model(:scope!, :scopeId!, :grain!, :from!::date, :to!::date);

/* @name RecentUsage */
select minutes as "minutes!", requests as "requests!", all_tokens as "allTokens!", input_tokens as "inputTokens!",
       output_tokens as "outputTokens!", cache_create_tokens as "cacheCreateTokens!", cache_read_tokens as "cacheReadTokens!",
       requests_per_minute as "requestsPerMinute!", tokens_per_minute as "tokensPerMinute!"
  from api.recent_usage(:minutes!, :at!);

/* @name SetUsageTimeZone */
select api.set_usage_time_zone(:timeZone!) as "previous!";

/* @name RollUpUsage */
select ran as "ran!", events as "events!" from api.roll_up_usage();

/* @name MaintainPartitions */
select action as "action!", partition_name as "partitionName!" from api.maintain_partitions(:now!, :from);

/* @name ListPartitionPolicies */
select table_name as "tableName!", step as "step!", retention::text as "retention", premake as "premake!",
       partitions as "partitions!", oldest_from as "oldestFrom", newest_to as "newestTo", default_rows as "defaultRows!"
  from api.list_partition_policies();

/* @name SetPartitionRetention */
select api.set_partition_retention(:tableName!, :retention::interval) as "done";

/* @name UsageAverages */
select since, days as "days!", requests as "requests!", tokens as "tokens!", requests_per_minute as "requestsPerMinute!",
       tokens_per_minute as "tokensPerMinute!", requests_per_day as "requestsPerDay!", tokens_per_day as "tokensPerDay!"
  from api.usage_averages(:scope!, :scopeId!, :at!);

/* @name DashboardCounts */
select subject as "subject!", total as "total!", active as "active!", created_today as "createdToday", available,
       paused, rate_limited as "rateLimited", other_unavailable as "otherUnavailable"
  from api.dashboard_counts(:at!);
