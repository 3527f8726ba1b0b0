/** Types generated for queries found in "src/health/health.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'GetMigrationStatus' parameters type */
export type IGetMigrationStatusParams = void;

/** 'GetMigrationStatus' return type */
export interface IGetMigrationStatusResult {
  filename: string;
  hash: string;
}

/** 'GetMigrationStatus' query type */
export interface IGetMigrationStatusQuery {
  params: IGetMigrationStatusParams;
  result: IGetMigrationStatusResult;
}

const getMigrationStatusIR: any = {"usedParamSet":{},"params":[],"statement":"select filename as \"filename!\", hash as \"hash!\" from api.migration_status()"};

/**
 * Query generated from SQL:
 * ```
 * select filename as "filename!", hash as "hash!" from api.migration_status()
 * ```
 */
export const getMigrationStatus = new PreparedQuery<IGetMigrationStatusParams,IGetMigrationStatusResult>(getMigrationStatusIR);


