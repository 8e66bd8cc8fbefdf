package nl.loket.access;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.loket.request.StartFormContext;
import nl.loket.ui.Formats;
import org.springframework.stereotype.Component;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * The options of the software field in forms/software-access-request.form ({@code valuesKey: softwareOptions}):
 * the active software from Loket's catalogue, each labelled with its vendor, licence cost and whether it needs
 * approval and whether IT installs it by hand, so the requester knows before submitting what will happen.
 */
@Component
class SoftwareAccessStartForm implements StartFormContext {

    private final SoftwareAccessService service;
    private final I18NProvider i18n;

    SoftwareAccessStartForm(SoftwareAccessService service, I18NProvider i18n) {
        this.service = service;
        this.i18n = i18n;
    }

    @Override
    public String processKey() {
        return SoftwareAccessProcess.KEY;
    }

    @Override
    public Map<String, Object> variables(Locale locale) {
        List<Map<String, Object>> options = service.choices().stream()
                .map(choice -> Map.<String, Object>of("label", label(choice, locale), "value", choice.software().id()))
                .toList();
        return Map.of(SoftwareAccessProcess.SOFTWARE_OPTIONS, options);
    }

    private String label(SoftwareChoice choice, Locale locale) {
        Software software = choice.software();
        String cost = software.licenceCostEur().signum() == 0 ? i18n.getTranslation("software.free", locale)
                : Formats.euros(software.licenceCostEur(), locale) + " "
                        + i18n.getTranslation("software.per-month", locale);
        String approval = i18n.getTranslation(choice.needsApproval() ? "software.approval-needed"
                : software.isManual() ? "software.approval-not-needed.manual" : "software.approval-not-needed", locale);
        return software.name() + " (" + software.vendor() + ") · " + cost + " · " + approval
                + (software.isManual() ? " · " + i18n.getTranslation("software.delivery.MANUAL", locale) : "");
    }
}
