import { Rule, isKnown } from '../../private/rules';
import { BrokerSpec } from '../broker-spec';

const TIME_OF_DAY = /^([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?$/;

function timeOfDayProblem(time: string): boolean {
  const match = TIME_OF_DAY.exec(time);
  if (!match) {
    return true;
  }
  const [hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  return hour > 23 || minute > 59 || second > 59;
}

export const MAINTENANCE_WINDOW_RULES: Rule<BrokerSpec>[] = [
  {
    id: 'MaintenanceWindowTimeOfDay',
    fact: 'F-B13',
    summary: 'maintenanceWindow.timeOfDay: 24-hour `HH:MM[:SS]`, hour 0-23, minute 0-59',
    check: (s) => s.maintenanceWindow && isKnown(s.maintenanceWindow.timeOfDay) && timeOfDayProblem(s.maintenanceWindow.timeOfDay)
      ? `'maintenanceWindow.timeOfDay' '${s.maintenanceWindow.timeOfDay}' is not allowed; allowed: 24-hour 'HH:MM' or 'HH:MM:SS' with hour 0-23 and minutes 0-59`
      : undefined,
  },
  {
    id: 'MaintenanceWindowTimeZone',
    fact: 'F-B13',
    summary: 'maintenanceWindow.timeZone: not empty',
    check: (s) => s.maintenanceWindow?.timeZone !== undefined && isKnown(s.maintenanceWindow.timeZone) && s.maintenanceWindow.timeZone.trim() === ''
      ? '\'maintenanceWindow.timeZone\' \'\' is not allowed; allowed: a Country/City name or a UTC offset, for example \'Europe/Paris\' or \'UTC\''
      : undefined,
  },
];
