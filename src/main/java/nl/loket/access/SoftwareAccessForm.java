package nl.loket.access;

import java.time.LocalDate;

/** What the requester fills in. Validated again on the server, whatever the browser did. */
public record SoftwareAccessForm(Long softwareId, String justification, boolean adminRights, LocalDate endDate) {

    public static final String FIELD_SOFTWARE = "software";
    public static final String FIELD_JUSTIFICATION = "justification";
    public static final String FIELD_END_DATE = "endDate";

    public static final int JUSTIFICATION_MIN_LENGTH = 10;
    public static final int JUSTIFICATION_MAX_LENGTH = 2000;
    public static final int END_DATE_MAX_YEARS_AHEAD = 5;
}
