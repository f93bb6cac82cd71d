const won = new Intl.NumberFormat("ko-KR", { style: "currency", currency: "KRW" });
const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Amounts are whole won. */
export const money = (amount: number) => won.format(amount);
const toTheSecond = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
/** For what expires within minutes (a signed link). */
export const whenExactly = (iso: string) => `${toTheSecond.format(new Date(iso))} UTC`;
export const when = (iso: string | null | undefined) => (iso ? `${dateTime.format(new Date(iso))} UTC` : "—");
export const shortId = (id: string) => id.slice(0, 8);
/** UUIDv7 ids made in the same millisecond share their leading timestamp: their random tail tells them apart. */
export const idTail = (id: string) => id.slice(-8);

/** A date input's day (yyyy-mm-dd, UTC) as an instant, optionally some days later: a `to` filter ends at the next day's start. */
export const dayStart = (day: string | undefined, plusDays = 0) =>
  day ? new Date(Date.parse(`${day}T00:00:00Z`) + plusDays * 86_400_000).toISOString() : undefined;
