/** Several archives: the header's switcher (with the import dialog), and opening that dialog from elsewhere. */
export { ArchiveSwitcher } from './ArchiveSwitcher';
export { openImport } from './import-store';
