/**
 * Apps Script's storage limits for PropertiesService (https://developers.google.com/apps-script/guides/services/quotas):
 * "Properties value size: 9 KB / val" and "Properties total storage: 500 KB / property store". Counted here in UTF-8
 * bytes, keys included in the total (a measured store fills up on keys and values together), so a save is refused
 * with a message before Apps Script throws its own.
 */
export const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;
export const PROPERTY_STORE_LIMIT_BYTES = 500 * 1024;

/** UTF-8 length by code point: Apps Script's V8 has no TextEncoder. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** The bytes a store holds: every key and value. */
export const storeBytes = (properties: Record<string, string>): number =>
  Object.entries(properties).reduce((sum, [key, value]) => sum + utf8Bytes(key) + utf8Bytes(value), 0);
