/** The current time as an ISO timestamp, the form every stored record uses. */
export const nowIso = (): string => new Date().toISOString();
