/** Day of the week for the maintenance window. */
export enum DayOfWeek {
  MONDAY = 'MONDAY',
  TUESDAY = 'TUESDAY',
  WEDNESDAY = 'WEDNESDAY',
  THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY',
  SATURDAY = 'SATURDAY',
  SUNDAY = 'SUNDAY',
}

/**
 * The weekly window in which Amazon MQ applies pending changes (configuration revisions, users, instance type,
 * engine version) and patches.
 */
export interface MaintenanceWindow {
  /** Day of the week the window starts. */
  readonly dayOfWeek: DayOfWeek;
  /**
   * Start time, 24-hour `HH:MM` or `HH:MM:SS` (hour 0-23, minute and second 0-59).
   * @example '03:30'
   */
  readonly timeOfDay: string;
  /**
   * Time zone: a `Country/City` name or a UTC offset.
   * @default 'UTC'
   */
  readonly timeZone?: string;
}
