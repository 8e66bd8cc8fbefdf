package nl.loket.access;

import static nl.loket.access.SoftwareAccessForm.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/** The server-side rules for a software-access request; the form in the browser shows the same rules early. */
@Component
class SoftwareAccessValidator {

    private final SoftwareCatalog catalog;
    private final Clock clock;

    SoftwareAccessValidator(SoftwareCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Field name to message key; empty when the form is valid. */
    Map<String, String> validate(SoftwareAccessForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form == null) {
            errors.put(FIELD_SOFTWARE, "validation.required");
            return errors;
        }
        if (form.softwareId() == null) {
            errors.put(FIELD_SOFTWARE, "validation.required");
        } else if (catalog.findActive(form.softwareId()).isEmpty()) {
            errors.put(FIELD_SOFTWARE, "validation.software.unknown");
        }
        String justification = form.justification() == null ? "" : form.justification().strip();
        if (justification.isEmpty()) {
            errors.put(FIELD_JUSTIFICATION, "validation.required");
        } else if (justification.length() < JUSTIFICATION_MIN_LENGTH) {
            errors.put(FIELD_JUSTIFICATION, "validation.justification.too-short");
        } else if (justification.length() > JUSTIFICATION_MAX_LENGTH) {
            errors.put(FIELD_JUSTIFICATION, "validation.justification.too-long");
        }
        LocalDate today = LocalDate.now(clock);
        if (form.endDate() != null) {
            if (!form.endDate().isAfter(today)) {
                errors.put(FIELD_END_DATE, "validation.end-date.not-future");
            } else if (form.endDate().isAfter(today.plusYears(END_DATE_MAX_YEARS_AHEAD))) {
                errors.put(FIELD_END_DATE, "validation.end-date.too-far");
            }
        }
        return errors;
    }
}
