/* Queries behind /health (generated: health.queries.ts). */

/* @name GetMigrationStatus */
select filename as "filename!", hash as "hash!" from api.migration_status();
