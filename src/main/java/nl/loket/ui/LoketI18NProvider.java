package nl.loket.ui;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * UI texts from vaadin-i18n/translations*.properties, Dutch and English. Dutch comes first: it is the language
 * of the organisations Loket is made for, and the one a browser gets that asks for neither.
 */
@Component
public class LoketI18NProvider implements I18NProvider {

    public static final Locale DUTCH = Locale.forLanguageTag("nl");
    public static final Locale ENGLISH = Locale.ENGLISH;

    private static final Logger log = LoggerFactory.getLogger(LoketI18NProvider.class);
    private static final String BUNDLE = "vaadin-i18n.translations";
    private static final Pattern CHOICE_ARGUMENT = Pattern.compile("\\{(\\d+),choice,");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(DUTCH, ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, supported(locale), NO_FALLBACK).getString(key);
            // a lone apostrophe is text ("the tenant's budget"), not MessageFormat's quote: only '' stays as it is
            return params.length == 0 ? pattern
                    : new MessageFormat(pattern.replaceAll("(?<!')'(?!')", "''"), locale).format(counted(pattern, params));
        } catch (MissingResourceException e) {
            log.warn("Missing translation '{}' for {}", key, locale);
            return key;
        }
    }

    /**
     * The arguments a pattern counts with ({@code {0,choice,1#1 file|1<{0} files}}) as numbers, also when they come
     * as text (refusal reasons and notifications keep their arguments as strings): choice format takes only numbers.
     */
    private static Object[] counted(String pattern, Object[] params) {
        Object[] counted = params.clone();
        Matcher choice = CHOICE_ARGUMENT.matcher(pattern);
        while (choice.find()) {
            int index = Integer.parseInt(choice.group(1));
            if (index < counted.length && counted[index] instanceof String text && NUMBER.matcher(text).matches()) {
                counted[index] = new java.math.BigDecimal(text);
            }
        }
        return counted;
    }

    /**
     * A text the bundles may or may not have (a translation of a model's own name): empty, and no warning, when
     * they do not.
     */
    public java.util.Optional<String> find(String key, Locale locale) {
        try {
            return java.util.Optional.of(ResourceBundle.getBundle(BUNDLE, supported(locale), NO_FALLBACK)
                    .getString(key));
        } catch (MissingResourceException e) {
            return java.util.Optional.empty();
        }
    }

    private static Locale supported(Locale locale) {
        return locale != null && DUTCH.getLanguage().equals(locale.getLanguage()) ? DUTCH : Locale.ROOT;
    }
}
