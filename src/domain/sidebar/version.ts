/**
 * The add-on's version as 设置's footer shows it; a unit test keeps it equal to package.json's.
 */

/** package.json's version. */
export const ADDON_VERSION = '0.1.0';
