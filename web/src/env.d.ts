/** Set by vite.config.ts: the development-only token entry (features/auth/token-entry.ts). */
declare const __TOKEN_ENTRY__: boolean;
