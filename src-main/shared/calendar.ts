/**
 * The month names the app writes dates with, in one place: the UI
 * (src-renderer platform/format.ts) and citations in exports
 * (notes/citation.ts). The app's English is en-GB, so these are CLDR's en-GB
 * names, "Sept" included.
 */
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
export const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'] as const;
