// What a service call fails with, for tests that assert on typed errors.
import { AppError } from '../../src/errors.js';

/** The AppError a call fails with (anything else fails the test). */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to fail with an AppError');
}

/** The parts of an AppError a client sees: code, HTTP status, the field at fault. */
export const shapeOf = (error: AppError) => ({ code: error.code, status: error.status, field: error.field });
