// Placeholder entry until the Electron shell lands.
export {};
