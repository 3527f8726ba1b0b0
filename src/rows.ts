// Mapping helpers for rows of composite types returned by api.* functions:
// pgtyped types every such column as nullable, so NOT NULL ones are checked.

/** A timestamp as ISO 8601 (UTC), null kept. */
export const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

/** Reads columns of one composite type, failing loudly on a null where the database promises a value. */
export function columnReader(type: string) {
  return function required<T>(value: T | null, column: string): T {
    if (value === null) throw new Error(`${type}.${column} is null`);
    return value;
  };
}
