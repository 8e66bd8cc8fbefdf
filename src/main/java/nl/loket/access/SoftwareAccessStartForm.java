package nl.loket.access;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

    /** Only the chosen product, if it is active: the form's validation refuses anything else, as on the page. */
    @Override
    public Map<String, Object> submissionVariables(Map<String, Object> submitted, Locale locale) {
        List<Map<String, Object>> options = idOf(submitted.get(SoftwareAccessProcess.SOFTWARE.name()))
                .flatMap(service::chosen)
                .map(software -> List.of(Map.<String, Object>of("label", software.name(), "value", software.id())))
                .orElse(List.of());
        return Map.of(SoftwareAccessProcess.SOFTWARE_OPTIONS, options);
    }

    /** The chosen product's name, as the process records it (checked moments ago in this transaction). */
    @Override
    public Optional<String> summaryOf(Map<String, Object> values) {
        return idOf(values.get(SoftwareAccessProcess.SOFTWARE.name())).flatMap(service::chosen).map(Software::name);
    }

    /** An id as the validator compares option values: 12, 12.0 and "12" are the same. */
    private static Optional<Long> idOf(Object value) {
        if (!(value instanceof Number) && !(value instanceof String)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(value.toString().strip()).longValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
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
