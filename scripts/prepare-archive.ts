// Placeholder: replaced by the archive build (issue: Archive core).
console.error('archive: nothing to build yet');
