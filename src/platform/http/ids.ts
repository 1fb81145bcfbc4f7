/**
 * Checking ids from URLs before they reach the database: PostgreSQL refuses a malformed
 * uuid with an error, which must be a 404 for the user, never a 500.
 */
export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const UUID = new RegExp(UUID_PATTERN);

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
