package nl.loket.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchSqlTest {

    @Test
    void the_database_folds_accents_as_the_query_is_folded() {
        assertThat(SearchSql.ACCENTED).hasSameSizeAs(SearchSql.PLAIN);
        assertThat(SearchQuery.fold(SearchSql.ACCENTED)).isEqualTo(SearchSql.PLAIN);
        assertThat(SearchQuery.fold(SearchSql.ACCENTED.toUpperCase(java.util.Locale.ROOT)))
                .as("upper case is lowered first").isEqualTo(SearchSql.PLAIN);
    }

    @Test
    void every_word_must_be_in_one_of_the_columns() {
        SearchSql sql = SearchSql.matching(SearchQuery.of("intelli ultimate"), "name", "vendor");
        assertThat(sql.sql()).containsOnlyOnce(" and ").contains(" or ");
        assertThat(sql.params()).containsExactly("%intelli%", "%intelli%", "%ultimate%", "%ultimate%");
    }

    @Test
    void typed_wildcards_are_characters_to_find() {
        assertThat(SearchSql.matching(SearchQuery.of("100%_!"), "name").params()).containsExactly("%100!%!_!!%");
    }

    @Test
    void a_blank_query_matches_no_row() {
        assertThat(SearchSql.matching(SearchQuery.of(" "), "name").sql()).isEqualTo("1 = 0");
    }
}
