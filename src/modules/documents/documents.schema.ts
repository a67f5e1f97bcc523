// Tables of the documents module (filled in by its issue).
export {};
