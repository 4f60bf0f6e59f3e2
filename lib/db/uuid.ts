// Ids are uuids; a value that is not one matches no row, so callers answer "not found" without a query
// (PostgreSQL would refuse to compare it with a uuid column).
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
