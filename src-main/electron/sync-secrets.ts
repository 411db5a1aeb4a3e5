/**
 * The desktop app's keychain for Settings > Sync: Electron's safeStorage
 * (Keychain on macOS, DPAPI on Windows, the Secret Service or KWallet on
 * Linux) seals the server password and the encryption passphrase before
 * sync-settings-store.ts writes them, so the settings file alone reveals
 * neither. Thin glue: the store does the rest, and runs without Electron.
 */
import { safeStorage } from 'electron';
import type { SecretBox } from '../sync/sync-settings-store';

/**
 * safeStorage as a SecretBox, or null where the system offers no keychain
 * (Linux without a secret service falls back to a fixed key, which protects
 * nothing: then the caller keeps the file at mode 0600 as the web host does,
 * and says so).
 */
export function safeStorageBox(): SecretBox | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    name: 'the system keychain',
    seal: (text) => safeStorage.encryptString(text).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
