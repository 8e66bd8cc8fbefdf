package nl.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A count in a message goes through the bundle's choice format ("{0,choice,1#1 day|1<{0} days}"), never a bare
 * placeholder before a plural noun, which reads "1 days" / "1 dagen" for one.
 */
class MessagePluralsTest {

    private static final Pattern BARE_COUNT_BEFORE_PLURAL = Pattern.compile(
            "\\{\\d+(,number[^}]*)?\\}\\s+(days|hours|minutes|weeks|months|years|characters|files|versions|choices"
                    + "|tasks|times|credits|items|requests|members|fields|rows|mails|e-mails|products|environments"
                    + "|dagen|uur|uren|minuten|weken|maanden|jaar|jaren|tekens|bestanden|versies|keuzes|taken|keer"
                    + "|aanvragen|leden|velden|rijen|producten|omgevingen)\\b");

    private static final Pattern CHOICE_START = Pattern.compile("\\{\\d+,choice,");

    @ParameterizedTest
    @ValueSource(strings = {"translations.properties", "translations_nl.properties"})
    void every_count_before_a_plural_noun_uses_choice_format(String bundle) throws IOException {
        List<String> bare = new ArrayList<>();
        Properties messages = load(bundle);
        for (String key : messages.stringPropertyNames()) {
            Matcher matcher = BARE_COUNT_BEFORE_PLURAL.matcher(withoutChoices(messages.getProperty(key)));
            if (matcher.find()) {
                bare.add(key + " = " + messages.getProperty(key));
            }
        }
        assertThat(bare).as("messages with a bare count before a plural noun in " + bundle).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"translations.properties", "translations_nl.properties"})
    void every_message_is_a_valid_message_format(String bundle) throws IOException {
        Properties messages = load(bundle);
        for (String key : messages.stringPropertyNames()) {
            String message = messages.getProperty(key);
            assertThat(new MessageFormat(message, Locale.ENGLISH).format(new Object[] {1, 2, 3, 4, 5}))
                    .as(key).isNotNull();
        }
    }

    @org.junit.jupiter.api.Test
    void one_and_many_read_right_in_both_languages() throws IOException {
        assertThat(MessageFormat.format(load("translations.properties").getProperty("form.validation.max-length"), 1))
                .isEqualTo("At most 1 character.");
        assertThat(MessageFormat.format(load("translations.properties").getProperty("form.validation.max-length"), 5))
                .isEqualTo("At most 5 characters.");
        assertThat(MessageFormat.format(load("translations_nl.properties").getProperty("form.validation.max-length"), 1))
                .isEqualTo("Hoogstens 1 teken.");
    }

    @org.junit.jupiter.api.Test
    void counts_kept_as_text_are_counted_too() {
        LoketI18NProvider i18n = new LoketI18NProvider();
        assertThat(i18n.getTranslation("publish.refused.file-count", LoketI18NProvider.ENGLISH, "1"))
                .isEqualTo("Upload between 1 and 1 file.");
        assertThat(i18n.getTranslation("publish.refused.file-count", LoketI18NProvider.DUTCH, "20"))
                .isEqualTo("Upload tussen 1 en 20 bestanden.");
        assertThat(i18n.getTranslation("publish.refused.unknown-form-version", LoketI18NProvider.DUTCH,
                "Task_1", "form-a", "3", "1"))
                .contains("vraagt versie 3, maar van dat formulier is 1 versie gepubliceerd");
    }

    /** Choice sub-formats already handle the count: leave them out of the check. */
    private static String withoutChoices(String message) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean inChoice = false;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '{') {
                if (depth == 0) {
                    inChoice = CHOICE_START.matcher(message).region(i, message.length()).lookingAt();
                }
                depth++;
            }
            if (!inChoice) {
                out.append(c);
            }
            if (c == '}') {
                depth--;
                if (depth == 0) {
                    inChoice = false;
                }
            }
        }
        return out.toString();
    }

    private static Properties load(String bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagePluralsTest.class.getResourceAsStream("/vaadin-i18n/" + bundle)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
