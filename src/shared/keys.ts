/** Keys are `tp_` followed by at least 32 base62 characters (DESIGN §3). */
export const API_KEY_PATTERN = /^tp_[0-9A-Za-z]{32,}$/;
