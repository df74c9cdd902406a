/**
 * Importing the user's own files: Yardi payment exports and SOV (G703) exports, read in full before
 * anything is stored, so the page can preview what would be added and every row refused and why.
 */
export { importYardiCsv, YARDI_COLUMNS, type ImportedClaim, type ImportedClaimCode, type YardiField, type YardiImport } from './yardi';
export { importSovCsv, SOV_COLUMNS, type ImportedSovLine, type SovField, type SovImport } from './sov';
export type { ColumnSpec, HeaderMatch } from './header';
export type { ImportFailure, ImportOptions, ImportRefusal } from './result';
export type { ImportProgress } from './csv-records';
