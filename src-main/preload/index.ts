// Placeholder preload until the bridge lands.
export {};
