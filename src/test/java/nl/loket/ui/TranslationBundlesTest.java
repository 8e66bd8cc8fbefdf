package nl.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Dutch and English stay complete: the same keys in both, and every literal key the code asks for exists. */
class TranslationBundlesTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("getTranslation\\(\\s*\"([a-z0-9.-]+)\"\\s*[,)]");

    @Test
    void both_languages_have_the_same_keys() throws IOException {
        assertThat(bundle("translations_nl.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(bundle("translations.properties").stringPropertyNames());
    }

    @Test
    void every_key_the_code_names_literally_exists() throws IOException {
        Set<String> known = bundle("translations.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = LITERAL_KEY.matcher(Files.readString(source));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(known).containsAll(used);
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TranslationBundlesTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @org.junit.jupiter.api.Test
    void an_apostrophe_in_a_message_with_arguments_is_kept() {
        LoketI18NProvider texts = new LoketI18NProvider();
        org.assertj.core.api.Assertions.assertThat(texts.getTranslation("environment.estimate.over-budget",
                java.util.Locale.ENGLISH, "Mark de Vries"))
                .isEqualTo("Over the tenant's budget: needs approval by Mark de Vries.");
        org.assertj.core.api.Assertions.assertThat(texts.getTranslation("publish.refused.unsupported-components",
                java.util.Locale.ENGLISH, "a.form", "filepicker (key 'x')"))
                .contains("Camunda 7.24's Tasklist", "filepicker (key 'x')");
    }

    @org.junit.jupiter.api.Test
    void one_credit_is_singular_in_both_languages() {
        LoketI18NProvider texts = new LoketI18NProvider();
        for (java.util.Locale locale : java.util.List.of(java.util.Locale.ENGLISH, java.util.Locale.forLanguageTag("nl"))) {
            org.assertj.core.api.Assertions.assertThat(texts.getTranslation("fact.credits", locale, "1",
                    java.math.BigDecimal.ONE)).isEqualTo("1 credit");
            org.assertj.core.api.Assertions.assertThat(texts.getTranslation("fact.credits", locale, "2,5",
                    new java.math.BigDecimal("2.5"))).isEqualTo("2,5 credits");
        }
    }

    @org.junit.jupiter.api.Test
    void counts_are_singular_for_one_in_both_languages() {
        LoketI18NProvider texts = new LoketI18NProvider();
        java.util.Locale en = java.util.Locale.ENGLISH;
        java.util.Locale nl = java.util.Locale.forLanguageTag("nl");
        org.assertj.core.api.Assertions.assertThat(texts.getTranslation("inbox.total", en, "1", 1)).isEqualTo("1 task");
        org.assertj.core.api.Assertions.assertThat(texts.getTranslation("inbox.total", nl, "3", 3)).isEqualTo("3 taken");
        org.assertj.core.api.Assertions.assertThat(texts.getTranslation("environment.cost.runs", en, 1))
                .isEqualTo("Started once");
        org.assertj.core.api.Assertions.assertThat(texts.getTranslation("environment.cost.runs", en, 4))
                .isEqualTo("Started 4 times");
        org.assertj.core.api.Assertions.assertThat(texts.getTranslation("environment.size.factor", en, "Small", "1",
                java.math.BigDecimal.ONE)).isEqualTo("Small (× 1 credit)");
        org.assertj.core.api.Assertions.assertThat(texts.getTranslation("environment.cost.per-hour", nl, "1,5",
                new java.math.BigDecimal("1.5"))).startsWith("1,5 credits per uur");
        org.assertj.core.api.Assertions.assertThat(texts.getTranslation("environment.lease-end.help", en, 1, 14))
                .isEqualTo("Default 1 day, at most 14 days for this stage.");
    }
}
