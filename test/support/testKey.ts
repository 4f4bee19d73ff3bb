/**
 * The fake key every test uses. It is only ever sent to 127.0.0.1; tests still check that it never
 * shows up in logs or errors, since a real key would travel the same paths.
 */
export const TEST_API_KEY = 'sk-or-v1-test-0000000000000000000000000000000000000000000000000000000000000000';
