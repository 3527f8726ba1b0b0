// The admin API's key settings (CRS's field names, camelCase) and their
// translation to the snake_case jsonb that api.create_api_key and
// api.update_api_key validate. zod checks shapes and types at the edge; the
// rules (ranges, known values, activation mode) are the database's.
import { z } from 'zod';

/**
 * Text PostgreSQL can store: no NUL character, no lone UTF-16 surrogate
 * (both would otherwise fail in the database as a 500).
 */
export const storableText = () =>
  z.string().refine((value) => !value.includes('\u0000') && value.isWellFormed(), 'must not contain NUL or malformed Unicode');

const money = z.union([z.number(), storableText()]);
const nullableText = storableText().nullable();

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/**
 * An account binding as CRS writes it: an account id, or `group:<id>` where
 * groups exist (Claude, Gemini, OpenAI), or `responses:<id>` (OpenAI-Responses).
 * Stored lower-case; '' and null unbind.
 */
const binding = (prefixes: string[]) => {
  const pattern = new RegExp(`^(${prefixes.map((p) => `${p}:`).join('|')})?${UUID}$`);
  const forms = ['an account id', ...prefixes.map((p) => `${p}:<id>`)].join(' or ');
  return z
    .union([z.literal(''), z.string().regex(pattern, `must be ${forms}`)])
    .nullable()
    .transform((value) => (value === '' || value === null ? null : value.toLowerCase()));
};
const textList = z.array(storableText());

export const apiKeySettingsSchema = z
  .strictObject({
    name: storableText(),
    description: nullableText,
    permissions: storableText(),
    isActive: z.boolean(),
    tokenLimit: z.number(),
    concurrencyLimit: z.number(),
    rateLimitWindow: z.number(),
    rateLimitRequests: z.number(),
    rateLimitCost: money,
    dailyCostLimit: money,
    weeklyOpusCostLimit: money,
    totalCostLimit: money,
    claudeAccountId: binding(['group']),
    claudeConsoleAccountId: binding([]),
    geminiAccountId: binding(['group']),
    openaiAccountId: binding(['group', 'responses']),
    azureOpenaiAccountId: binding([]),
    bedrockAccountId: binding([]),
    enableModelRestriction: z.boolean(),
    restrictedModels: textList,
    enableClientRestriction: z.boolean(),
    allowedClients: textList,
    tags: textList,
    expirationMode: storableText(),
    activationDays: z.number(),
    expiresAt: nullableText,
    userId: nullableText,
    icon: nullableText,
  })
  .partial();

export type ApiKeySettings = z.infer<typeof apiKeySettingsSchema>;

export const createApiKeySchema = apiKeySettingsSchema.extend({ name: storableText() });
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

/** Admin API field -> database field, where the names differ beyond camelCase. */
const renamed: Record<string, string> = { userId: 'owner_user_id' };

/** camelCase -> snake_case (the admin API's names -> the database's). */
export const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const toSnake = (name: string) => renamed[name] ?? snakeCase(name);

/** Maps admin-API settings to the jsonb the SQL functions take. */
export function toSqlSettings(settings: ApiKeySettings): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(settings)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => [toSnake(name), value]),
  );
}

/** Maps a database field name (as in an RVINV error's COLUMN) back to the admin API's name. */
export function toApiFieldName(column: string): string {
  const reverse = Object.entries(renamed).find(([, sql]) => sql === column);
  if (reverse) return reverse[0];
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
