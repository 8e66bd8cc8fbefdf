package nl.loket.search;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What someone typed into a search box, as words folded the way every search source compares them: lower case,
 * without accents ("Aanvráág" and "aanvraag" are the same word). A hit must contain every word, as part of a word
 * ("intelli" finds "IntelliJ"). Overlong input is cut, so a pasted page cannot become a costly query.
 */
public record SearchQuery(String text, List<String> words) {

    /** Longer input is cut to this many characters. */
    public static final int MAX_LENGTH = 200;
    /** Words after these are ignored. */
    public static final int MAX_WORDS = 8;

    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");

    public static SearchQuery of(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.length() > MAX_LENGTH) {
            typed = typed.substring(0, MAX_LENGTH).strip();
        }
        List<String> words = Arrays.stream(fold(typed).split("\\s+")).filter(word -> !word.isEmpty())
                .distinct().limit(MAX_WORDS).toList();
        return new SearchQuery(typed, words);
    }

    public boolean isBlank() {
        return words.isEmpty();
    }

    /** Whether every word occurs in one of the texts (null texts are skipped). */
    public boolean matches(String... texts) {
        return matches(Arrays.asList(texts));
    }

    public boolean matches(List<String> texts) {
        String haystack = fold(String.join(" ", texts.stream().map(t -> t == null ? "" : t).toList()));
        return !isBlank() && words.stream().allMatch(haystack::contains);
    }

    /** Whether at least one word occurs in one of the texts. */
    public boolean mentions(List<String> texts) {
        String haystack = fold(String.join(" ", texts.stream().map(t -> t == null ? "" : t).toList()));
        return words.stream().anyMatch(haystack::contains);
    }

    /** Lower case without accents: "Ãánvráág Ç" becomes "aanvraag c". */
    public static String fold(String text) {
        return DIACRITICS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT).strip();
    }
}
