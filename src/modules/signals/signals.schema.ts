// Tables of the signals module (filled in by its issue).
export {};
