package nl.loket.inbox;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Set;

/**
 * The Dutch public holidays on which offices close: New Year's Day, Good Friday, Easter Monday, King's Day (27 April,
 * or the 26th when the 27th is a Sunday), Liberation Day (5 May, a day off every fifth year: 2025, 2030, …),
 * Ascension Day, Whit Monday and Christmas (25 and 26 December). Easter by the Gregorian computus (Meeus).
 */
final class DutchHolidays {

    private DutchHolidays() {
    }

    static boolean isHoliday(LocalDate date) {
        int year = date.getYear();
        LocalDate easter = easter(year);
        LocalDate kingsDay = LocalDate.of(year, Month.APRIL, 27);
        if (kingsDay.getDayOfWeek() == DayOfWeek.SUNDAY) {
            kingsDay = kingsDay.minusDays(1);
        }
        Set<LocalDate> holidays = Set.of(
                LocalDate.of(year, Month.JANUARY, 1),
                easter.minusDays(2),
                easter.plusDays(1),
                kingsDay,
                easter.plusDays(39),
                easter.plusDays(50),
                LocalDate.of(year, Month.DECEMBER, 25),
                LocalDate.of(year, Month.DECEMBER, 26));
        boolean liberationDayOff = year % 5 == 0 && date.equals(LocalDate.of(year, Month.MAY, 5));
        return holidays.contains(date) || liberationDayOff;
    }

    /** Easter Sunday (anonymous Gregorian algorithm). */
    static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
