package nl.loket.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void words_are_folded_to_lower_case_without_accents() {
        assertThat(SearchQuery.of("  Ãánvráág   Ç ").words()).containsExactly("aanvraag", "c");
        assertThat(SearchQuery.fold("  Ãánvráág Ç ")).isEqualTo("aanvraag c");
    }

    @Test
    void a_hit_needs_every_word_as_part_of_a_word_in_any_of_its_texts() {
        SearchQuery query = SearchQuery.of("intelli ULTIMATE");
        assertThat(query.matches("IntelliJ IDEA Ultimate", "JetBrains")).isTrue();
        assertThat(query.matches("IntelliJ IDEA", "Ultimate edition")).isTrue();
        assertThat(query.matches("IntelliJ IDEA Community")).isFalse();
        assertThat(SearchQuery.of("geïnstalleerd").matches("Geinstalleerd door IT")).isTrue();
    }

    @Test
    void mentions_needs_only_one_word() {
        assertThat(SearchQuery.of("monitor 27").mentions(List.of("27 inch"))).isTrue();
        assertThat(SearchQuery.of("monitor").mentions(List.of("27 inch"))).isFalse();
    }

    @Test
    void blank_input_is_a_blank_query_that_matches_nothing() {
        assertThat(SearchQuery.of(null).isBlank()).isTrue();
        assertThat(SearchQuery.of(" \t ").isBlank()).isTrue();
        assertThat(SearchQuery.of(" ").matches("anything")).isFalse();
    }

    @Test
    void overlong_input_is_cut_and_only_the_first_words_count() {
        SearchQuery query = SearchQuery.of("x".repeat(1000));
        assertThat(query.text()).hasSize(SearchQuery.MAX_LENGTH);
        assertThat(SearchQuery.of("a b c d e f g h i j k").words()).hasSize(SearchQuery.MAX_WORDS);
    }
}
