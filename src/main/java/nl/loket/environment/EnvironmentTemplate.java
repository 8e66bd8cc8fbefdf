package nl.loket.environment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A kind of environment admins offer: what it is made of, for which stages, at which sizes (with their credit
 * factor), and which provider makes it. Data, not code: see {@link TemplateCatalog}.
 */
public record EnvironmentTemplate(String code, String nameEn, String nameNl, String descriptionEn,
                                  String descriptionNl, List<String> components, Set<Stage> stages, String provider,
                                  Map<Size, BigDecimal> sizeFactors, boolean active) {

    public String name(Locale locale) {
        return "nl".equals(locale.getLanguage()) ? nameNl : nameEn;
    }

    public String description(Locale locale) {
        return "nl".equals(locale.getLanguage()) ? descriptionNl : descriptionEn;
    }

    public boolean offers(Size size) {
        return sizeFactors.get(size) != null;
    }
}
