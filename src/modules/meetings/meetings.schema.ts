// Tables of the meetings module (filled in by its issue).
export {};
