/**
 * Settings: the view, the display settings control the reader shows, and the
 * settings provider and hook.
 */
export { SettingsView } from './SettingsView';
export { DisplaySettings } from './DisplaySettings';
export { SettingsProvider, useSettings } from './use-settings';
export { DEFAULT_SETTINGS, FONT_SIZE_MAX, FONT_SIZE_MIN } from './settings';
