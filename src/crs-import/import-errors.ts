/** The import cannot go on as configured (it rolls back: nothing is written). */
export class ImportSetupError extends Error {}
