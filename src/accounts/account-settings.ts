// The admin API's account settings (camelCase) and their translation to the
// snake_case jsonb that api.create_account / api.update_account validate.
// zod checks shapes at the edge; ranges and rules are the database's.
import { z } from 'zod';
import { snakeCase, storableText } from '../api-keys/api-key-settings.js';
import { ACCOUNT_KINDS } from './account.js';

const secretValue = z.union([storableText().max(65_536), z.record(z.string(), z.unknown()), z.null()]);

export const accountSettingsSchema = z
  .strictObject({
    name: storableText(),
    description: storableText().nullable(),
    priority: z.number(),
    isActive: z.boolean(),
    isPaused: z.boolean(),
    accountType: storableText(),
    modelMapping: z.union([z.record(z.string(), storableText()), z.array(storableText()), z.null()]),
    subscriptionPlan: storableText().nullable(),
    autoStopOnWarning: z.boolean(),
    rateLimitMinutes: z.number(),
    dailyQuota: z.union([z.number(), storableText()]),
    quotaResetTime: storableText(),
    tokenExpiresAt: storableText().nullable(),
    options: z.record(z.string(), z.unknown()),
    proxy: z
      .strictObject({
        type: storableText(),
        host: storableText(),
        port: z.number(),
        username: storableText().optional(),
        password: storableText().optional(),
      })
      .nullable(),
    /** Secrets by name (e.g. accessToken, apiKey); null removes one. Write-only. */
    secrets: z.record(z.string(), secretValue),
  })
  .partial();

export const createAccountSchema = accountSettingsSchema.extend({
  kind: z.enum(ACCOUNT_KINDS, { error: `kind must be one of ${ACCOUNT_KINDS.join(', ')}` }),
  name: storableText(),
});

export type AccountSettings = z.infer<typeof accountSettingsSchema>;
export type CreateAccountInput = z.infer<typeof createAccountSchema>;

/** Splits admin input into the settings and secrets objects the SQL functions take. */
export function toSqlAccountInput(input: AccountSettings): { settings: Record<string, unknown>; secrets: Record<string, unknown> } {
  const { secrets, ...settings } = input;
  return {
    settings: Object.fromEntries(
      Object.entries(settings)
        .filter(([, value]) => value !== undefined)
        .map(([name, value]) => [snakeCase(name), value]),
    ),
    secrets: secrets ?? {},
  };
}
