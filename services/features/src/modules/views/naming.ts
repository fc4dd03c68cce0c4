/** A feature version as the contract names it: `name@version`. */
export const refOf = (f: { readonly name: string; readonly version: number }): string => `${f.name}@${f.version}`;

/**
 * A time-ordered run id (UUID version 7): its text sorts by creation time, so the view's
 * `tiebreak` column ranks a later run's row above an earlier run's for the same (entity,
 * event_time, available_at).
 */
let lastMs = 0;
let counter = 0;
export function timeOrderedId(now: number = Date.now()): string {
  // Within one millisecond a 12-bit counter keeps the order of ids minted by this process.
  if (now <= lastMs) {
    counter++;
    if (counter > 0xfff) {
      lastMs++;
      counter = 0;
    }
  } else {
    lastMs = now;
    counter = 0;
  }
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let ms = lastMs;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
