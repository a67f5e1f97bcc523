/** The API's address and version: the major version in the path, the full one in every answer's API-Version header and in `info.version`. */
export const API_PREFIX = '/api/v1';
export const API_VERSION = '1.0.0';
