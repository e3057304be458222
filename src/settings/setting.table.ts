export interface SettingTable {
  key: string;
  /** JSON text, so one table holds settings of any shape. */
  value: string;
}
