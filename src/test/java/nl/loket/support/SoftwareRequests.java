package nl.loket.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import nl.loket.access.SoftwareAccessProcess;
import nl.loket.access.SoftwareCatalog;
import nl.loket.request.FormRequestService;
import nl.loket.request.Request;
import org.springframework.stereotype.Component;

/** Software-access requests as the start form submits them (forms/software-access-request.form). */
@Component
public class SoftwareRequests {

    public static final String JUSTIFICATION = "I maintain the Loket portal and need this every day.";

    private final FormRequestService forms;
    private final SoftwareCatalog catalog;
    private final TestUsers users;

    SoftwareRequests(FormRequestService forms, SoftwareCatalog catalog, TestUsers users) {
        this.forms = forms;
        this.catalog = catalog;
        this.users = users;
    }

    /** Logs in as the user, submits without admin rights, logs out again. */
    public Request submitAs(String username, String softwareName) {
        users.loginAs(username);
        try {
            return submit(softwareName, false);
        } finally {
            TestUsers.logout();
        }
    }

    /** Submits as the logged-in user, through the same service the start page uses. */
    public Request submit(String softwareName, boolean adminRights) {
        return submit(form(softwareId(softwareName), JUSTIFICATION, adminRights, LocalDate.now().plusMonths(6)));
    }

    public Request submit(Map<String, Object> form) {
        return forms.submit(SoftwareAccessProcess.KEY, form, Locale.ENGLISH);
    }

    /** The submission as the browser sends it; null values are left out, as an empty field is. */
    public static Map<String, Object> form(Long softwareId, String justification, boolean adminRights,
                                           LocalDate endDate) {
        Map<String, Object> form = new HashMap<>();
        if (softwareId != null) {
            form.put(SoftwareAccessProcess.SOFTWARE.name(), softwareId);
        }
        if (justification != null) {
            form.put(SoftwareAccessProcess.JUSTIFICATION.name(), justification);
        }
        form.put(SoftwareAccessProcess.ADMIN_RIGHTS.name(), adminRights);
        if (endDate != null) {
            form.put(SoftwareAccessProcess.END_DATE.name(), endDate.toString());
        }
        return form;
    }

    public long softwareId(String name) {
        return catalog.active().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No active software named " + name)).id();
    }

    public long anyFreeSoftware() {
        return catalog.active().stream().filter(s -> s.licenceCostEur().signum() == 0).findFirst().orElseThrow().id();
    }
}
